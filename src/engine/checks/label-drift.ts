/** `label-drift`: a table row whose printed wording drifts from the format's (the parser matched it by similarity). */
import { rowLabel, tableLabel } from '../../format/labels.js';
import { locate, type Outcome } from '../outcome.js';
import { NO_REFS, type CheckKind } from './kind.js';

/** The `label-drift` check kind. */
export const labelDriftKind: CheckKind<'label-drift'> = {
  kind: 'label-drift',
  scope: 'report',
  cells: NO_REFS.cells,
  tables: (check) => (check.table ? [{ id: check.table, path: ['table'] }] : []),
  expressions: NO_REFS.expressions,
  messages: () => ({ default: ['table', 'printed', 'expected'] }),
  describe: (check) => `${check.table ? `\`${check.table}\` 中` : '各表中'}行名的措辞与格式不同（按相似度认出是哪一行）时提示。\`expected\` 为格式的行名，\`actual\` 为报告所写的行名。`,
  evaluate(ctx, check): Outcome[] {
    const out: Outcome[] = [];
    for (const table of Object.values(ctx.report.tables)) {
      if (check.table && table.id !== check.table) continue;
      const where = { table: table.id, tableLabel: tableLabel(table.id) };
      for (const d of table.drift) {
        out.push({ status: 'fail', key: `${table.id}.${d.row}`, location: locate(d.at, { ...where, row: d.row, rowLabel: rowLabel(table.id, d.row) }), vars: { table: tableLabel(table.id), printed: d.printed, expected: d.expected }, expected: d.expected, actual: d.printed });
      }
    }
    return out;
  },
};
