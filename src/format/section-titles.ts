/**
 * The six section titles of the national format (国办公开办函〔2019〕60号 and 〔2021〕30号) and the
 * wordings real reports use for them, matched by similarity of character pairs, not by keywords:
 * a reworded or mistyped title (行政法复议) still matches, an ordinary sentence does not.
 */
import { isSpaceCode, labelKey } from './normalize.js';

/** One section of the national format: its number, official title and the variants reports use. */
export interface SectionTitle {
  /** Chinese numeral of the section (一 … 六). */
  number: string;
  official: string;
  variants: readonly string[];
}

/** The six sections, in order. Variants are real wordings (see docs/sections.md). */
export const NATIONAL_SECTIONS: readonly SectionTitle[] = [
  { number: '一', official: '总体情况', variants: ['概况', '概述', '基本情况', '总体工作情况', '工作总体情况', '政府信息公开工作总体情况', '政府信息公开工作概况', '基本工作情况', '总体概况'] },
  {
    number: '二', official: '主动公开政府信息情况',
    variants: ['主动公开政府信息的情况', '主动公开情况', '行政机关主动公开政府信息情况', '政府信息主动公开情况', '主动公开工作情况'],
  },
  {
    number: '三', official: '收到和处理政府信息公开申请情况',
    variants: ['收到和处理政府信息公开申请的情况', '依申请公开政府信息情况', '政府信息依申请公开工作情况', '依申请公开情况', '政府信息公开申请情况', '受理和处理政府信息公开申请情况', '收到和处理申请情况'],
  },
  {
    number: '四', official: '政府信息公开行政复议、行政诉讼情况',
    variants: ['行政复议、行政诉讼情况', '复议、诉讼情况', '因政府信息公开工作被申请行政复议、提起行政诉讼情况', '政府信息公开行政复议和行政诉讼情况', '行政复议和行政诉讼情况', '因政府信息公开申请行政复议、提起行政诉讼情况', '政府信息公开引发的行政复议、行政诉讼情况'],
  },
  {
    number: '五', official: '存在的主要问题及改进情况',
    variants: ['政府信息公开工作存在的主要问题及改进情况', '存在的不足及改进措施', '存在的主要问题及整改情况', '存在的主要问题及整改措施', '存在问题及改进情况', '存在的问题及改进措施', '存在的主要问题和改进情况', '存在的问题和不足及改进措施', '存在的不足和改进措施'],
  },
  {
    number: '六', official: '其他需要报告的事项',
    variants: ['其他需报告的事项', '其他事项', '其他需要说明的事项', '其他需要报告事项', '其他需要报告的情况'],
  },
];

/** Cut-off for a title to count as a section's title (Dice coefficient of character pairs). */
export const TITLE_MATCH = 0.6;

/** The key a title is compared by: {@link labelKey} without 的 (reports add or drop it freely). */
export function titleKey(title: string): string {
  return labelKey(title).replace(/的/g, '');
}

const KEYS: readonly (readonly string[])[] = NATIONAL_SECTIONS.map((s) => [s.official, ...s.variants].map(titleKey));

/** A character pair as one number: cheaper to count than a two-character string. */
function pairCode(text: string, i: number): number {
  return text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
}

/** Pair codes of a key, counted. */
function pairCodes(key: string): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i + 1 < key.length; i++) out.set(pairCode(key, i), (out.get(pairCode(key, i)) ?? 0) + 1);
  return out;
}

const codeCache = new Map<string, Map<number, number>>();

/** Similarity of two title keys, 0 … 1 (Dice coefficient of their character pairs; equal keys 1). `b` is a known title (its pairs are cached). */
export function keySimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  let pb = codeCache.get(b);
  if (!pb) {
    pb = pairCodes(b);
    codeCache.set(b, pb);
  }
  let common = 0;
  for (const [p, n] of pairCodes(a)) common += Math.min(n, pb.get(p) ?? 0);
  return (2 * common) / (a.length - 1 + (b.length - 1));
}

/** A known title key with its character pairs counted, for prefix matching. */
interface KnownKey {
  index: number;
  key: string;
  /** Pair code (two UTF-16 units as one number) → count. */
  codes: Map<number, number>;
}

/** Known keys by their first character: a title starts as a known one does. */
const BY_FIRST: ReadonlyMap<string, readonly KnownKey[]> = (() => {
  const out = new Map<string, KnownKey[]>();
  for (const [index, keys] of KEYS.entries()) {
    for (const key of keys) out.set(key.charAt(0), [...(out.get(key.charAt(0)) ?? []), { index, key, codes: pairCodes(key) }]);
  }
  return out;
})();

/** True when some known title starts with this character (most lines fail this first test). */
export function startsLikeTitle(char: string): boolean {
  return BY_FIRST.has(char);
}

/** A title's best-matching national section: its index (0 = 一) and the similarity. */
export interface TitleMatch {
  index: number;
  score: number;
}

/** The national section a heading title names, or null (similarity below {@link TITLE_MATCH}). */
export function matchSectionTitle(title: string): TitleMatch | null {
  return matchTitleKey(titleKey(title));
}

/** Every known key, flat, with its section index. */
const FLAT: readonly { index: number; key: string }[] = KEYS.flatMap((keys, index) => keys.map((key) => ({ index, key })));

/** Pair code → the known keys holding it and how often: similarity by posting lists, not by comparing every key. */
const POSTINGS: ReadonlyMap<number, readonly { k: number; n: number }[]> = (() => {
  const out = new Map<number, { k: number; n: number }[]>();
  for (const [k, { key }] of FLAT.entries()) for (const [p, n] of pairCodes(key)) out.set(p, [...(out.get(p) ?? []), { k, n }]);
  return out;
})();

