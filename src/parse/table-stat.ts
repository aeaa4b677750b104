/**
 * Maps a 2008-regime 统计表 region onto the best-fitting definition (national form with its
 * provincial extras, the Fujian variant, the Sichuan 分项统计表) by aligning row labels in order.
 * Order matters: several labels repeat (（一）维持具体行政行为数 under 复议 and under 举报投诉).
 */
import type { TableInstance } from '../model/report.js';
import { align, costTable, matchTable } from './align.js';
import { STAT_DEFS, type TableDef } from './definitions.js';
import { coreKey, LABEL_MATCH, similarityRow } from './labels.js';
import type { Row } from './rows.js';
import { emptyTable, labelText, makeCell, rowSpan, viewRow, type RowView } from './table-view.js';

interface Candidate {
  def: TableDef;
  views: RowView[];
  assignment: number[];
  sims: (readonly number[])[];
  matched: number;
}

/** Aligns the rows, whose label texts are `labels`, to one definition. */
function tryDef(views: RowView[], labels: readonly string[], def: TableDef): Candidate {
  const sims = labels.map((label) => similarityRow(label, def.rows));
  const rows = def.rows.length;
  const match = matchTable(views.length, rows);
  sims.forEach((row, i) => {
    for (let j = 0; j < rows; j++) if (row[j]! >= LABEL_MATCH) match[i * rows + j] = 10 * row[j]!;
  });
  const { assignment } = align(views.length, rows, {
    match,
    skipCanonical: Float64Array.from(def.rows, (r) => (r.optional ? -0.5 : -2)),
    skipItem: costTable(views.length, -1),
  });
  return { def, views, assignment, sims, matched: assignment.filter((a) => a >= 0).length };
}

/**
 * Reads the statistical table in rows `start` to `end` (exclusive). Returns null when no
 * definition matches at least three rows.
 */
export function mapStatTable(rows: readonly Row[], start: number, end: number): TableInstance | null {
  const views = rows.slice(start, end).map((row, k) => viewRow(row, start + k)).filter((v) => v.labels.length > 0);
  // Every definition is tried on the same label texts: they are joined once.
  const labels = views.map(labelText);
  let best: Candidate | null = null;
  for (const def of STAT_DEFS) {
    const c = tryDef(views, labels, def);
    if (best === null || c.matched > best.matched) best = c;
  }
  if (best === null || best.matched < 3) return null;
  const { def } = best;
  const table = emptyTable(def.id, def.variant, def.label, rows[start]!);
  const seen = new Set<string>();
  best.views.forEach((view, i) => {
    const j = best.assignment[i]!;
    if (j < 0) return;
    const rowDef = def.rows[j]!;
    seen.add(rowDef.id);
    if (rowDef.header) return;
    let values = view.values;
    while (values.length > def.cols.length && values[values.length - 1]!.text === '') values = values.slice(0, -1);
    // A blank unit column before the value reads as a leading blank value.
    while (values.length > def.cols.length && values[0]!.text === '') values = values.slice(1);
    if (values.length === 0 && view.unit !== null) {
      // The value cell is blank: a unit cell and nothing after it.
      values = [{ text: '', line: view.unit.line, column: view.unit.column + view.unit.text.length }];
    }
    if (values.length !== def.cols.length) {
      if (values.length === 0) return;
      table.unreadable.push({
        row: rowDef.id,
        raw: view.row.cells.map((c) => c.text).join(' | '),
        reason: `这一行有 ${values.length} 个数值，应有 ${def.cols.length} 个（${def.cols.map((c) => c.label).join('、')}）`,
        at: rowSpan(view.row),
      });
      return;
    }
    table.rows.push(rowDef.id);
    def.cols.forEach((col, k) => {
      const cell = makeCell(def.id, rowDef.id, col.id, values[k]!, view.row);
      if (cell.unit === undefined && view.unit !== null) cell.unit = view.unit.text;
      table.cells[cell.id] = cell;
    });
    const sim = best.sims[i]![j]!;
    const printed = labelText(view);
    if (sim < 0.9 && coreKey(printed).length >= coreKey(rowDef.label).length * 0.8) {
      table.drift.push({ row: rowDef.id, printed, expected: rowDef.label, at: rowSpan(view.row) });
    }
  });
  table.missingRows = def.rows.filter((r) => !r.optional && !seen.has(r.id)).map((r) => r.id);
  return table;
}
