/**
 * The text sketches the similarity rules use to find candidate pairs in large batches: the rolling
 * hash must give each shingle the same value wherever it stands, and the shortcut that sorts only
 * the smallest hashes must pick exactly the k smallest distinct ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sketch, sketchSimilarity } from '../src/format/text-similarity.js';

/** The sketch computed the slow way: each 8-character shingle hashed on its own, all sorted. */
function sketchByShingle(text: string, k: number): number[] {
  const values = new Set<number>();
  for (let i = 0; i + 8 <= text.length; i++) values.add(sketch(text.slice(i, i + 8), 1)[0]!);
  return [...values].sort((a, b) => a - b).slice(0, k);
}

const HAN = '政府信息公开工作年度报告主动申请办理结果复议诉讼条例规定本年新收上年结转';
const hanText = (maxLength: number, minLength = 0): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: HAN.length - 1 }), { minLength, maxLength }).map((xs) => xs.map((i) => HAN[i]).join(''));

describe('text sketches', () => {
  it('equal the k smallest distinct shingle hashes, for random texts, repetitive ones and short ones', () => {
    fc.assert(
      fc.property(fc.oneof(hanText(3000), fc.string({ maxLength: 400 }), hanText(12).map((s) => s.repeat(60))), fc.integer({ min: 1, max: 200 }), (text, k) => {
        expect([...sketch(text, k)]).toEqual(sketchByShingle(text, k));
      }),
      { seed: 20261201, numRuns: 150 },
    );
  });

  it('estimate shared text: a copy with a changed name is close to 1, an unrelated text close to 0', () => {
    const body = fc.sample(hanText(4000, 4000), { seed: 7, numRuns: 1 })[0]!;
    const other = fc.sample(hanText(4000, 4000), { seed: 8, numRuns: 1 })[0]!;
    const renamed = body.replace(/政府/g, '某某');
    expect(sketchSimilarity(sketch(body), sketch(body))).toBe(1);
    expect(sketchSimilarity(sketch(body), sketch(`${body.slice(0, 3000)}${other.slice(0, 400)}`))).toBeGreaterThan(0.6);
    expect(sketchSimilarity(sketch(body), sketch(other))).toBeLessThan(0.1);
    expect(sketchSimilarity(sketch(body), sketch(renamed))).toBeLessThan(sketchSimilarity(sketch(body), sketch(body)));
  });
});
