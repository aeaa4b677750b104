/**
 * Table rows whose cells were run together by a crawler that deleted every space: a whole 表三 in
 * one paragraph (`一、本年新收政府信息公开申请数量121010014二、上年结转…0000000三、本年度办理结果
 * （一）予以公开3101005…`), or one row in a line of its own (`（七）总计81010010`). This module
 * cuts such text into label + digits segments and turns each into a row of cells whose digits
 * are split by {@link readGluedDigits}; the table mapper then reads the rows as any others.
 *
 * Cutting: a run of digits ends a row's values; when the run is followed by `.`/`、` and a word,
 * its last digits are the next label's list number (`…00000002.其他法律…`): the number the list
 * expects next (1 after a group label such as （三）不予公开, else one more than the previous).
 * When the run does not end with that number, the text is not cut (nothing is guessed).
 */
import { readGluedDigits, type GluedReading, type RowRelation } from './glued-digits.js';
import type { Row, RowCell } from './rows.js';

/** A label and the digits after it, with their offsets in the text. */
export interface GluedSegment {
  label: string;
  labelAt: number;
  digits: string;
  digitsAt: number;
}

const LIST_MARK = /^[.、．][^\d\s]/;
const LIST_NUMBERS = /(\d{1,2})[.、．](?=[^\d\s])/g;
const GROUP_NUMBER = /[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、/;

/** The list number a label's next item has: one more than its last, or 1 after a group label. */
function nextListNumber(label: string): number {
  let last: RegExpExecArray | null = null;
  for (const m of label.matchAll(LIST_NUMBERS)) last = m;
  if (last === null) return 1;
  const tail = label.slice(last.index + last[0].length);
  return GROUP_NUMBER.test(tail) ? 1 : Number(last[1]) + 1;
}

/**
 * Cuts `text` into label + digit-run segments, or returns null when a list number cannot be told
 * apart from the values before it. Decimal numbers (`650.6`) are digits with their point.
 */
export function segmentGlued(text: string): GluedSegment[] | null {
  const out: GluedSegment[] = [];
  const runs = /\d+(?:\.\d+)?/g;
  let labelAt = 0;
  let m: RegExpExecArray | null;
  while ((m = runs.exec(text)) !== null) {
    const at = m.index;
    let digits = m[0];
    const end = at + digits.length;
    const label = text.slice(labelAt, at);
    let nextLabelAt = end;
    if (!digits.includes('.') && LIST_MARK.test(text.slice(end, end + 2))) {
      // At the start of the text, the run is the first label's own number (2.重复申请…).
      if (label.trim() === '') continue;
      const expected = String(nextListNumber(label));
      if (!digits.endsWith(expected)) return null;
      digits = digits.slice(0, digits.length - expected.length);
      nextLabelAt = end - expected.length;
      // The run is only the list number: the label goes on (（三）不予公开1.属于国家秘密).
      if (digits === '') continue;
    }
    if (label.trim() === '') return null;
    out.push({ label, labelAt, digits, digitsAt: at });
    labelAt = nextLabelAt;
  }
  return out;
}

/** The cells of a split, each located at its digits (the first at `column`). */
export function splitCells(values: readonly number[], line: number, column: number): RowCell[] {
  let at = column;
  return values.map((v) => {
    const text = String(v);
    const c = { text, line, column: at };
    at += text.length;
    return c;
  });
}

/** A glued row read: the row of cells, and how its digits were read. */
export interface GluedRow {
  row: Row;
  label: string;
  digits: string;
  /** Where the digits start: line and 1-based column. */
  digitsAt: { line: number; column: number };
  reading: GluedReading;
}

/**
 * The rows of a glued text cell `cell` of `source`: one per segment, holding the label and, when
 * exactly one split satisfies `relation`, the `cells` values (each located at its digits).
 * Returns null when the text cannot be cut.
 */
export function gluedRows(cell: RowCell, source: Row, cells: number, relation: RowRelation): GluedRow[] | null {
  const segments = segmentGlued(cell.text);
  if (segments === null) return null;
  return segments.map((s) => {
    const reading = readGluedDigits(s.digits, cells, relation);
    const label = s.label.trim();
    const rowCells: RowCell[] = [{ text: label, line: cell.line, column: cell.column + s.labelAt + (s.label.length - s.label.trimStart().length) }];
    if (reading.kind === 'unique') rowCells.push(...splitCells(reading.values, cell.line, cell.column + s.digitsAt));
    const row: Row = { kind: source.kind, cells: rowCells, line: source.line, endLine: source.endLine };
    if (source.page !== undefined) row.page = source.page;
    return { row, label, digits: s.digits, digitsAt: { line: cell.line, column: cell.column + s.digitsAt }, reading };
  });
}

/**
 * A row of two cells, a label and a run of at least `cells` digits (`（七）总计⇥81010010`): the
 * label kept its cell, but the values lost theirs. As one glued row; null for any other row.
 */
function tabGluedRow(row: Row, cells: number, relation: RowRelation): GluedRow[] | null {
  if (row.cells.length !== 2) return null;
  const [label, values] = row.cells as [RowCell, RowCell];
  const digits = values.text.trim();
  if (digits.length < cells || !/^\d+$/.test(digits) || !/[^\d\s]/.test(label.text)) return null;
  const column = values.column + (values.text.length - values.text.trimStart().length);
  const reading = readGluedDigits(digits, cells, relation);
  const rowCells: RowCell[] = [label];
  if (reading.kind === 'unique') rowCells.push(...splitCells(reading.values, values.line, column));
  const cut: Row = { kind: row.kind, cells: rowCells, line: row.line, endLine: row.endLine };
  if (row.page !== undefined) cut.page = row.page;
  return [{ row: cut, label: label.text.trim(), digits, digitsAt: { line: values.line, column }, reading }];
}

const GLUED_PATTERNS = new Map<number, RegExp>();

/** True for a cell whose text holds a label followed by a run of at least `min` digits. */
export function isGluedCell(text: string, min: number): boolean {
  let re = GLUED_PATTERNS.get(min);
  if (re === undefined) {
    re = new RegExp(`[^\\d\\s.,]\\d{${min},}`);
    GLUED_PATTERNS.set(min, re);
  }
  return re.test(text);
}

/** The table note recorded for a glued row (read by its one split, or by none): `<kind>:<row id>:<digits>:<line>`. */
export function gluedNote(kind: 'glued-split' | 'glued-no-split', row: string, digits: string, line: number): string {
  return `${kind}:${row}:${digits}:${line}`;
}

/** A region of rows with its glued rows cut and split, and how each glued row was read. */
export interface ExpandedRegion {
  rows: Row[];
  glued: GluedRow[];
}

/**
 * The rows `start` to `end` of `rows`, with each row holding a glued cell (a label followed by at
 * least `cells` digits) replaced by the rows cut from it; null when there is none (the region is
 * read as it is). A cell whose text cannot be cut is left as it is.
 */
export function expandGluedRegion(rows: readonly Row[], start: number, end: number, cells: number, relation: RowRelation): ExpandedRegion | null {
  let out: Row[] | null = null;
  const glued: GluedRow[] = [];
  for (let k = start; k < end; k++) {
    const row = rows[k]!;
    const at = row.cells.findIndex((c) => isGluedCell(c.text, cells));
    const cut = at >= 0 && row.cells.length <= 2 ? gluedRows(row.cells[at]!, row, cells, relation) : tabGluedRow(row, cells, relation);
    if (cut === null || cut.length === 0) {
      out?.push(row);
      continue;
    }
    out ??= rows.slice(start, k);
    for (const g of cut) {
      out.push(g.row);
      if (g.digits !== '') glued.push(g);
    }
  }
  return out === null ? null : { rows: out, glued };
}
