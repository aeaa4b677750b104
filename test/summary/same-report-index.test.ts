/**
 * The batch's index of reports seen (SameReportIndex) finds, for every file, the same earlier
 * report as comparing it with every earlier report of its year in order (sameContent and
 * sameAgencyName, the definition): on generated identities with repeated and changed cells, too
 * few cells, near and far texts, agencies with and without their region, and several years.
 */
import { describe, expect, it } from 'vitest';
import { sameAgencyName, sameContent, SameReportIndex, type ReportIdentity } from '../../src/summary/identity.js';

/** A small deterministic generator (xorshift), so that a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

interface Record { file: string; status: string; year: number | null; agency: string | null; identity: ReportIdentity }

/** The definition: the first earlier checked report of the year with the same content and agency. */
function naive(records: readonly Record[]): (string | null)[] {
  const kept: Record[] = [];
  return records.map((r) => {
    if (r.status !== 'checked' || r.year === null) return null;
    const mention = r.agency ? { name: r.agency, before: r.identity.before } : null;
    const earlier = kept.find((e) => e.year === r.year && !(mention && e.agency && !sameAgencyName(mention, { name: e.agency, before: e.identity.before })) && sameContent(r.identity, e.identity));
    if (earlier) return earlier.file;
    kept.push(r);
    return null;
  });
}

function generated(seed: number, count: number): Record[] {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const agencies = ['洪泽区人民政府', '淮安市洪泽区人民政府', '鼓楼区人民政府', '南京市鼓楼区人民政府', '福州市鼓楼区人民政府', '平潭综合实验区管委会', null];
  const cellSets = Array.from({ length: 6 }, (_, k) => Uint32Array.from(new Set(Array.from({ length: k === 0 ? 8 : 20 + k * 7 }, () => Math.floor(next() * 2 ** 32)))).sort());
  const texts = Array.from({ length: 5 }, () => Uint32Array.from(Array.from({ length: 64 }, () => Math.floor(next() * 2 ** 32))).sort());
  const records: Record[] = [];
  for (let i = 0; i < count; i++) {
    let cells = pick(cellSets);
    // A revised version: one figure changed.
    if (next() < 0.2 && cells.length > 1) cells = Uint32Array.from([...cells.slice(1), (cells[0]! + 1) >>> 0]).sort();
    let text = pick(texts);
    // Page furniture: a few sketch values differ (still alike), or many (another text).
    const changed = next() < 0.3 ? 6 : next() < 0.2 ? 30 : 0;
    if (changed) text = Uint32Array.from([...text.slice(changed), ...Array.from({ length: changed }, () => Math.floor(next() * 2 ** 32))]).sort();
    const before = next() < 0.5 ? ['本报告由淮安市'] : [];
    records.push({ file: `r${i}.txt`, status: next() < 0.95 ? 'checked' : 'unreadable', year: pick([2022, 2023, null]), agency: pick(agencies), identity: { cells, text, before } });
  }
  return records;
}

describe('the index of reports seen', () => {
  it('names the same earlier report as the definition, file by file', () => {
    let duplicates = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const records = generated(seed, 400);
      const index = new SameReportIndex();
      const found = records.map((r) => index.match(r));
      expect(found).toEqual(naive(records));
      duplicates += found.filter((f) => f !== null).length;
    }
    // The generated batches hold many copies, so the comparison is not vacuous.
    expect(duplicates).toBeGreaterThan(500);
  });
});
