/**
 * Load-time checks of a rule's messages against its check kind: every message id the kind can
 * emit is written in the rule (`message:` is the id `default`, the others under `messages:`), or,
 * for the kind's shared messages, in its pack or the kind's defaults (`rules/kinds/<kind>.yaml`),
 * with both zh and en; every `{{name}}` a template uses is a value the kind provides for that
 * message; and no message is written that the kind never emits (a misspelt id would otherwise
 * be silently unused). Errors come with the path of the YAML node they are about.
 */
import type { MessageValues } from './checks/kind.js';
import type { Rule } from './schema.js';

/** A problem with a rule's messages, at a path inside the rule's mapping. */
export interface MessageProblem {
  path: (string | number)[];
  message: string;
  hint: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The `{{name}}` placeholders of a template, in order, each once. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

const list = (names: readonly string[]): string => (names.length ? names.join('、') : '（无）');

/** The problems of the `{{name}}` placeholders of one message, given the values it may use. */
function placeholderProblems(template: { zh: string; en: string }, values: readonly string[], base: (string | number)[], who: string, id: string): MessageProblem[] {
  const out: MessageProblem[] = [];
  for (const lang of ['zh', 'en'] as const) {
    for (const name of placeholders(template[lang])) {
      if (values.includes(name)) continue;
      out.push({ path: [...base, lang], message: `${who}：消息「${id}」（${lang}）中的 {{${name}}} 不是这种检查提供的值`, hint: `消息「${id}」可用的值：${list(values)}` });
    }
  }
  return out;
}

/**
 * The problems of a rule's messages, given what its kind emits: `emitted` (the rule's own
 * messages) and `shared` (the kind's shared messages), of which those in `provided` are written in
 * the rule's pack or the kind's defaults and need not be in the rule.
 */
export function messageProblems(rule: Pick<Rule, 'id' | 'message' | 'messages'>, emitted: MessageValues, shared: MessageValues = {}, provided: ReadonlySet<string> = new Set()): MessageProblem[] {
  const out: MessageProblem[] = [];
  const own = rule.messages ?? {};
  if (Object.hasOwn(own, 'default')) {
    out.push({ path: ['messages', 'default'], message: `规则 ${rule.id}：默认消息写在 message: 下，不写 messages.default`, hint: '把它移到 message: 下' });
  }
  for (const [id, values] of [...Object.entries(emitted), ...Object.entries(shared)]) {
    const template = id === 'default' ? rule.message : Object.hasOwn(own, id) ? own[id] : undefined;
    const base = id === 'default' ? ['message'] : ['messages', id];
    if (!template) {
      if (Object.hasOwn(shared, id) && provided.has(id)) continue;
      out.push({ path: Object.keys(own).length ? ['messages'] : ['message'], message: `规则 ${rule.id}：缺少消息「${id}」`, hint: `这种检查会给出消息「${id}」：在 messages: 下写 ${id}: { zh: …, en: … }（可用的值：${list(values)}）` });
      continue;
    }
    out.push(...placeholderProblems(template, values, base, `规则 ${rule.id}`, id));
  }
  for (const id of Object.keys(own)) {
    if (id === 'default' || Object.hasOwn(emitted, id) || Object.hasOwn(shared, id)) continue;
    out.push({ path: ['messages', id], message: `规则 ${rule.id}：这种检查不会给出消息「${id}」`, hint: `这种检查的消息：${list([...Object.keys(emitted), ...Object.keys(shared)])}（default 写在 message: 下）` });
  }
  return out;
}

/**
 * The problems of a map of a kind's shared messages (a pack's `messages: { <kind>: … }` or the
 * kind's defaults file): each id is one of the kind's shared messages and uses only its values;
 * with `complete`, every shared message is there (the defaults must give them all).
 */
export function sharedMessageProblems(kind: string, map: Readonly<Record<string, { zh: string; en: string }>>, shared: MessageValues, who: string, complete = false): MessageProblem[] {
  const out: MessageProblem[] = [];
  for (const [id, template] of Object.entries(map)) {
    const values = Object.hasOwn(shared, id) ? shared[id] : undefined;
    if (!values) {
      out.push({ path: [id], message: `${who}：${kind} 检查没有共用消息「${id}」`, hint: Object.keys(shared).length ? `${kind} 的共用消息：${list(Object.keys(shared))}` : `${kind} 检查没有共用消息：消息写在各规则的 message:/messages: 下` });
      continue;
    }
    out.push(...placeholderProblems(template, values, [id], who, id));
  }
  if (complete) {
    for (const [id, values] of Object.entries(shared)) {
      if (!Object.hasOwn(map, id)) out.push({ path: [], message: `${who}：缺少 ${kind} 检查的共用消息「${id}」`, hint: `写 ${id}: { zh: …, en: … }（可用的值：${list(values)}）` });
    }
  }
  return out;
}
