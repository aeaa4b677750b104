/**
 * `section-length`: a section's length in characters, white space not counted (2021: 总体情况
 * "篇幅原则上不超过一千字").
 */
import { isSpaceCode } from '../../format/normalize.js';
import { isPageNumber } from '../../format/page-numbers.js';
import { locate, type CheckContext, type Outcome } from '../outcome.js';
import type { Check } from '../schema.js';
import { NO_REFS, type CheckKind } from './kind.js';

type SectionLengthCheck = Extract<Check, { kind: 'section-length' }>;

/** Characters that are not white space (what `text.replace(/\s+/g, '').length` counts). */
function printedLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i))) n++;
  return n;
}

/** Evaluates a section-length check. */
export function checkSectionLength(ctx: CheckContext, check: SectionLengthCheck): Outcome[] {
  const { outline, lines } = ctx.report;
  const top = outline.filter((s) => s.level === 1);
  const index = top.findIndex((s) => s.number === check.section);
  if (index < 0) return [];
  const start = top[index]!;
  const next = top[index + 1];
  const end = next?.at.line ?? Number.MAX_SAFE_INTEGER;
  // A heading inside a line (web text saved without line breaks) starts at its column: the part
  // runs from its heading's column to the next heading's column, on the same line or not.
  const from = (start.at.column ?? 1) - 1;
  const until = next?.at.column !== undefined ? next.at.column - 1 : null;
  // Page numbers printed in the section (-1-, 第 2 页) are not its text. Counted line by line
  // (no joined copy of the section, no replace: profiled).
  let printed = 0;
  for (const l of lines) {
    const line = l.at.line;
    if (line < start.at.line || line > end || (line === end && until === null) || isPageNumber(l.norm)) continue;
    const text = line === start.at.line || line === end ? l.norm.slice(line === start.at.line ? from : 0, line === end && until !== null ? until : undefined) : l.norm;
    printed += printedLength(text);
  }
  const length = printed - `${start.number}、${start.title}`.length;
  if (length <= check.max) return [];
  return [{ status: 'fail', key: `length:${check.section}`, location: locate(start.at, { section: `${start.number}、${start.title}` }), vars: { section: `${start.number}、${start.title}`, length, max: check.max }, expected: check.max, actual: length }];
}

/** The `section-length` check kind. */
export const sectionLengthKind: CheckKind<'section-length'> = {
  kind: 'section-length',
  scope: 'report',
  ...NO_REFS,
  messages: () => ({ default: ['section', 'length', 'max'] }),
  describe: (check) => `第${check.section}部分不超过 ${check.max} 字（不计空白）。`,
  evaluate: (ctx, check) => checkSectionLength(ctx, check),
};
