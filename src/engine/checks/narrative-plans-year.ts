/** `narrative-plans-year`: "2016年，我们将…" in a 2016 report: next year's plans dated with the report year. */
import type { Report } from '../../model/report.js';
import { spanAt } from '../../model/spans.js';
import { locate, type Outcome } from '../outcome.js';
import { BoundedMemo } from '../regex.js';
import { NO_REFS, type CheckKind } from './kind.js';

/**
 * The plans pattern for a report year, compiled once per year (it was compiled per report, and a
 * second pattern per sentence). That second pattern, `^(?:在)?(year)\s*年(?:度)?[，,]?…`, was
 * tried when this one failed; but whatever it matches at the start, this one's `^` branch matches
 * too (its extra `\s*` and `(?:中|里)?` can match nothing), so it could never find anything more
 * and is not tried any more.
 */
const plansPatterns = new BoundedMemo<RegExp>(256);
const plansPattern = (year: number): RegExp =>
  plansPatterns.get(String(year), () => new RegExp(`(?:^|[。；])\\s*(?:在)?(${year})\\s*年(?:度)?(?:中|里)?[，,]?[^。；]{0,20}?(?:将|计划|拟|准备|力争|打算)`));
const DONE = /已|完成|取得|实现了|开展了/;

function plansYear(report: Report): Outcome[] {
  const year = report.meta.year;
  if (year === null) return [];
  const out: Outcome[] = [];
  const re = plansPattern(year);
  for (const sentence of report.sentences) {
    const m = re.exec(sentence.text);
    if (!m || DONE.test(sentence.text.slice(0, 30))) continue;
    out.push({ status: 'fail', key: `plans:${sentence.text.slice(0, 20)}`, location: locate(spanAt(sentence, m.index)), vars: { year, next: year + 1, excerpt: sentence.text.slice(0, 30) }, expected: year + 1, actual: year });
  }
  return out;
}

/** The `narrative-plans-year` check kind. */
export const narrativePlansYearKind: CheckKind<'narrative-plans-year'> = {
  kind: 'narrative-plans-year',
  scope: 'report',
  ...NO_REFS,
  messages: () => ({ default: ['year', 'next', 'excerpt'] }),
  describe: () => '以报告年度开头、说“将、计划、拟……”的句子（且不是“已、完成”等已做之事）提示：今后的打算应写下一年度。`expected` 为下一年度，`actual` 为句中的报告年度。',
  evaluate: (ctx) => plansYear(ctx.report),
};
