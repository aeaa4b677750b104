/**
 * `deadline`: the publication date against the deadline for the regime and the issuer
 * (formats.md §1.3). The strictest deadline that applies and was missed is reported.
 */
import { chineseDate } from '../../parse/dates.js';
import { locate, type CheckContext, type Outcome } from '../outcome.js';
import type { Check } from '../schema.js';
import { SEVERITY_RANK } from '../../model/finding.js';

type DeadlineCheck = Extract<Check, { kind: 'deadline' }>;

/** Evaluates a deadline check. */
export function checkDeadline(ctx: CheckContext, check: DeadlineCheck): Outcome[] {
  const { meta } = ctx.report;
  if (meta.year === null) return [];
  // Published on the page date when known; a report cannot be published before it is signed.
  const page = meta.dates.find((d) => d.role === 'page');
  const signed = meta.dates.filter((d) => d.role === 'signature').sort((a, b) => b.iso.localeCompare(a.iso))[0];
  const date = page ?? signed;
  if (!date) return [];
  let worst: Outcome | null = null;
  for (const d of check.deadlines) {
    if (d.issuer !== 'any' && d.issuer !== meta.issuer.kind) continue;
    if (d.level && d.level !== 'any' && d.level !== meta.issuer.level) continue;
    const deadline = `${meta.year + 1}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    if (date.iso <= deadline) continue;
    if (worst && SEVERITY_RANK[worst.severity!] >= SEVERITY_RANK[d.severity]) continue;
    const days = Math.round((Date.parse(date.iso) - Date.parse(deadline)) / 86_400_000);
    worst = {
      status: 'fail', severity: d.severity, key: 'late', location: locate(date.at),
      vars: { date: chineseDate(date.iso), source: date.role === 'page' ? '发布日期' : '落款日期', deadline: chineseDate(deadline), who: d.who, days },
      expected: deadline, actual: date.iso,
    };
  }
  return worst ? [worst] : [];
}
