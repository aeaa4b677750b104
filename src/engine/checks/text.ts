/** `text`: a pattern that must not appear (template leftovers, conversion residue) or must appear. */
import type { Span } from '../../model/report.js';
import { locate, type CheckContext, type Outcome } from '../outcome.js';
import { holds } from './relation.js';
import type { Check } from '../schema.js';

type TextCheck = Extract<Check, { kind: 'text' }>;

const patterns = new WeakMap<TextCheck, RegExp>();

/** The check's pattern, compiled once per rule. `matchAll` works on a copy, so sharing it is safe. */
function patternOf(check: TextCheck): RegExp {
  let re = patterns.get(check);
  if (!re) {
    re = new RegExp(check.pattern, `g${(check.flags ?? '').replace(/g/g, '')}`);
    patterns.set(check, re);
  }
  return re;
}

/** Evaluates a text check. */
export function checkText(ctx: CheckContext, check: TextCheck): Outcome[] {
  const { report } = ctx;
  if (check.issuers && !check.issuers.includes(report.meta.issuer.kind)) return [];
  if (check.when && !holds(report, check.when)) return [];
  const re = patternOf(check);
  const where = check.where ?? 'all';
  const title = report.meta.title;
  // The report's own lines are scanned in place (no copy per rule and report: profiled).
  const lines: readonly { norm: string; at: Span }[] = where === 'title' ? (title ? [{ norm: title.text, at: title.at }] : []) : report.lines;
  const max = check.max ?? 20;
  const found: Outcome[] = [];
  for (const line of lines) {
    for (const m of line.norm.matchAll(re)) {
      const at = { ...line.at, column: (m.index ?? 0) + 1 };
      const context = line.norm.slice(Math.max(0, (m.index ?? 0) - 12), (m.index ?? 0) + m[0].length + 12).trim();
      found.push({ status: 'fail', key: `${m[0]}@${found.length}`, location: locate(at), vars: { match: m[0], context }, actual: m[0] });
      if (found.length >= max) break;
    }
    if (found.length >= max) break;
  }
  if (check.expect === 'absent') return found;
  return found.length > 0 ? [] : [{ status: 'fail', key: 'absent', location: { line: 1 }, vars: {} }];
}