/** Common pair counts per known key, reused by every call (single-threaded, not re-entrant). */
const COMMON = new Int32Array(FLAT.length);

/** {@link matchSectionTitle} of a key made already. */
function matchTitleKey(key: string): TitleMatch | null {
  // A title is short; a sentence is not a title however similar its start.
  if (key.length < 2 || key.length > 40) return null;
  const common = COMMON.fill(0);
  for (const [p, n] of pairCodes(key)) for (const { k, n: m } of POSTINGS.get(p) ?? []) common[k]! += Math.min(n, m);
  let best: TitleMatch | null = null;
  for (const [k, { index, key: known }] of FLAT.entries()) {
    if (common[k] === 0) continue;
    const score = known === key ? 1 : (2 * common[k]!) / (key.length - 1 + (known.length - 1));
    if (score >= TITLE_MATCH && (!best || score > best.score)) best = { index, score };
  }
  return best;
}

/** The official title and variants of the section an official title names (for rule packs). */
export function knownTitlesOf(official: string): readonly string[] {
  const key = titleKey(official);
  const hit = NATIONAL_SECTIONS.find((s) => titleKey(s.official) === key);
  return hit ? [hit.official, ...hit.variants] : [official];
}

/** Longest known title key: an inline heading's title is looked for within this many characters. */
export const LONGEST_TITLE = Math.max(...KEYS.flat().map((k) => k.length));

/** 1 for each UTF-16 code unit a title key leaves out: white space (as `trim()` removes it) and these marks (as {@link titleKey} does). */
const KEY_DROPPED = (() => {
  const drop = new Uint8Array(0x10000);
  for (let c = 0; c < drop.length; c++) if (isSpaceCode(c)) drop[c] = 1;
  for (const c of '、，,。.．:：;；!?！？“”"\'‘’「」『』《》〈〉<>()（）[]【】{}〔〕-—–_·•*#|/\\~～的') drop[c.charCodeAt(0)] = 1;
  return drop;
})();

/** Full stops that end a title's search (a title holds none). */
const isTitleStop = (c: number): boolean => c === 0x3002 /* 。 */ || c === 0xff1b /* ； */ || c === 0x3b /* ; */ || c === 0xff01 /* ！ */ || c === 0xff1f; /* ？ */

/** A known key's character pairs as numbered slots with their counts: common pairs are counted in a small array, not a map per call. */
interface KeySlots {
  slotOf: Map<number, number>;
  counts: Int32Array;
}
const SLOTS = new WeakMap<KnownKey, KeySlots>();
function slotsOf(k: KnownKey): KeySlots {
  let slots = SLOTS.get(k);
  if (!slots) {
    const slotOf = new Map<number, number>();
    const counts = new Int32Array(k.codes.size);
    for (const [p, n] of k.codes) {
      counts[slotOf.size] = n;
      slotOf.set(p, slotOf.size);
    }
    slots = { slotOf, counts };
    SLOTS.set(k, slots);
  }
  return slots;
}

/** The kept characters of a text's start and where each ends in the text, reused by every call (single-threaded, not re-entrant). */
const KEPT = new Uint16Array(LONGEST_TITLE + 2);
const ENDS = new Int32Array(LONGEST_TITLE + 2);
const USED = new Int32Array(LONGEST_TITLE + 2);

/**
 * The section title at the start of `text` (a heading glued to its body, or inline in a line of
 * a web page), or null: the prefix of `text` whose key best matches a known title starting with
 * the same character, and its length in `text`. Each known key is compared with the prefixes of
 * its own length and one character either side, counting common pairs as the prefix grows: the
 * cost is bounded by the number of known keys times their length, whatever the text. Profiled
 * (the outline's main cost): the kept characters go into typed arrays, not a string built by
 * concatenation, and common pairs are counted in slots, not in a map per known key.
 */
export function titleAtStart(text: string): { match: TitleMatch; length: number } | null {
  const end = Math.min(text.length, LONGEST_TITLE * 3);
  // Most texts fail on their first kept character: no known title starts with it.
  let start = 0;
  while (start < end && KEY_DROPPED[text.charCodeAt(start)] === 1) start++;
  const known = BY_FIRST.get(text.charAt(start));
  if (!known) return null;
  let length = 0;
  for (let i = start; i < end && length < LONGEST_TITLE + 2; i++) {
    const c = text.charCodeAt(i);
    if (isTitleStop(c)) break;
    if (KEY_DROPPED[c] === 1) continue;
    KEPT[length] = c;
    ENDS[length] = i + 1;
    length++;
  }
  if (length < 2) return null;
  let best: { match: TitleMatch; length: number } | null = null;
  for (const k of known) {
    const { slotOf, counts } = slotsOf(k);
    USED.fill(0, 0, counts.length);
    let common = 0;
    const last = Math.min(length, k.key.length + 1);
    for (let len = 2; len <= last; len++) {
      const slot = slotOf.get(KEPT[len - 2]! * 0x10000 + KEPT[len - 1]!);
      if (slot !== undefined) {
        if (USED[slot]! < counts[slot]!) common++;
        USED[slot]!++;
      }
      if (len < k.key.length - 1) continue;
      const score = (2 * common) / (len - 1 + (k.key.length - 1));
      if (score >= TITLE_MATCH && (!best || score > best.match.score)) best = { match: { index: k.index, score }, length: ENDS[len - 1]! };
    }
  }
  return best;
}

/** Known titles count as certain evidence of a heading at or above this similarity. */
export const STRONG_MATCH = 0.75;
