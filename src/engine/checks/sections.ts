/**
 * `sections`: the six headings of the national format (formats.md §2.2), in order, with accepted
 * variants. A section whose heading is only found at a lower level, with another number, or in
 * other words is reported with what was found.
 */
import type { Section } from '../../model/report.js';
import { locate, type CheckContext, type Outcome } from '../outcome.js';
import type { Check } from '../schema.js';

type SectionsCheck = Extract<Check, { kind: 'sections' }>;

const key = (s: string): string => s.replace(/\s+/g, '');

/** A section's accepted headings as regular expressions, compiled once per rule (not per heading and report). */
const acceptPatterns = new WeakMap<readonly string[], readonly RegExp[]>();

function patternsOf(accept: readonly string[]): readonly RegExp[] {
  let patterns = acceptPatterns.get(accept);
  if (!patterns) {
    patterns = accept.map((a) => new RegExp(a));
    acceptPatterns.set(accept, patterns);
  }
  return patterns;
}

/** Evaluates a sections check. */
export function checkSections(ctx: CheckContext, check: SectionsCheck): Outcome[] {
  const out: Outcome[] = [];
  const outline = ctx.report.outline;
  // Each heading's title without white space, once per check (it was made per heading and pattern).
  const titleKeys = new Map<Section, string>(outline.map((s) => [s, key(s.title)]));
  const matches = (s: Section, accept: readonly string[]): boolean => patternsOf(accept).some((re) => re.test(titleKeys.get(s) ?? key(s.title)));
  for (const spec of check.sections) {
    const top = outline.filter((s) => s.level === 1 && matches(s, spec.accept));
    const exact = top.find((s) => s.number === spec.number);
    const found = exact ?? top[0];
    const expected = `${spec.number}、${spec.title}`;
    if (found) {
      if (found.number !== spec.number) {
        out.push({
          status: 'fail', severity: 'warning', key: `number:${spec.number}`, location: locate(found.at, { section: `${found.number}、${found.title}` }),
          vars: { expected, found: `${found.number}、${found.title}` }, expected, actual: `${found.number}、${found.title}`,
          message: { zh: `章节编号与格式不符：「${found.number}、${found.title}」应为「${expected}」（格式规定六个部分的顺序和编号）`, en: `Section numbered "${found.number}" should be "${expected}"` },
        });
      } else if (key(found.title) !== key(spec.title) && !key(found.title).endsWith(key(spec.title))) {
        out.push({
          status: 'fail', severity: 'info', key: `wording:${spec.number}`, location: locate(found.at, { section: `${found.number}、${found.title}` }),
          vars: { expected, found: `${found.number}、${found.title}` }, expected, actual: `${found.number}、${found.title}`,
          message: { zh: `章节标题「${found.number}、${found.title}」与格式的「${expected}」措辞不同`, en: `Section title "${found.title}" differs from "${spec.title}"` },
        });
      }
      continue;
    }
    const lower = outline.find((s) => s.level > 1 && matches(s, spec.accept));
    if (lower) {
      out.push({
        status: 'fail', severity: 'warning', key: `level:${spec.number}`, location: locate(lower.at, { section: lower.title }),
        vars: { expected, found: lower.title }, expected, actual: lower.title,
        message: { zh: `缺少一级标题「${expected}」：相关内容只出现在下级标题「${lower.title}」下`, en: `Section "${expected}" has no heading of its own; its content is under "${lower.title}"` },
      });
      continue;
    }
    out.push({ status: 'fail', key: `missing:${spec.number}`, location: { line: 1, section: expected }, vars: { expected, number: spec.number, title: spec.title }, expected });
  }
  return out;
}
