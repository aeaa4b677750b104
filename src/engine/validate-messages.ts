/**
 * Load-time checks of a rule's messages against its check kind: every message id the kind can
 * emit is written in the rule (`message:` is the id `default`, the others under `messages:`),
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

/** The problems of a rule's messages, given what its kind emits. */
export function messageProblems(rule: Pick<Rule, 'id' | 'message' | 'messages'>, emitted: MessageValues): MessageProblem[] {
  const out: MessageProblem[] = [];
  const own = rule.messages ?? {};
  if (Object.hasOwn(own, 'default')) {
    out.push({ path: ['messages', 'default'], message: `规则 ${rule.id}：默认消息写在 message: 下，不写 messages.default`, hint: '把它移到 message: 下' });
  }
  for (const [id, values] of Object.entries(emitted)) {
    const template = id === 'default' ? rule.message : Object.hasOwn(own, id) ? own[id] : undefined;
    const base = id === 'default' ? ['message'] : ['messages', id];
    if (!template) {
      out.push({ path: Object.keys(own).length ? ['messages'] : ['message'], message: `规则 ${rule.id}：缺少消息「${id}」`, hint: `这种检查会给出消息「${id}」：在 messages: 下写 ${id}: { zh: …, en: … }（可用的值：${list(values)}）` });
      continue;
    }
    for (const lang of ['zh', 'en'] as const) {
      for (const name of placeholders(template[lang])) {
        if (values.includes(name)) continue;
        out.push({ path: [...base, lang], message: `规则 ${rule.id}：消息「${id}」（${lang}）中的 {{${name}}} 不是这种检查提供的值`, hint: `消息「${id}」可用的值：${list(values)}` });
      }
    }
  }
  for (const id of Object.keys(own)) {
    if (id === 'default' || Object.hasOwn(emitted, id)) continue;
    out.push({ path: ['messages', id], message: `规则 ${rule.id}：这种检查不会给出消息「${id}」`, hint: `这种检查的消息：${list(Object.keys(emitted))}（default 写在 message: 下）` });
  }
  return out;
}
