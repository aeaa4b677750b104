/**
 * `{{name}}` placeholders in rule messages, filled from an outcome's values. A value is text, a
 * number, or a {@link Phrase}: text made of the rule's messages (a kind's shared messages, such as
 * relation's 「（空）」), rendered in the finding's language. TypeScript passes message ids and
 * values; every word a user reads comes from the YAML.
 */

/** A message in Chinese and English. */
export interface Message {
  zh: string;
  en: string;
}

/**
 * Text in the finding's language made of messages: one message (`message`, filled with `vars`, or
 * with the enclosing values when `vars` is absent), values joined (`join`, separated by the message
 * `sep` when given), or a value whose first letter is a capital (`upperFirst`: an English sentence
 * that starts with a value; Chinese is unchanged).
 */
export type Phrase =
  | { readonly message: string; readonly vars?: Readonly<Record<string, MessageValue>> }
  | { readonly join: readonly MessageValue[]; readonly sep?: string }
  | { readonly upperFirst: MessageValue };

/** A value for a `{{name}}` placeholder. */
export type MessageValue = string | number | Phrase;

/** What a {@link Phrase} needs: the language, and the rule's message of an id. */
export interface RenderContext {
  locale: 'zh' | 'en';
  messageOf(id: string): Message;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** A value as text in the context's language (text and numbers as they are). */
export function valueText(value: MessageValue, vars: Readonly<Record<string, MessageValue>>, ctx?: RenderContext): string {
  if (typeof value !== 'object') return String(value);
  if (!ctx) return '';
  if ('message' in value) {
    const template = ctx.messageOf(value.message)[ctx.locale];
    return render(template, value.vars ?? vars, ctx);
  }
  if ('join' in value) {
    const sep = value.sep === undefined ? '' : valueText({ message: value.sep }, vars, ctx);
    return value.join.map((v) => valueText(v, vars, ctx)).join(sep);
  }
  const text = valueText(value.upperFirst, vars, ctx);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Fills `{{name}}` placeholders; an unknown name is left as it is, so tests can catch it. Phrases
 * are rendered through `ctx` (without it, as empty text).
 */
export function render(template: string, vars: Readonly<Record<string, MessageValue>>, ctx?: RenderContext): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(vars, name) ? valueText(vars[name]!, vars, ctx) : whole));
}

// The fingerprint hash belongs to the findings (model); re-exported for the engine's modules.
export { hash } from '../model/hash.js';
