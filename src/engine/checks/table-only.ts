/**
 * `table-only`: a file that holds a statistics table and no report around it. Agencies publish
 * the 统计表 (or 表二–表四) as a page or attachment of its own; checked alone, it is a report
 * without its narrative parts, and the reader should know that rather than be told only that no
 * heading was found.
 */
import type { Report } from '../../model/report.js';
import { tableLabel } from '../../format/labels.js';
import { locate, type Outcome } from '../outcome.js';
import { NO_REFS, type CheckKind } from './kind.js';

/**
 * Full stops a file may hold and still be a table alone: a title, a note under the table (“注：
 * 本表数据截至……。”). A narrative part of the shortest real report has more than ten.
 */
const MAX_FULL_STOPS = 3;

/** How many 。 the report's text holds (counted on every line: prose glued to a table counts too). */
function fullStops(report: Report): number {
  let n = 0;
  for (const line of report.lines) for (let i = line.norm.indexOf('。'); i >= 0; i = line.norm.indexOf('。', i + 1)) n++;
  return n;
}

/** The outcome: the tables read, when the file has no heading of a part and hardly a sentence. */
export function tableOnly(report: Report): Outcome[] {
  if (report.outline.some((s) => s.level === 1)) return [];
  const tables = Object.values(report.tables).filter((t) => Object.values(t.cells).some((c) => c.state === 'number'));
  if (tables.length === 0) return [];
  const stops = fullStops(report);
  if (stops > MAX_FULL_STOPS) return [];
  return [{
    status: 'fail',
    key: 'table-only',
    location: locate(undefined),
    ...(report.meta.edition === '2008' ? { messageId: 'regime-2008' } : {}),
    vars: { tables: tables.map((t) => tableLabel(t.id)).join('、'), sentences: stops },
  }];
}

/** The `table-only` check kind. */
export const tableOnlyKind: CheckKind<'table-only'> = {
  kind: 'table-only',
  scope: 'report',
  ...NO_REFS,
  messages: () => ({ default: ['tables', 'sentences'], 'regime-2008': ['tables', 'sentences'] }),
  describe: () =>
    `文件读出了统计表中的数字，却没有任何一级标题，全文的句号（。）不超过 ${MAX_FULL_STOPS} 个时（一份报告最短的文字部分也有十几句），提示本文件只有统计表、缺少报告正文。2008 年《条例》时期的报告用它自己的消息（正文内容按当时《条例》第三十二条）。`,
  evaluate: (ctx) => tableOnly(ctx.report),
};
