/**
 * titleAtStart was rewritten for speed (typed arrays instead of a string built by concatenation,
 * pair counts in slots instead of a map per known key; profiled: a third of the outline's time).
 * Its former implementation is kept here, built from the same exported definitions, and both must
 * give the same answer on every suffix of every line of every text fixture (a heading's title may
 * start anywhere in a line) and on generated texts made of title characters, marks and spaces.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filesUnder } from './files.js';
import { LONGEST_TITLE, NATIONAL_SECTIONS, TITLE_MATCH, titleAtStart, titleKey, type TitleMatch } from '../../src/format/section-titles.js';
import { fold } from '../../src/format/normalize.js';

const pairCode = (text: string, i: number): number => text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
function pairCodes(key: string): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i + 1 < key.length; i++) out.set(pairCode(key, i), (out.get(pairCode(key, i)) ?? 0) + 1);
  return out;
}
const KEYS = NATIONAL_SECTIONS.map((s) => [s.official, ...s.variants].map(titleKey));
const BY_FIRST = new Map<string, { index: number; key: string; codes: Map<number, number> }[]>();
for (const [index, keys] of KEYS.entries()) for (const key of keys) BY_FIRST.set(key.charAt(0), [...(BY_FIRST.get(key.charAt(0)) ?? []), { index, key, codes: pairCodes(key) }]);
const KEY_DROPPED_SET = new Set('、，,。.．:：;；!?！？“”"\'‘’「」『』《》〈〉<>()（）[]【】{}〔〕-—–_·•*#|/\\~～的');
const isDropped = (c: string): boolean => KEY_DROPPED_SET.has(c) || c.trim() === '';

/** titleAtStart as it was before the rewrite. */
function formerTitleAtStart(text: string): { match: TitleMatch; length: number } | null {
  let key = '';
  const ends: number[] = [];
  const end = Math.min(text.length, LONGEST_TITLE * 3);
  let start = 0;
  while (start < end && isDropped(text.charAt(start))) start++;
  const known = BY_FIRST.get(text.charAt(start));
  if (!known) return null;
  for (let i = start; i < end && key.length < LONGEST_TITLE + 2; i++) {
    const c = text.charAt(i);
    if (c === '。' || c === '；' || c === ';' || c === '！' || c === '？') break;
    if (isDropped(c)) continue;
    key += c;
    ends.push(i + 1);
  }
  if (key.length < 2) return null;
  let best: { match: TitleMatch; length: number } | null = null;
  const used = new Map<number, number>();
  for (const k of known) {
    used.clear();
    let common = 0;
    const last = Math.min(key.length, k.key.length + 1);
    for (let len = 2; len <= last; len++) {
      const p = pairCode(key, len - 2);
      const n = used.get(p) ?? 0;
      if (n < (k.codes.get(p) ?? 0)) common++;
      used.set(p, n + 1);
      if (len < k.key.length - 1) continue;
      const score = (2 * common) / (len - 1 + (k.key.length - 1));
      if (score >= TITLE_MATCH && (!best || score > best.match.score)) best = { match: { index: k.index, score }, length: ends[len - 1]! };
    }
  }
  return best;
}

const textFiles = (dir: string): string[] => filesUnder(dir, /\.(txt|md)$/);

describe('titleAtStart after its rewrite for speed', () => {
  it('answers as the former implementation on every suffix of every fixture line', () => {
    let compared = 0;
    let titles = 0;
    for (const file of textFiles('fixtures')) {
      for (const raw of readFileSync(file, 'utf8').split('\n')) {
        const line = fold(raw);
        // Suffixes from every position up to 80 characters in (headings start early in a line),
        // and from every position in short lines.
        for (let i = 0; i < Math.min(line.length, 80); i++) {
          const text = line.slice(i);
          const before = formerTitleAtStart(text);
          expect(titleAtStart(text), JSON.stringify(text.slice(0, 40))).toEqual(before);
          compared++;
          if (before) titles++;
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
    expect(titles).toBeGreaterThan(100);
  });

  it('answers as the former implementation on generated texts of title pieces, marks and spaces', () => {
    const titles = NATIONAL_SECTIONS.flatMap((s) => [s.official, ...s.variants]);
    const piece = fc.oneof(fc.constantFrom(...titles), fc.constantFrom(...titles).map((t) => t.slice(0, 3)), fc.constantFrom('、', '。', '；', ';', ' ', '\u3000', '的', '(', ')', '2024', '年', '工作', '情况', '其他', '\t', '！', '？'));
    const text = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(titleAtStart(t)).toEqual(formerTitleAtStart(t));
      }),
      { numRuns: 5000, seed: 16 },
    );
  });
});
