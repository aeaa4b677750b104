/**
 * Maps 表四 (行政复议、行政诉讼) onto its 15 canonical cells. The table has one data row whose
 * order is fixed by the format (复议, 直接起诉, 复议后起诉 × 维持, 纠正, 其他, 尚未审结, 总计),
 * printed as one row of 15 values or as three tables of 5. The values are read in order from the
 * rows that hold only values; any other count is reported unreadable.
 */
import type { TableInstance } from '../model/report.js';
import { T4_DEF } from './definitions.js';
import type { Row } from './rows.js';
import { emptyTable, makeCell, rowSpan, viewRow } from './table-view.js';

/** Reads 表四 from rows `start` (its heading) to `end` (exclusive). */
export function mapTable4(rows: readonly Row[], start: number, end: number): TableInstance {
  const table = emptyTable('t4', T4_DEF.variant, T4_DEF.label, rows[start]!);
  const values: { cell: Row['cells'][number]; row: Row }[] = [];
  for (let k = start; k < end; k++) {
    const view = viewRow(rows[k]!, k);
    if (view.labels.length > 0 || view.unit !== null || view.numbers === 0) continue;
    for (const cell of view.values) values.push({ cell, row: rows[k]! });
  }
  let list = values;
  while (list.length > 15 && list[list.length - 1]!.cell.text === '') list = list.slice(0, -1);
  while (list.length > 15 && list[0]!.cell.text === '') list = list.slice(1);
  if (list.length !== 15) {
    const at = list[0] ? rowSpan(list[0].row) : rowSpan(rows[start]!);
    if (list.length > 0) {
      table.unreadable.push({
        row: 'rev',
        raw: list.map((v) => v.cell.text).join(' '),
        reason: `表四应有 15 个数值（行政复议、未经复议直接起诉、复议后起诉各 5 个），这里读到 ${list.length} 个，无法确定各数值属于哪一格`,
        at,
      });
    }
    table.missingRows = T4_DEF.rows.map((r) => r.id);
    return table;
  }
  T4_DEF.rows.forEach((groupDef, g) => {
    table.rows.push(groupDef.id);
    T4_DEF.cols.forEach((colDef, c) => {
      const v = list[g * 5 + c]!;
      const cell = makeCell('t4', groupDef.id, colDef.id, v.cell, v.row);
      table.cells[cell.id] = cell;
    });
  });
  return table;
}
