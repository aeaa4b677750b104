/** `table`: a table the format requires, and (optionally) its rows. */
import { rowLabel, tableLabel } from '../labels.js';
import { cannot, locate, type CheckContext, type Outcome } from '../outcome.js';
import type { Check } from '../schema.js';

type TableCheck = Extract<Check, { kind: 'table' }>;

/** Evaluates a table check. */
export function checkTable(ctx: CheckContext, check: TableCheck): Outcome[] {
  const table = ctx.report.tables[check.table];
  const what = check.report ?? 'table';
  if (!table) {
    // A missing table is the table rule's finding; the rows rule has nothing to add.
    return what === 'table' ? [{ status: 'fail', key: 'missing', location: { line: 1, table: check.table, tableLabel: tableLabel(check.table) }, vars: { table: tableLabel(check.table) } }] : [];
  }
  if (what === 'table') return [];
  const unreadable = new Set(table.unreadable.map((u) => u.row));
  const missing = table.missingRows.filter((r) => !unreadable.has(r));
  if (missing.length === 0) return [];
  const names = missing.map((r) => `「${rowLabel(table.id, r)}」`).join('');
  if (Object.keys(table.cells).length === 0) {
    return [cannot('unreadable', `找到了${tableLabel(table.id)}，但读不出其中的数值，无法核对`, `Found ${table.id} but could not read its values`, locate(table.at, { table: table.id, tableLabel: tableLabel(table.id) }))];
  }
  return [{ status: 'fail', key: `rows:${missing.join(',')}`, location: locate(table.at, { table: table.id, tableLabel: tableLabel(table.id) }), vars: { table: tableLabel(table.id), rows: names, count: missing.length } }];
}
