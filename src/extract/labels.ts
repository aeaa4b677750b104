/**
 * Row and column labels of a table instance, from the definition of its own variant (the 2008
 * national and Fujian 统计表 share row ids with different labels; 表二 differs by edition), with
 * the engine's labels as a fallback for ids no single variant defines (e.g. 表三 `sub`).
 */
import { colLabel, rowLabel } from '../format/labels.js';
import type { TableInstance } from '../model/report.js';
import { STAT_DEFS, T2_ITEMS, T4_DEF, t3Def, type ColDef, type RowDef } from '../format/definitions.js';

/** A row's label and the unit the format gives it. */
export interface RowInfo {
  label: string;
  unit?: string;
  /** Position in the format, for ordering. */
  order: number;
}

/** Labels of one table instance. */
export interface TableLabels {
  row(row: string): RowInfo;
  col(col: string): { label: string; order: number };
}

function fromDefs(rows: readonly RowDef[], cols: readonly ColDef[]): { rows: Map<string, RowInfo>; cols: Map<string, { label: string; order: number }> } {
  return {
    rows: new Map(rows.map((r, i) => [r.id, { label: r.label, order: i, ...(r.unit ? { unit: r.unit } : {}) }])),
    cols: new Map(cols.map((c, i) => [c.id, { label: c.label, order: i }])),
  };
}

function t2Defs(variant: string): ReturnType<typeof fromDefs> {
  const items = T2_ITEMS[variant === '2019' ? '2019' : '2021'];
  const rows: RowDef[] = [];
  const cols: ColDef[] = [];
  for (const item of items) {
    for (const r of item.rows) rows.push({ ...r, id: `${item.item}.${r.id}`, label: `${item.caption}·${r.label}` });
    for (const c of item.cols) if (!cols.some((x) => x.id === c.id)) cols.push(c);
  }
  return fromDefs(rows, cols);
}

function defsOf(table: Pick<TableInstance, 'id' | 'variant'>): ReturnType<typeof fromDefs> | null {
  if (table.id === 't2') return t2Defs(table.variant);
  if (table.id === 't3') return fromDefs(t3Def(table.variant === 'other-single' ? 'single' : 'split').rows, t3Def('split').cols);
  if (table.id === 't4') return fromDefs(T4_DEF.rows, T4_DEF.cols);
  const stat = STAT_DEFS.find((d) => d.id === table.id && d.variant === table.variant) ?? STAT_DEFS.find((d) => d.id === table.id);
  return stat ? fromDefs(stat.rows, stat.cols) : null;
}

/** The labels of a table instance's rows and columns. */
export function tableLabels(table: Pick<TableInstance, 'id' | 'variant'>): TableLabels {
  const defs = defsOf(table);
  return {
    row: (row) => defs?.rows.get(row) ?? { label: rowLabel(table.id, row), order: Number.MAX_SAFE_INTEGER },
    col: (col) => defs?.cols.get(col) ?? { label: colLabel(table.id, col), order: Number.MAX_SAFE_INTEGER },
  };
}
