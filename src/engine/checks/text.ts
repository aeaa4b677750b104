/** `text`: a pattern that must not appear (template leftovers, conversion residue) or must appear. */
import { locate, type CheckContext, type Outcome } from '../outcome.js';
import { holds } from './relation.js';
import type { Check } from '../schema.js';

type TextCheck = Extract<Check, { kind: 'text' }>;

/** Evaluates a text check. */
export function checkText(ctx: CheckContext, check: TextCheck): Outcome[] {
  const { report } = ctx;
  if (check.issuers && !check.issuers.includes(report.meta.issuer.kind)) return [];
  if (check.when && !holds(report, check.when)) return [];
  const re = new RegExp(check.pattern, `g${(check.flags ?? '').replace(/g/g, '')}`);
  const where = check.where ?? 'all';
  const title = report.meta.title;
  const lines = where === 'title'
    ? (title ? [{ norm: title.text, at: title.at }] : [])
    : report.lines.map((l) => ({ norm: l.norm, at: l.at }));
  const found: Outcome[] = [];
  for (const line of lines) {
    for (const m of line.norm.matchAll(re)) {
      const at = { ...line.at, column: (m.index ?? 0) + 1 };
      const context = line.norm.slice(Math.max(0, (m.index ?? 0) - 12), (m.index ?? 0) + m[0].length + 12).trim();
      found.push({ status: 'fail', key: `${m[0]}@${found.length}`, location: locate(at), vars: { match: m[0], context }, actual: m[0] });
      if (found.length >= (check.max ?? 20)) break;
    }
    if (found.length >= (check.max ?? 20)) break;
  }
  if (check.expect === 'absent') return found;
  return found.length > 0 ? [] : [{ status: 'fail', key: 'absent', location: { line: 1 }, vars: {} }];
}
