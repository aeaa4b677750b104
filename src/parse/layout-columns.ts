/**
 * Columns of a whitespace-aligned table (`pdftotext -layout`), where a blank cell is only a gap:
 * the places of the columns are taken from the table's own complete rows, and each number of a
 * short row goes to the one column whose place it overlaps. When the complete rows do not give
 * separate places, or a number overlaps none or two of them, the row is not placed at all.
 */
import type { RowCell } from './rows.js';

/** Where a column's values stand in the lines: from the leftmost start to the rightmost end. */
export interface ColumnPlace {
  start: number;
  end: number;
}

/**
 * The places of `width` columns from rows of exactly `width` values (at least two rows), or null
 * when there are too few such rows or their columns overlap.
 */
export function columnPlaces(fullRows: readonly (readonly RowCell[])[], width: number): ColumnPlace[] | null {
  if (fullRows.length < 2) return null;
  const places: ColumnPlace[] = [];
  for (let k = 0; k < width; k++) {
    let start = Number.POSITIVE_INFINITY;
    let end = 0;
    for (const row of fullRows) {
      const cell = row[k]!;
      start = Math.min(start, cell.column);
      end = Math.max(end, cell.column + cell.text.length);
    }
    if (k > 0 && start <= places[k - 1]!.end) return null;
    places.push({ start, end });
  }
  return places;
}

/**
 * The cells of a short row laid on the column places: each value in the one column it overlaps,
 * in order; the other columns get blank cells at their place. Null when a value does not fall in
 * exactly one column, or two fall in the same.
 */
export function placeOnColumns(values: readonly RowCell[], places: readonly ColumnPlace[], line: number): RowCell[] | null {
  const out: (RowCell | null)[] = places.map(() => null);
  let last = -1;
  for (const v of values) {
    const from = v.column;
    const to = v.column + v.text.length;
    let hit = -1;
    for (let k = 0; k < places.length; k++) {
      if (from <= places[k]!.end && to >= places[k]!.start) {
        if (hit >= 0) return null;
        hit = k;
      }
    }
    if (hit <= last) return null;
    out[hit] = v;
    last = hit;
  }
  return out.map((c, k) => c ?? { text: '', line, column: places[k]!.start });
}

/** Columns whose header names stand over their values: the two outer ones of 表三. */
export interface HeaderPlaces {
  /** Column index → the place of its header name. */
  byColumn: ReadonlyMap<number, ColumnPlace>;
  width: number;
}

/**
 * Places the numbers of a short row by the header names over their columns: each number must
 * overlap the place of exactly one named column; numbers anywhere else cannot be placed (the
 * names of the middle columns wrap over lines and drift in `pdftotext` output), and then the row
 * is not placed at all.
 */
export function placeUnderHeader(values: readonly RowCell[], header: HeaderPlaces, line: number): RowCell[] | null {
  const out: (RowCell | null)[] = Array.from({ length: header.width }, () => null);
  let last = -1;
  for (const v of values) {
    const from = v.column;
    const to = v.column + v.text.length;
    let hit = -1;
    for (const [k, place] of header.byColumn) {
      if (from <= place.end && to >= place.start) {
        if (hit >= 0) return null;
        hit = k;
      }
    }
    if (hit < 0 || hit <= last) return null;
    out[hit] = v;
    last = hit;
  }
  const anyPlace = [...header.byColumn.values()][0]!;
  return out.map((c) => c ?? { text: '', line, column: anyPlace.start });
}
