/** `narrative-percent`: "145条，占8.05%": each percentage recomputed against the base most of its neighbours agree on. */
import type { NarrativeNumber, Report } from '../../model/report.js';
import { locate, type Outcome } from '../outcome.js';
import { NO_REFS, type CheckKind } from './kind.js';

/** The percentages that disagree with the base the others of their paragraph agree on. */
function percentages(report: Report): Outcome[] {
  const out: Outcome[] = [];
  const pairs: { count: NarrativeNumber; percent: NarrativeNumber; decimals: number }[] = [];
  for (const n of report.narrative) {
    if (n.unit !== '%') continue;
    const s = n.sentence;
    const lead = s.slice(Math.max(0, n.offset - 14), n.offset);
    const count = report.narrative.filter((c) => c.sentenceIndex === n.sentenceIndex && c.unit !== '%' && c.offset < n.offset && n.offset - c.offset <= 14).pop();
    if (!count || !/占|[（(]|比例/.test(lead.slice(lead.lastIndexOf(count.raw.slice(-1)) + 1))) continue;
    const decimals = (/\.(\d+)/.exec(n.raw)?.[1] ?? '').length;
    pairs.push({ count, percent: n, decimals });
  }
  const matchesBase = (p: (typeof pairs)[number], base: number): boolean => {
    const exact = (p.count.value / base) * 100;
    const f = 10 ** p.decimals;
    return Math.round(exact * f) / f === p.percent.value || Math.floor(exact * f) / f === p.percent.value;
  };
  const groups = new Map<number, typeof pairs>();
  for (const p of pairs) {
    // Bases: counts of the same unit in this sentence or the two before, larger than the count.
    const candidates = report.narrative.filter((c) => c.unit === p.count.unit && c.sentenceIndex >= p.count.sentenceIndex - 2 && c.sentenceIndex <= p.count.sentenceIndex && (c.sentenceIndex < p.count.sentenceIndex || c.offset < p.count.offset) && c.value > p.count.value);
    for (const c of candidates) groups.set(c.value, [...(groups.get(c.value) ?? []), p]);
  }
  const flagged = new Set<NarrativeNumber>();
  for (const [base, list] of groups) {
    const agree = list.filter((p) => matchesBase(p, base));
    if (agree.length < 2) continue;
    for (const p of list) {
      if (matchesBase(p, base) || flagged.has(p.percent)) continue;
      if (pairs.some((q) => q === p && [...groups.keys()].some((b) => b !== base && matchesBase(p, b)))) continue;
      flagged.add(p.percent);
      // toFixed throws past 100 digits; a percentage stated with 300 decimals (0.000…1%) once did.
      const exact = ((p.count.value / base) * 100).toFixed(Math.min(20, Math.max(p.decimals, 2)));
      out.push({
        status: 'fail', key: `pct:${p.count.value}:${p.percent.value}`, location: locate(p.percent.at),
        vars: { count: p.count.value, unit: p.count.unit, percent: p.percent.value, base, exact }, expected: Number(exact), actual: p.percent.value,
      });
    }
  }
  return out;
}

/** The `narrative-percent` check kind. */
export const narrativePercentKind: CheckKind<'narrative-percent'> = {
  kind: 'narrative-percent',
  scope: 'report',
  ...NO_REFS,
  messages: () => ({ default: ['count', 'unit', 'percent', 'base', 'exact'] }),
  describe: () => '“A 条，占 B%”：同一段里至少两个百分比按同一个总数算得出时，按这个总数算不出的百分比提示。`expected` 为算得的百分比，`actual` 为文中的百分比。',
  evaluate: (ctx) => percentages(ctx.report),
};
