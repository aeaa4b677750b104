/**
 * `layout`: what the parser noticed about a table: wording that drifts from the format, rows it
 * could not read (so some checks cannot be made), and layout notes such as a 2019-style （六）.
 */
import { rowLabel, tableLabel } from '../../format/labels.js';
import { locate, type CheckContext, type Outcome } from '../outcome.js';
import type { Check } from '../schema.js';
import { NO_REFS, type CheckKind } from './kind.js';

type LayoutCheck = Extract<Check, { kind: 'layout' }>;

/** Evaluates a layout check. */
export function checkLayout(ctx: CheckContext, check: LayoutCheck): Outcome[] {
  const out: Outcome[] = [];
  for (const table of Object.values(ctx.report.tables)) {
    if (check.table && table.id !== check.table) continue;
    const where = { table: table.id, tableLabel: tableLabel(table.id) };
    if (check.what === 'drift') {
      for (const d of table.drift) {
        out.push({ status: 'fail', key: `${table.id}.${d.row}`, location: locate(d.at, { ...where, row: d.row, rowLabel: rowLabel(table.id, d.row) }), vars: { table: tableLabel(table.id), printed: d.printed, expected: d.expected }, expected: d.expected, actual: d.printed });
      }
    } else if (check.what === 'unreadable') {
      for (const u of table.unreadable) {
        out.push({ status: 'fail', key: `${table.id}.${u.row}`, location: locate(u.at, { ...where, row: u.row, rowLabel: u.row === '?' ? '' : rowLabel(table.id, u.row) }), vars: { table: tableLabel(table.id), row: u.row === '?' ? '' : rowLabel(table.id, u.row), reason: u.reason, raw: u.raw } });
      }
    } else if (check.what === 'note' && check.note) {
      if (table.notes.includes(check.note)) out.push({ status: 'fail', key: `${table.id}.${check.note}`, location: locate(table.at, where), vars: { table: tableLabel(table.id) } });
      // A note about one row: `<note>:<row id>:<raw text>:<line>` (glued digits read or not).
      for (const note of table.notes) {
        if (!note.startsWith(`${check.note}:`)) continue;
        const [, row = '', raw = '', line = ''] = note.split(':');
        const at = { ...table.at, line: Number(line) || table.at.line };
        out.push({ status: 'fail', key: `${table.id}.${check.note}.${row}`, location: locate(at, { ...where, row, rowLabel: rowLabel(table.id, row) }), vars: { table: tableLabel(table.id), row: rowLabel(table.id, row), raw } });
      }
    }
  }
  return out;
}

/** The `layout` check kind. */
export const layoutKind: CheckKind<'layout'> = {
  kind: 'layout',
  scope: 'report',
  cells: () => [],
  tables: (check) => (check.table ? [{ id: check.table, path: ['table'] }] : []),
  expressions: NO_REFS.expressions,
  describe: (check) => `解析时发现的情况：\`${check.what}\`${check.note ? `（\`${check.note}\`）` : ''}。`,
  evaluate: (ctx, check) => checkLayout(ctx, check),
};
