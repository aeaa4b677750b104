/**
 * `date-present`: the report shows when it was published: a publication date, a date under the
 * title or a signature date. A date at the end written as one but impossible (2月30日) is named.
 */
import { findDates, impossibleDate } from '../../format/dates.js';
import type { ReportLine } from '../../model/report.js';
import { locate, type Outcome } from '../outcome.js';
import { NO_REFS, type CheckKind } from './kind.js';

/** How many non-empty lines from the end an impossible signature date is looked for in. */
const TAIL_LINES = 30;

/** A date written as one but impossible (2025年2月30日), on a short line among the last lines of the text. */
function impossibleSignatureDate(lines: readonly ReportLine[]): { raw: string; at: ReportLine['at'] } | null {
  for (let k = lines.length - 1, seen = 0; k >= 0 && seen < TAIL_LINES; k--) {
    const text = lines[k]!.norm.trim();
    if (text === '') continue;
    seen++;
    const raw = text.length <= 20 && findDates(text).length === 0 ? impossibleDate(text) : null;
    if (raw) return { raw, at: lines[k]!.at };
  }
  return null;
}

/** The `date-present` check kind. */
export const datePresentKind: CheckKind<'date-present'> = {
  kind: 'date-present',
  scope: 'report',
  ...NO_REFS,
  messages: () => ({ default: [], 'invalid-date': ['raw'] }),
  describe: () => '报告须有网页发布日期、标题下的日期或落款日期（附件、附表、打印页脚中的日期不算）；文末日期写成不存在的日子时指出该日期（消息 `invalid-date`）。',
  evaluate(ctx): Outcome[] {
    const { meta, lines } = ctx.report;
    // Only a publication, title or signature date tells when the report was published: an annex's,
    // a note's or a printed page's date does not.
    if (meta.dates.some((d) => d.role === 'page' || d.role === 'title' || d.role === 'signature')) return [];
    const invalid = impossibleSignatureDate(lines);
    if (invalid) return [{ status: 'fail', key: 'date', messageId: 'invalid-date', location: locate(invalid.at), vars: { raw: invalid.raw }, actual: invalid.raw }];
    return [{ status: 'fail', key: 'date', location: locate(lines.at(-1)?.at), vars: {} }]; // the end, where a signature date goes
  },
};
