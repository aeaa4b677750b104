/** `table`: a table the format requires, and (optionally) its rows. */
import { rowLabel, tableLabel } from '../../format/labels.js';
import { cannotCheck, locate, type CheckContext, type Outcome } from '../outcome.js';
import type { Section } from '../../model/report.js';
import type { Check } from '../schema.js';
import { NO_REFS, type CheckKind } from './kind.js';

type TableCheck = Extract<Check, { kind: 'table' }>;

/**
 * What shows a statistical table in the text even when the parser could not build it: the part
 * of the report the format puts it in (by its heading), holding a grid of numbers that stand
 * alone between spaces. 表三 has some twenty rows of seven numbers; 表四 is one row of fifteen
 * (often cut in three).
 */
const TRACES: Readonly<Record<string, { heading: RegExp; perLine: number; minLines: number }>> = {
  t3: { heading: /(?:收到|处理).*申请/, perLine: 4, minLines: 8 },
  t4: { heading: /行政复议|行政诉讼/, perLine: 5, minLines: 1 },
};

/** Numbers standing alone on a line (table cells), not figures inside prose such as "3件". */
const standaloneNumbers = (text: string): number => text.match(/(?<=^|\s)\d+(?=\s|$)/g)?.length ?? 0;

/**
 * Where the text shows a table the parser could not build: the heading of its part of the report,
 * when that part holds the grid of numbers. Then "not found" would be a false error: the table is
 * there, in a layout the parser did not follow (e.g. a PDF with wrapped or vertical cells), so the
 * check cannot be made. Null when the part has no such grid (or the report lacks the part).
 */
function tableTrace(ctx: CheckContext, table: string): Section | null {
  const trace = TRACES[table];
  if (!trace) return null;
  const { outline, lines } = ctx.report;
  const parts = outline.filter((s) => s.level === 1);
  for (const [k, part] of parts.entries()) {
    if (!trace.heading.test(part.title)) continue;
    const end = parts[k + 1]?.at.line ?? Number.POSITIVE_INFINITY;
    const grid = lines.filter((l) => l.at.line > part.at.line && l.at.line < end && standaloneNumbers(l.norm) >= trace.perLine).length;
    if (grid >= trace.minLines) return part;
  }
  return null;
}

/** Evaluates a table check. */
export function checkTable(ctx: CheckContext, check: TableCheck): Outcome[] {
  const table = ctx.report.tables[check.table];
  const what = check.report ?? 'table';
  if (!table) {
    // A missing table is the table rule's finding; the rows rule has nothing to add.
    if (what !== 'table') return [];
    const trace = tableTrace(ctx, check.table);
    if (trace !== null) {
      const label = tableLabel(check.table);
      return [cannotCheck('unparsed', 'unparsed', { table: label, tableId: check.table }, locate(trace.at, { table: check.table, tableLabel: label }))];
    }
    return what === 'table' ? [{ status: 'fail', key: 'missing', location: { line: 1, scope: 'document', table: check.table, tableLabel: tableLabel(check.table) }, vars: { table: tableLabel(check.table) } }] : [];
  }
  if (what === 'table') return [];
  const unreadable = new Set(table.unreadable.map((u) => u.row));
  const missing = table.missingRows.filter((r) => !unreadable.has(r));
  if (missing.length === 0) return [];
  const names = missing.map((r) => `「${rowLabel(table.id, r)}」`).join('');
  if (Object.keys(table.cells).length === 0) {
    return [cannotCheck('unreadable', 'unreadable', { table: tableLabel(table.id), tableId: table.id }, locate(table.at, { table: table.id, tableLabel: tableLabel(table.id) }))];
  }
  return [{ status: 'fail', key: `rows:${missing.join(',')}`, location: locate(table.at, { table: table.id, tableLabel: tableLabel(table.id) }), vars: { table: tableLabel(table.id), rows: names, count: missing.length } }];
}

/** The `table` check kind. */
export const tableKind: CheckKind<'table'> = {
  kind: 'table',
  scope: 'report',
  cells: () => [],
  tables: (check) => [{ id: check.table, path: ['table'] }],
  expressions: NO_REFS.expressions,
  // A missing table, or (report: rows) the rows it lacks; each with the cannot-check message of its mode.
  messages: (check) => (check.report === 'rows' ? { default: ['table', 'rows', 'count'], unreadable: ['table', 'tableId'] } : { default: ['table'], unparsed: ['table', 'tableId'] }),
  describe: (check) => (check.report === 'rows' ? `表 \`${check.table}\` 须有格式规定的全部行。` : `须有表 \`${check.table}\`。`),
  evaluate: (ctx, check) => checkTable(ctx, check),
};
