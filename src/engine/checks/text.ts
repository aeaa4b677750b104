/** `text`: a pattern that must not appear (template leftovers, conversion residue) or must appear. */
import type { Report, Span } from '../../model/report.js';
import { locate, type CheckContext, type Outcome } from '../outcome.js';
import { forEachMatch, mayMatchAny } from '../regex.js';
import { cacheOf } from '../report-cache.js';
import type { Check } from '../schema.js';
import type { CheckKind } from './kind.js';

type TextCheck = Extract<Check, { kind: 'text' }>;

const patterns = new WeakMap<TextCheck, RegExp>();

/** The check's pattern, compiled once per rule (matches are walked with {@link forEachMatch}, which resets it). */
function patternOf(check: TextCheck): RegExp {
  let re = patterns.get(check);
  if (!re) {
    re = new RegExp(check.pattern, `g${(check.flags ?? '').replace(/g/g, '')}`);
    patterns.set(check, re);
  }
  return re;
}

/** A report's lines joined by newlines, once per report: one scan of it can rule a pattern out. */
function wholeText(report: Report): string {
  const cache = cacheOf(report);
  return (cache.lines ??= report.lines.map((l) => l.norm).join('\n'));
}

/** Evaluates a text check (on a report the rule applies to). */
export function checkText(ctx: CheckContext, check: TextCheck): Outcome[] {
  const { report } = ctx;
  // Its issuers and `when` are the rule's applicability, decided by the engine (applicability.ts).
  const re = patternOf(check);
  const where = check.where ?? 'all';
  const title = report.meta.title;
  // The report's own lines are scanned in place (no copy per rule and report: profiled).
  const lines: readonly { norm: string; at: Span }[] = where === 'title' ? (title ? [{ norm: title.text, at: title.at }] : []) : report.lines;
  const max = check.max ?? 20;
  // A pattern that must be present needs one match only; one that must be absent, up to `max`.
  const limit = check.expect === 'absent' ? max : Math.min(max, 1);
  const found: Outcome[] = [];
  // Most patterns occur in no line of most reports: one scan of the whole text shows that.
  const scan = where === 'title' || mayMatchAny(re, wholeText(report));
  for (const line of scan ? lines : []) {
    forEachMatch(re, line.norm, (m) => {
      const at = { ...line.at, column: m.index + 1 };
      const context = line.norm.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12).trim();
      found.push({ status: 'fail', key: `${m[0]}@${found.length}`, location: locate(at), vars: { match: m[0], context }, actual: m[0] });
      return found.length < limit;
    });
    if (found.length >= limit) break;
  }
  if (check.expect === 'absent') return found;
  return found.length > 0 ? [] : [{ status: 'fail', key: 'absent', location: { line: 1, scope: 'document' }, vars: {} }];
}

/** The `text` check kind. */
export const textKind: CheckKind<'text'> = {
  kind: 'text',
  scope: 'report',
  cells: () => [],
  tables: () => [],
  expressions: (check) => ({ exprs: check.when ? [{ source: check.when, path: ['when'] }] : [], vars: {} }),
  messages: (check) => ({ default: check.expect === 'absent' ? ['match', 'context'] : [] }),
  describe: (check) => `${check.expect === 'absent' ? '不得出现' : '须出现'}与正则表达式 \`${check.pattern}\` 匹配的文字${check.issuers ? `（仅适用于 ${check.issuers.join('、')}）` : ''}${check.when ? `（仅当 \`${check.when}\`）` : ''}。`,
  evaluate: (ctx, check) => checkText(ctx, check),
};
