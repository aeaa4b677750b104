/** `unreadable-rows`: table rows the parser found but could not read (so the relations on them cannot be checked). */
import { rowLabel, tableLabel } from '../../format/labels.js';
import { locate, type Outcome } from '../outcome.js';
import { NO_REFS, type CheckKind } from './kind.js';

/** The `unreadable-rows` check kind. */
export const unreadableRowsKind: CheckKind<'unreadable-rows'> = {
  kind: 'unreadable-rows',
  scope: 'report',
  cells: NO_REFS.cells,
  tables: (check) => (check.table ? [{ id: check.table, path: ['table'] }] : []),
  expressions: NO_REFS.expressions,
  messages: () => ({ default: ['table', 'row', 'reason', 'raw'] }),
  describe: (check) => `${check.table ? `\`${check.table}\` 中` : '各表中'}找到了却读不出数值的行，每行一条（涉及这些行的核对无法进行）。`,
  evaluate(ctx, check): Outcome[] {
    const out: Outcome[] = [];
    for (const table of Object.values(ctx.report.tables)) {
      if (check.table && table.id !== check.table) continue;
      const where = { table: table.id, tableLabel: tableLabel(table.id) };
      for (const u of table.unreadable) {
        const row = u.row === '?' ? '' : rowLabel(table.id, u.row);
        out.push({ status: 'fail', key: `${table.id}.${u.row}`, location: locate(u.at, { ...where, row: u.row, rowLabel: row }), vars: { table: tableLabel(table.id), row, reason: u.reason, raw: u.raw } });
      }
    }
    return out;
  },
};
