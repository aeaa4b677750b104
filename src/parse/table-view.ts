/**
 * Helpers shared by the table mappers: a row split into its label cells and its trailing value
 * cells, and the construction of located model cells.
 */
import type { Cell, Span, TableInstance } from '../model/report.js';
import { sharedReading } from '../format/numbers.js';
import { isSpaceCode } from '../format/normalize.js';
import type { Row, RowCell } from './rows.js';

/** Units written in a unit column (2008 tables) or beside a label. */
export const UNIT_WORDS = new Set(['条', '件', '次', '篇', '个', '人', '人次', '万元', '元', '期', '份', '项']);

/** A row seen as label cells followed by value cells. */
export interface RowView {
  row: Row;
  /** Index of the row in the document's row list. */
  index: number;
  /** Cells before the values that hold words (unit cells excluded). */
  labels: RowCell[];
  /** A unit cell, when the row has one (2008 tables). */
  unit: RowCell | null;
  /** The trailing run of value cells (numbers, blanks, dashes). */
  values: RowCell[];
  /** How many of the values are numbers. */
  numbers: number;
}

/** The most characters of a unit word ({@link UNIT_WORDS}). */
const LONGEST_UNIT = Math.max(...[...UNIT_WORDS].map((w) => w.length));

/**
 * True when a cell's text, white space taken out, may be as short as a unit word: only then is a
 * copy without white space made (profiled: a replace on every label cell of every table row).
 */
function isUnitLength(text: string): boolean {
  if (text.length <= LONGEST_UNIT) return true;
  let printed = 0;
  for (let i = 0; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i)) && ++printed > LONGEST_UNIT) return false;
  return true;
}

/** Splits a row into labels, unit and trailing values. */
export function viewRow(row: Row, index: number): RowView {
  let start = row.cells.length;
  // Each value cell's reading is looked up once: the numbers among them are counted on the way.
  let numbers = 0;
  while (start > 0) {
    const state = sharedReading(row.cells[start - 1]!.text).state;
    if (state === 'text') break;
    if (state === 'number') numbers++;
    start--;
  }
  // A lone trailing unit or dash column is data only when something before it is a label.
  const values = row.cells.slice(start);
  const labels: RowCell[] = [];
  let unit: RowCell | null = null;
  for (let k = 0; k < start; k++) {
    const c = row.cells[k]!;
    if (UNIT_WORDS.has(isUnitLength(c.text) ? c.text.replace(/\s+/g, '') : c.text)) unit = c;
    else if (c.text !== '') labels.push(c);
  }
  return { row, index, labels, unit, values, numbers };
}

/** The row's label text: its label cells joined. */
export function labelText(view: RowView): string {
  return view.labels.map((c) => c.text).join('');
}

/** The span of a row cell, with the row's page. */
export function cellSpan(c: RowCell, row: Row): Span {
  const span: Span = { line: c.line, column: c.column };
  if (row.page !== undefined) span.page = row.page;
  return span;
}

/** Builds a model cell from a row cell. */
export function makeCell(table: string, rowId: string, colId: string, c: RowCell, row: Row): Cell {
  const reading = sharedReading(c.text);
  const cell: Cell = {
    id: cellId(table, rowId, colId),
    table,
    row: rowId,
    col: colId,
    raw: c.text,
    state: reading.state,
    value: reading.value,
    at: cellSpan(c, row),
  };
  if (reading.unit !== undefined) cell.unit = reading.unit;
  if (reading.decimals !== undefined) cell.decimals = reading.decimals;
  return cell;
}

/** Cell ids made so far, by table, row and column (a few hundred: the formats' cells). */
const cellIds = new Map<string, Map<string, Map<string, string>>>();
let cellIdCount = 0;

/**
 * `<table>.<row>.<col>`, the same string each time. Profiled: storing a cell under a new string
 * built for every cell (the string hashed and interned on each store) was the costliest line of
 * mapping 表三; an id made once is interned once. Bounded, in case ids ever come from the text.
 */
export function cellId(table: string, rowId: string, colId: string): string {
  if (cellIdCount >= 10_000) {
    cellIds.clear();
    cellIdCount = 0;
  }
  let byRow = cellIds.get(table);
  if (byRow === undefined) {
    byRow = new Map();
    cellIds.set(table, byRow);
  }
  let byCol = byRow.get(rowId);
  if (byCol === undefined) {
    byCol = new Map();
    byRow.set(rowId, byCol);
  }
  let id = byCol.get(colId);
  if (id === undefined) {
    id = `${table}.${rowId}.${colId}`;
    byCol.set(colId, id);
    cellIdCount++;
  }
  return id;
}

/** A new, empty table instance. */
export function emptyTable(id: string, variant: string, label: string, row: Row): TableInstance {
  const at: Span = { line: row.line };
  if (row.page !== undefined) at.page = row.page;
  return { id, variant, label, at, cells: cellStore(), rows: [], missingRows: [], unreadable: [], drift: [], notes: [] };
}

/**
 * An empty plain object for a table's cells, made a hash table from the start. Profiled: a table's
 * cells (up to a few hundred, stored by id, the ids in an order that differs from report to
 * report) were added to a fresh `{}` through a chain of hidden classes that the engine made anew
 * for each order, the costliest line of mapping 表三. Deleting a property that is not the last
 * one turns an object into a hash table in V8 (and costs nothing elsewhere); the object is empty
 * again afterwards, and its properties keep their insertion order as any object's do.
 */
function cellStore(): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  const seed = cells as Record<string, unknown>;
  seed.first = 0;
  seed.second = 0;
  delete seed.first;
  delete seed.second;
  return cells;
}

/** The span of a row (its first line, and page). */
export function rowSpan(row: Row): Span {
  const at: Span = { line: row.line };
  if (row.endLine !== row.line) at.endLine = row.endLine;
  if (row.page !== undefined) at.page = row.page;
  return at;
}
