/**
 * Fuzzy matching of printed labels against the format's labels, tolerant of width, punctuation,
 * spacing, numbering, labels broken into fragments, and misprints (其他法律行政止公开).
 */
import { lcsLength } from '../format/lcs.js';
import { labelKey, numberlessKey } from '../format/normalize.js';
import type { Row } from './rows.js';
import { memo1, memo2, TEXTS_KEPT } from './memo.js';

/** The similarity at or above which a printed label is taken to name a format label. */
export const LABEL_MATCH = 0.75;

const keyCache = new Map<string, string>();
/** {@link labelKey} of the label without its outline number, cached (labels repeat a lot). */
export function coreKey(text: string): string {
  return memo1(keyCache, text, () => numberlessKey(text), TEXTS_KEPT);
}

const rowKeys = new WeakMap<Row, string>();
/**
 * {@link labelKey} of a row's cells joined, once per row: 表二's edition markers and its mapper
 * both read the keys of the same region's rows.
 */
export function rowLabelKey(row: Row): string {
  let key = rowKeys.get(row);
  if (key === undefined) {
    key = labelKey(row.cells.map((c) => c.text).join(''));
    rowKeys.set(row, key);
  }
  return key;
}

/**
 * How well a printed fragment names a format label, from 0 to 1: 1 for the same words; 0.95 when
 * the fragment holds the whole label (with other words around it); up to 0.95 when the fragment
 * is a piece of a long label (a label broken over lines); otherwise the longest-common-subsequence
 * ratio, when it is high (misprints). Labels of fewer than four characters only match exactly.
 */
export function labelSimilarity(fragment: string, label: string): number {
  // The score depends on the two keys only; its callers remember it, by key (see rowSimilarity).
  return similarityOf(coreKey(fragment), coreKey(label));
}

/**
 * Per UTF-16 code unit, how many times it occurs in the first string of {@link sharedCharBound};
 * all zero between calls. One table for the process instead of a map per call.
 */
const charCounts = new Int32Array(0x10000);
const SURROGATE = /[\ud800-\udfff]/;

/** Upper bound of 2·LCS/(|a|+|b|): characters the two strings share, counted with multiplicity. */
function sharedCharBound(a: string, b: string): number {
  // Characters are code points; without surrogates, they are the code units the table counts.
  if (SURROGATE.test(a) || SURROGATE.test(b)) return sharedCodePointBound(a, b);
  for (let i = 0; i < a.length; i++) charCounts[a.charCodeAt(i)]!++;
  let shared = 0;
  for (let j = 0; j < b.length; j++) {
    const c = b.charCodeAt(j);
    if (charCounts[c]! > 0) {
      shared++;
      charCounts[c]!--;
    }
  }
  for (let i = 0; i < a.length; i++) charCounts[a.charCodeAt(i)] = 0;
  return (2 * shared) / (a.length + b.length);
}

/** {@link sharedCharBound} counting code points, for strings that hold surrogate pairs. */
function sharedCodePointBound(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const ch of a) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let shared = 0;
  for (const ch of b) {
    const n = counts.get(ch) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(ch, n - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

function similarityOf(f: string, l: string): number {
  if (f.length === 0 || l.length === 0) return 0;
  if (f === l) return 1;
  if (l.length < 4 || f.length < 2) return 0;
  if (f.includes(l)) return l.length >= 6 || f.length <= l.length + 4 ? 0.9 : 0.8;
  if (f.length >= 4 && l.includes(f)) return 0.6 + 0.35 * (f.length / l.length);
  // The strings share at most the shorter one's characters: most pairs fail on their lengths
  // alone, before their characters are counted.
  if ((2 * Math.min(f.length, l.length)) / (f.length + l.length) < 0.8) return 0;
  if (sharedCharBound(f, l) < 0.8) return 0;
  const ratio = (2 * lcsLength(f, l)) / (f.length + l.length);
  return ratio >= 0.8 ? ratio * 0.95 : 0;
}

/** The best {@link similarityOf} of a fragment's key to a label's key and its aliases' keys. */
function bestOfKeys(fragmentKey: string, keys: readonly string[]): number {
  let best = similarityOf(fragmentKey, keys[0]!);
  for (let k = 1; k < keys.length; k++) best = Math.max(best, similarityOf(fragmentKey, keys[k]!));
  return best;
}

/** A format row as label matching sees it: its printed label and accepted variants. */
export interface LabelledRow {
  label: string;
  aliases?: readonly string[];
}

const rowLabelKeys = new WeakMap<LabelledRow, readonly string[]>();

/** The keys of a format row's label and aliases, computed once per row for the process. */
function keysOf(row: LabelledRow): readonly string[] {
  let keys = rowLabelKeys.get(row);
  if (keys === undefined) {
    keys = [coreKey(row.label), ...(row.aliases ?? []).map(coreKey)];
    rowLabelKeys.set(row, keys);
  }
  return keys;
}

const rowScores = new WeakMap<LabelledRow, Map<string, number>>();

/**
 * The best similarity of a fragment to a format row's label or one of its aliases, cached per
 * row object and fragment key: the score depends on the key only, and printed variants of a
 * label (spacing, punctuation, numbering) share one key, so they share one entry.
 */
export function rowSimilarity(fragment: string, row: LabelledRow): number {
  const key = coreKey(fragment);
  return memo2(rowScores, row, key, () => bestOfKeys(key, keysOf(row)), TEXTS_KEPT / 2);
}

const rowVectors = new WeakMap<readonly LabelledRow[], Map<string, number[]>>();

/**
 * The similarity of a printed label to each row of a format table, cached per table and label key:
 * every 2008 统计表 is tried against every variant, row by row, so the same label meets the same
 * rows again and again (and again in the next report of a batch).
 */
export function similarityRow(text: string, rows: readonly LabelledRow[]): readonly number[] {
  return similarityRowOfKey(coreKey(text), rows);
}

/** Labels' similarity vectors kept per table, at most this many (a long batch's memory stays bounded). */
const VECTORS_KEPT = TEXTS_KEPT;

/** {@link similarityRow} of a label by its {@link coreKey}, for callers that hold the key already. */
export function similarityRowOfKey(key: string, rows: readonly LabelledRow[]): readonly number[] {
  return memo2(rowVectors, rows, key, () => rows.map((r) => bestOfKeys(key, keysOf(r))), VECTORS_KEPT);
}

/**
 * {@link similarityRowOfKey} of several keys against one table, the table's vectors looked up
 * once (as {@link memo2} would, key by key).
 */
export function similarityRowsOfKeys(keys: readonly string[], rows: readonly LabelledRow[]): (readonly number[])[] {
  let inner = rowVectors.get(rows);
  if (inner === undefined) {
    inner = new Map();
    rowVectors.set(rows, inner);
  }
  const vectors = inner;
  return keys.map((key) => {
    let vector = vectors.get(key);
    if (vector === undefined) {
      vector = rows.map((r) => bestOfKeys(key, keysOf(r)));
      if (vectors.size > VECTORS_KEPT) vectors.clear();
      vectors.set(key, vector);
    }
    return vector;
  });
}
