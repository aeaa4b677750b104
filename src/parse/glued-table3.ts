/**
 * 表三 whose rows lost their cell boundaries (see glued-rows.ts): the glued rows are cut and
 * split, the region is read by the ordinary 表三 mapper, and each glued row's reading is recorded
 * on the table: a `glued-split` note when exactly one split satisfies 总计 = 自然人 + the five
 * 法人或其他组织 columns (the cells were read that way), a `glued-no-split` note when none does
 * (a certain error), and an unreadable row otherwise.
 */
import type { TableInstance } from '../model/report.js';
import { T3_ROW_RELATION } from './glued-digits.js';
import { expandGluedRegion, gluedNote, splitCells, type GluedRow } from './glued-rows.js';
import { t3Def, type TableDef } from '../format/definitions.js';
import { LABEL_MATCH, similarityRow } from './labels.js';
import type { Row } from './rows.js';
import { mapTable3 } from './table3.js';
import { cellId, makeCell, rowSpan } from './table-view.js';

/**
 * 表三's definition for the layout a table was read in, made once: label similarities are
 * remembered per definition's rows, which a new definition per call would never find again.
 */
const DEFS = { single: t3Def('single'), split: t3Def('split') };
const defOf = (table: TableInstance): TableDef => DEFS[table.variant === 'other-single' ? 'single' : 'split'];

/** The canonical row a glued row's label names best, among `candidates`; null when none is named. */
function rowOf(g: GluedRow, table: TableInstance, candidates: readonly string[]): string | null {
  const def = defOf(table);
  const sims = similarityRow(g.label, def.rows);
  let best = -1;
  for (let j = 0; j < def.rows.length; j++) if (sims[j]! >= LABEL_MATCH && candidates.includes(def.rows[j]!.id) && (best < 0 || sims[j]! > sims[best]!)) best = j;
  return best < 0 ? null : def.rows[best]!.id;
}

/**
 * A cell's place as one number: line and column (a column is below 2^31, and a line number times
 * 2^31 stays an exact integer), so that the places of a table's cells are no strings to build.
 */
const placeKey = (line: number, column: number | undefined): number => line * 2 ** 31 + (column ?? -1);

/** The row id of each cell the mapper placed, by the line and column it was read at. */
function placedRows(table: TableInstance): Map<number, string> {
  const out = new Map<number, string>();
  for (const cell of Object.values(table.cells)) out.set(placeKey(cell.at.line, cell.at.column), cell.row);
  return out;
}

/** The row id of the cell read at the first value of a glued row, when the mapper placed it. */
function placedRow(g: GluedRow, placed: ReadonlyMap<number, string>): string | null {
  const first = g.row.cells[1];
  return first === undefined ? null : (placed.get(placeKey(first.line, first.column)) ?? null);
}

/** Reads 表三 in rows `start` to `end` when some of its rows are glued; null when none is. */
export function readGluedTable3(rows: readonly Row[], start: number, end: number, prefer: 'single' | 'split'): TableInstance | null {
  const region = expandGluedRegion(rows, start, end, 7, T3_ROW_RELATION);
  if (region === null) return null;
  const table = mapTable3(region.rows, 0, region.rows.length, prefer);
  if (table === null) return null;
  const pending = new Map<string, GluedRow>();
  const placed = placedRows(table);
  for (const g of region.glued) {
    const { reading } = g;
    if (reading.kind === 'unique') {
      const id = placedRow(g, placed);
      if (id !== null) table.notes.push(gluedNote('glued-split', id, g.digits, g.row.line));
      continue;
    }
    const id = rowOf(g, table, table.missingRows);
    if (id === null) continue;
    table.missingRows = table.missingRows.filter((r) => r !== id);
    if (reading.kind === 'none') {
      table.notes.push(gluedNote('glued-no-split', id, g.digits, g.row.line));
      continue;
    }
    if (reading.kind === 'ambiguous') pending.set(id, g);
    const why =
      reading.kind === 'ambiguous'
        ? { reason: 't3-glued-ambiguous' as const, values: { digits: g.digits, fits: reading.accepted } }
        : { reason: 't3-glued-no-split' as const, values: { digits: g.digits } };
    table.unreadable.push({ row: id, raw: `${g.label}${g.digits}`, ...why, at: rowSpan(g.row) });
  }
  settleByColumns(table, pending);
  // Rows in the format's order, as the mapper gives them (rows settled late were added last).
  const order = defOf(table).rows.map((r) => r.id);
  table.rows.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return table;
}

