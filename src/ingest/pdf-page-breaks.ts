/**
 * Table rows cut by a page break, joined back. When a row does not fit at the bottom of a page,
 * Word and browsers print its first part there and the rest at the top of the next page, with no
 * border at the cut; {@link findLattices} marks such table edges open. The two parts are one row
 * of the report ("一、本年新收政府信息公开申请" + "数量"), so their cells are joined and the second
 * part's line emptied (pdf.ts leaves out empty lines).
 */
import { joinParts } from './grid.js';
import type { TableRowLine } from './pdf-table-text.js';

/** The parts of a page read here: its height and its lines in order, table rows among them. */
export interface PageOfLines {
  height: number;
  lines: readonly { y: number; text?: string }[];
}

// The bands where page furniture (page numbers, running heads) sits, as pdf.ts counts them.
const TOP_BAND = 0.12;
const BOTTOM_BAND = 0.85;

function isTableRow(line: object): line is TableRowLine {
  return 'cells' in line && Array.isArray((line as { cells: unknown }).cells) && 'openTop' in line;
}

/** Column boundaries this close are the same column on the two pages. */
const SAME_X = 3;

/**
 * True when two parts of a table have the same columns where both have them: a part may lack
 * columns on the right where none of its rows reaches (ragged rows of a table without spans).
 */
function sameColumns(a: readonly number[], b: readonly number[]): boolean {
  const n = Math.min(a.length, b.length);
  if (n < 2) return false;
  for (let i = 0; i < n; i++) if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) > SAME_X) return false;
  return true;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) <= SAME_X;

/** True when every boundary of `a` is one of `b`'s, and `b` has more. */
function subset(a: readonly number[], b: readonly number[]): boolean {
  return a.length < b.length && a.every((x) => b.some((y) => near(x, y)));
}

/**
 * Lays a row out on finer columns `xs`: each cell's text goes to the first of the columns it
 * covers, the others are empty (as a merged cell is laid out).
 */
function regrid(row: TableRowLine, xs: number[]): void {
  const cells: string[] = Array.from({ length: xs.length - 1 }, () => '');
  row.cells.forEach((text, i) => {
    const start = row.xs[i];
    const j = start === undefined ? -1 : xs.findIndex((x) => near(x, start));
    if (j >= 0 && j < cells.length) cells[j] = text;
  });
  row.cells = cells;
  row.xs = xs; // shared with the other part, so the parts stay one table for the next page
  row.text = cells.join('\t');
}

/**
 * Joins each row cut at the bottom of a page with the part at the top of the next page, when
 * nothing but page furniture lies between them and both parts have the same columns.
 * Changes the rows in place.
 */
export function joinRowsAcrossPages(pages: readonly PageOfLines[]): void {
  for (let p = 0; p + 1 < pages.length; p++) {
    const page = pages[p];
    const next = pages[p + 1];
    if (page === undefined || next === undefined) continue;
    const lastIndex = page.lines.findLastIndex((l) => isTableRow(l));
    const firstIndex = next.lines.findIndex((l) => isTableRow(l));
    const first = page.lines[lastIndex];
    const second = next.lines[firstIndex];
    if (first === undefined || second === undefined || !isTableRow(first) || !isTableRow(second)) continue;
    const after = page.lines.slice(lastIndex + 1).every((l) => l.y > page.height * BOTTOM_BAND);
    const before = next.lines.slice(0, firstIndex).every((l) => l.y < next.height * TOP_BAND);
    if (!after || !before) continue;
    // One table on both pages. A part where some column boundary is never drawn (a merged cell
    // covers it in every row of that part) is laid out on the other part's columns.
    const tail = page.lines.filter((l): l is TableRowLine => isTableRow(l) && l.xs === first.xs);
    const head = next.lines.filter((l): l is TableRowLine => isTableRow(l) && l.xs === second.xs);
    if (subset(first.xs, second.xs)) for (const row of tail) regrid(row, second.xs);
    else if (subset(second.xs, first.xs)) for (const row of head) regrid(row, first.xs);
    if (!first.openBottom || !second.openTop || !sameColumns(first.xs, second.xs)) continue;
    const width = Math.max(first.cells.length, second.cells.length);
    first.cells = Array.from({ length: width }, (_, i) => joinParts([first.cells[i] ?? '', second.cells[i] ?? '']));
    first.text = first.cells.join('\t');
    first.items = [...first.items, ...second.items];
    second.cells = second.cells.map(() => '');
    second.text = '';
  }
}
