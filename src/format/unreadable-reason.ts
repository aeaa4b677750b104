/**
 * Why a row is unreadable, in words: the parser records a reason code and its values, the words are
 * the `unreadable-rows` kind's messages `reason-<code>` (rules/kinds/unreadable-rows.yaml).
 * The check passes {@link reasonPhrase} to the engine (so a pack may write its own texts); the
 * outline and the HTML report, which may not load the engine, show the defaults through
 * {@link defaultReasonText}. Only leaf modules of the engine are read here (the embedded YAML
 * text and the placeholder renderer), so no import cycle arises.
 */
import { KIND_MESSAGE_DEFAULTS } from '../engine/kind-messages.generated.js';
import { valueText, type Message, type MessageValue, type Phrase } from '../engine/message.js';
import type { UnreadableWhy } from '../model/report.js';

// `missing` lists labels each in quotes (「甲」、「乙」): its separator closes and reopens them.
const QUOTED_LISTS: ReadonlySet<string> = new Set(['missing']);

/** The reason of an unreadable row as a phrase of the kind's messages (`reason-<code>`, lists joined). */
export function reasonPhrase(why: UnreadableWhy): Phrase {
  const vars: Record<string, MessageValue> = {};
  for (const [name, value] of Object.entries(why.values)) {
    vars[name] = Array.isArray(value) ? { join: value, sep: QUOTED_LISTS.has(name) ? 'sep-quoted' : 'sep-list' } : value;
  }
  return { message: `reason-${why.reason}`, vars };
}

// The kind's YAML is checked when the engine loads it (test/engine/kind-messages.test.ts); here its
// texts come parsed at build time, so showing a reason loads no YAML parser.
const defaultMessages = (): Readonly<Record<string, Message>> => KIND_MESSAGE_DEFAULTS['unreadable-rows'] ?? {};

/** The reason in a language, with the default texts (an unknown message reads as its id). */
export function defaultReasonText(why: UnreadableWhy, locale: 'zh' | 'en' = 'zh'): string {
  const messages = defaultMessages();
  const messageOf = (id: string): Message => (Object.hasOwn(messages, id) ? messages[id]! : { zh: id, en: id });
  return valueText(reasonPhrase(why), {}, { locale, messageOf });
}