const COLS = ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'] as const;

/** The row's seven values, when every one was read as a number. */
function rowValues(table: TableInstance, row: string): number[] | null {
  const out: number[] = [];
  for (const col of COLS) {
    // (The id made once per cell, not a new string per look-up: see cellId.)
    const cell = table.cells[cellId('t3', row, col)];
    if (cell?.state !== 'number' || cell.value === null) return null;
    out.push(cell.value);
  }
  return out;
}

/**
 * What the format's column relations say a row holds, from the rows read already: （七）总计 is
 * the sum of the result rows; 本年新收 + 上年结转 = （七）总计 + 结转下年度. Null when a row it needs
 * is not read.
 */
function expectedRow(table: TableInstance, row: string, vec: (id: string) => number[] | null): number[] | null {
  const add = (a: number[] | null, b: number[] | null, sign = 1): number[] | null => (a && b ? a.map((v, k) => v + sign * b[k]!) : null);
  if (row === 'r.total') {
    const leaves = defOf(table).rows.filter((r) => r.id.startsWith('r.') && r.id !== 'r.total');
    let sum: number[] | null = COLS.map(() => 0);
    for (const leaf of leaves) sum = add(sum, vec(leaf.id));
    return sum;
  }
  if (row === 'new') return add(add(vec('r.total'), vec('carried_out')), vec('carried_in'), -1);
  if (row === 'carried_in') return add(add(vec('r.total'), vec('carried_out')), vec('new'), -1);
  if (row === 'carried_out') return add(add(vec('new'), vec('carried_in')), vec('r.total'), -1);
  return null;
}

/**
 * Rows whose digits split several ways within the row are told apart by the table's column
 * relations, from the rows read with certainty: the one split that satisfies them is read (a
 * `glued-split` note), none is a certain error (`glued-no-split`), several stay unreadable.
 */
function settleByColumns(table: TableInstance, pending: Map<string, GluedRow>): void {
  // Each row's values, read once: a row's cells change only where it is settled below (profiled:
  // （七）总计's expectation reads every result row again for each pending row and each pass).
  const values = new Map<string, number[] | null>();
  const vec = (id: string): number[] | null => {
    let v = values.get(id);
    if (v === undefined) {
      v = rowValues(table, id);
      values.set(id, v);
    }
    return v;
  };
  for (let changed = true; changed && pending.size > 0; ) {
    changed = false;
    for (const [id, g] of pending) {
      if (g.reading.kind !== 'ambiguous') continue;
      const expected = expectedRow(table, id, vec);
      if (expected === null) continue;
      const fits = g.reading.candidates.filter((c) => c.every((v, k) => v === expected[k]));
      if (fits.length > 1 || (fits.length === 0 && g.reading.accepted > g.reading.candidates.length)) continue;
      pending.delete(id);
      changed = true;
      table.unreadable = table.unreadable.filter((u) => u.row !== id);
      if (fits.length === 0) {
        table.notes.push(gluedNote('glued-no-split', id, g.digits, g.row.line));
        continue;
      }
      const cells = splitCells(fits[0]!, g.digitsAt.line, g.digitsAt.column);
      COLS.forEach((col, k) => {
        const cell = makeCell('t3', id, col, cells[k]!, g.row);
        table.cells[cell.id] = cell;
      });
      values.delete(id);
      table.rows.push(id);
      table.notes.push(gluedNote('glued-split', id, g.digits, g.row.line));
    }
  }
}
