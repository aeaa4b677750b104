/**
 * 表二 columns by header: each 第二十条 item prints a header row (信息内容 | 本年制发件数 | …) above
 * its rows. Reports print the columns in another order, add a column (备注, 上年数), or use the
 * other edition's wording; the values of a row are assigned to columns by the header's cells,
 * not by their position, when the header names every column of the item exactly once.
 */
import type { ColDef, T2ItemDef } from '../format/definitions.js';
import { LABEL_MATCH, rowSimilarity, type LabelledRow } from './labels.js';
import type { RowCell } from './rows.js';
import type { RowView } from './table-view.js';

/** Column labels a header may print for a column, beyond its own label and aliases. */
const HEADER_WORDING: Readonly<Record<string, readonly string[]>> = {
  decisions: ['处理决定数量', '本年处理决定数量'],
  amount_wan: ['本年收费金额', '收费金额（万元）'],
};

const wordings = new WeakMap<ColDef, LabelledRow>();

/** A column as label matching sees it: its label, aliases and header wordings (made once). */
function wordingOf(col: ColDef): LabelledRow {
  let row = wordings.get(col);
  if (row === undefined) {
    row = { label: col.label, aliases: [...(col.aliases ?? []), ...(HEADER_WORDING[col.id] ?? [])] };
    wordings.set(col, row);
  }
  return row;
}

/** The column a header cell names, or null (an added column such as 备注). */
function columnOf(text: string, cols: readonly ColDef[]): string | null {
  let best: string | null = null;
  let bestSim = LABEL_MATCH;
  for (const col of cols) {
    const sim = rowSimilarity(text, wordingOf(col));
    if (sim >= bestSim && (best === null || sim > bestSim)) {
      best = col.id;
      bestSim = sim;
    }
  }
  return best;
}

/**
 * The columns of an item as its header prints them: for each header cell after the first
 * (信息内容), the column id it names, or null for an added column. Null when no header row of the
 * item is found among `views` before `before`, or when it does not name each column exactly once.
 */
export function headerColumns(views: readonly RowView[], before: number, item: T2ItemDef): (string | null)[] | null {
  for (let k = before - 1; k >= 0 && k >= before - 4; k--) {
    const cells = views[k]!.row.cells;
    if (cells.length < 2 || views[k]!.numbers > 0) continue;
    const ids = cells.slice(1).map((c) => columnOf(c.text, item.cols));
    const named = ids.filter((id): id is string => id !== null);
    if (named.length === 0) continue;
    if (named.length !== item.cols.length || new Set(named).size !== named.length) return null;
    return ids;
  }
  return null;
}

/**
 * The cells of a row in the item's column order, by the header: the cells after the label cell,
 * one per header column (an empty trailing cell of an added column may be missing). Null when the
 * row does not hold one cell per header column.
 */
export function byHeader(after: readonly RowCell[], header: readonly (string | null)[], cols: readonly ColDef[]): RowCell[] | null {
  let cells = after;
  while (cells.length > header.length && cells[cells.length - 1]!.text === '') cells = cells.slice(0, -1);
  if (cells.length !== header.length && !(cells.length < header.length && header.slice(cells.length).every((id) => id === null))) return null;
  const out: RowCell[] = [];
  for (const col of cols) {
    const at = header.indexOf(col.id);
    const cell = cells[at];
    if (cell === undefined) return null;
    out.push(cell);
  }
  return out;
}
