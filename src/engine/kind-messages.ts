/**
 * The check kinds' default messages (`rules/kinds/<kind>.yaml`, embedded by
 * scripts/kind-messages.mjs): read once, validated like a rule's messages (every shared message of
 * the kind is there, with zh and en, using only the values the kind provides), errors located in
 * the YAML file. The loader merges them, under a pack's own `messages:`, into each loaded pack.
 */
import { nodeAt, readYaml, zodErrors } from '../yaml-source.js';
import { z } from '../zod.js';
import { CHECK_REGISTRY } from './checks/registry.js';
import { KIND_MESSAGE_FILES } from './kind-messages.generated.js';
import type { LoadError } from './load-error.js';
import { valueText, type Message, type MessageValue } from './message.js';
import { MessageIdSchema, MessageSchema } from './schema.js';
import { sharedMessageProblems } from './validate-messages.js';

/** Messages by kind name, then by message id. */
export type KindMessageMap = Record<string, Record<string, Message>>;

const FileSchema = z.strictObject({ messages: z.record(MessageIdSchema, MessageSchema) });

/** Reads and validates the default messages of the kinds from YAML files (file path and text). */
export function readKindMessages(files: readonly { file: string; text: string }[]): { messages: KindMessageMap; errors: LoadError[] } {
  const messages: KindMessageMap = {};
  const errors: LoadError[] = [];
  for (const { file, text } of files) {
    const kind = file.slice(file.lastIndexOf('/') + 1).replace(/\.ya?ml$/, '');
    const { source, errors: readErrors } = readYaml(text, file, { what: { zh: '默认消息文件', en: 'default messages file' } });
    if (!source) {
      errors.push(...readErrors);
      continue;
    }
    const parsed = FileSchema.safeParse(source.value);
    if (!parsed.success) {
      errors.push(...zodErrors(source, parsed.error.issues, { docs: { zh: '写法见 docs/writing-rules.md 的“共用消息”', en: 'see "共用消息" in docs/writing-rules.md' } }));
      continue;
    }
    const entry = Object.hasOwn(CHECK_REGISTRY, kind) ? CHECK_REGISTRY[kind as keyof typeof CHECK_REGISTRY] : undefined;
    if (!entry) {
      errors.push({ file, line: 1, column: 1, message: `默认消息文件 ${file}：没有名为 ${kind} 的检查种类`, hint: '文件名是检查种类的名称（relation.yaml）' });
      continue;
    }
    for (const problem of sharedMessageProblems(kind, parsed.data.messages, entry.shared ?? {}, `默认消息 ${kind}`, true)) {
      const node = nodeAt(source.root, ['messages', ...problem.path]);
      errors.push({ file, ...source.position(node?.range?.[0] ?? 0), message: problem.message, hint: problem.hint });
    }
    messages[kind] = parsed.data.messages;
  }
  return { messages, errors };
}

let builtin: { messages: KindMessageMap; errors: LoadError[] } | null = null;

/** The built-in default messages of the kinds (read once). */
export function kindMessages(): { messages: KindMessageMap; errors: LoadError[] } {
  builtin ??= readKindMessages(KIND_MESSAGE_FILES);
  return builtin;
}

/**
 * A value as text in a language through a kind's default messages, without a rule (what a rule
 * that keeps the defaults shows): for tests and tools that look at a check's phrases directly.
 */
export function defaultText(kind: string, value: MessageValue, locale: 'zh' | 'en' = 'zh'): string {
  const messages = kindMessages().messages[kind] ?? {};
  const messageOf = (id: string): Message => {
    const found = Object.hasOwn(messages, id) ? messages[id] : undefined;
    if (!found) throw new Error(`no default message ${id} of kind ${kind}`);
    return found;
  };
  return valueText(value, {}, { locale, messageOf });
}
