/**
 * `deadline`: the publication date against the deadline for the regime and the issuer
 * (条例第四十九条; 2007 年条例第三十一条; 国办公开办函〔2021〕30号 二). The strictest deadline that
 * applies and was missed is reported.
 *
 * Certainty: an entry's `error` stands only when the date used, the issuer type (for an entry of
 * one issuer type) and the report year are all certain; otherwise the finding is a warning that
 * says what is in doubt. Which date is used when several disagree: see {@link publicationDate}.
 */
import { chineseDate } from '../../format/dates.js';
import { publicationDate } from './publication-date.js';
import type { ReportMeta } from '../../model/report.js';
import type { MessageValue, Phrase } from '../message.js';
import { cannotCheck, locate, type CheckContext, type Outcome } from '../outcome.js';
import type { Check } from '../schema.js';
import { SEVERITY_RANK, type Severity } from '../../model/finding.js';
import { NO_REFS, type CheckKind } from './kind.js';

type DeadlineCheck = Extract<Check, { kind: 'deadline' }>;

/**
 * The year the deadline is computed for. When the title's year and the body's disagree, only the
 * one that the publication date confirms (a report is published the year after the one it covers)
 * is used, and it is in doubt; when the date confirms neither, there is no year (null).
 */
function deadlineYear(meta: ReportMeta, publishedIso: string): { year: number; doubt: boolean } | null {
  if (meta.year === null) return null;
  const body = meta.bodyYear?.year;
  if (body === undefined || meta.titleYear === null || body === meta.titleYear) return { year: meta.year, doubt: false };
  const covered = Number(publishedIso.slice(0, 4)) - 1;
  return covered === body || covered === meta.titleYear ? { year: covered, doubt: true } : null;
}

/** The ISO date of a deadline entry in the year after the report year. */
const deadlineOf = (year: number, d: { month: number; day: number }): string => `${year + 1}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** Evaluates a deadline check. */
export function checkDeadline(ctx: CheckContext, check: DeadlineCheck): Outcome[] {
  const { meta } = ctx.report;
  if (meta.year === null) return [];
  const used = publicationDate(meta);
  if (!used) return [];
  const { date } = used;
  const reportYear = deadlineYear(meta, date.iso);
  if (!reportYear) {
    const vars = { titleYear: meta.titleYear ?? '', bodyYear: meta.bodyYear?.year ?? '', source: used.source, sourceEn: used.source };
    return [cannotCheck('year', 'year-unconfirmed', vars, locate(meta.bodyYear?.at ?? meta.yearAt ?? undefined))];
  }
  const { year, doubt: doubtfulYear } = reportYear;
  let worst: Outcome | null = null;
  for (const d of check.deadlines) {
    if (d.issuer !== 'any' && d.issuer !== meta.issuer.kind) continue;
    if (d.level && d.level !== 'any' && d.level !== meta.issuer.level) continue;
    const deadline = deadlineOf(year, d);
    if (date.iso <= deadline) continue;
    // What is in doubt: the date (other dates within the deadline, a guessed signature), the issuer, the year.
    const otherInTime = used.other !== null && used.other.iso <= deadline;
    const doubts: Phrase[] = [];
    if (otherInTime && date.role === 'page') doubts.push({ message: 'doubt-page-date' });
    else if (otherInTime) doubts.push({ message: 'doubt-signature-date' });
    if (!date.certain) doubts.push({ message: 'doubt-date-guessed' });
    if (d.issuer !== 'any' && !meta.issuer.certain) doubts.push({ message: 'doubt-issuer', vars: { basis: meta.issuer.basis, basisEn: meta.issuer.basisEn } });
    if (!doubtfulYear && Number(date.iso.slice(0, 4)) > year + 1) doubts.push({ message: 'doubt-year-far', vars: { source: used.source, year } });
    if (doubtfulYear) doubts.push({ message: 'doubt-year-mixed', vars: { titleYear: meta.titleYear ?? '', bodyYear: meta.bodyYear?.year ?? '', source: used.source, year } });
    const severity: Severity = doubts.length > 0 && d.severity === 'error' ? 'warning' : d.severity;
    if (worst && SEVERITY_RANK[worst.severity!] >= SEVERITY_RANK[severity]) continue;
    const days = Math.round((Date.parse(date.iso) - Date.parse(deadline)) / 86_400_000);
    // Which date was used and what is in doubt, as the kind's shared messages (rules/kinds/deadline.yaml).
    const reasons = used.why ? [used.why, ...doubts] : doubts;
    const why: MessageValue = reasons.length > 0 ? { message: 'reasons', vars: { list: { upperFirst: { join: reasons, sep: 'reason-separator' } } } } : '';
    worst = {
      status: 'fail', severity, key: 'late', location: locate(date.at),
      vars: { date: chineseDate(date.iso), source: used.source, sourceEn: used.source, deadline: chineseDate(deadline), who: d.who, days, why, whyEn: why, dateIso: date.iso, deadlineIso: deadline },
      expected: deadline, actual: date.iso,
    };
  }
  return worst ? [worst] : [];
}

const SEVERITY_NAMES = { error: '错误（error）', warning: '警告（warning）', info: '提示（info）' } as const;

/** The `deadline` check kind. */
export const deadlineKind: CheckKind<'deadline'> = {
  kind: 'deadline',
  scope: 'report',
  ...NO_REFS,
  messages: () => ({
    default: ['date', 'source', 'sourceEn', 'deadline', 'who', 'days', 'why', 'whyEn', 'dateIso', 'deadlineIso'],
    'year-unconfirmed': ['titleYear', 'bodyYear', 'source', 'sourceEn'],
  }),
  shared: {
    reasons: ['list'],
    'reason-separator': [],
    'date-page-used': ['used', 'other', 'usedDate', 'otherDate', 'usedIso', 'otherIso'],
    'date-signature-used': ['used', 'other', 'usedDate', 'otherDate', 'usedIso', 'otherIso'],
    'doubt-page-date': [],
    'doubt-signature-date': [],
    'doubt-date-guessed': [],
    'doubt-issuer': ['basis', 'basisEn'],
    'doubt-year-far': ['source', 'year'],
    'doubt-year-mixed': ['titleYear', 'bodyYear', 'source', 'year'],
    'date-page': [],
    'date-web-page': [],
    'date-signature': [],
    'date-title': [],
    'date-other': [],
  },
  describe: (check) =>
    ['公布日期（网页发布日期；没有发布日期或发布日期早于落款日期时用落款日期，见 docs/deadlines.md）不得晚于：', '', ...check.deadlines.map((d) => `- ${d.who}：次年 ${d.month} 月 ${d.day} 日（逾期为${SEVERITY_NAMES[d.severity]}）`)].join('\n'),
  evaluate: (ctx, check) => checkDeadline(ctx, check),
};
