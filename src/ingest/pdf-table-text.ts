/**
 * Text placed in a lattice grid → table rows as the parser reads them from Word and HTML tables:
 * one line per grid row, cells joined by TAB, a merged cell's text at its top-left position only
 * (the other positions it covers empty, as {@link expandSpans} lays out `rowspan`/`colspan` and
 * Word's merged cells). So a label wrapped over three lines and centred beside its numbers comes
 * out whole, on the row of its numbers.
 */
import { collapseWhitespace, expandSpans, isCjkChar, joinParts, type SpanCell } from './grid.js';
import type { Lattice, LatticeCell } from './pdf-lattice.js';

/** A text item on the page: top-left origin, y downwards, `y` the baseline (as pdf.ts places it). */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** One table row as a line: `y` is the row's top (for ordering among the page's lines). */
export interface TableRowLine {
  y: number;
  /** The usual font size of the row's text. */
  size: number;
  /** The cells joined by TAB; emptied when the row is joined to its first part on the page before. */
  text: string;
  /** The row's cells, grid positions covered by a merged cell empty. */
  cells: string[];
  /** The table's column boundaries (page x), to match the parts of a row cut by a page break. */
  xs: number[];
  /** The row is the first of a table cut at its top by a page break (it may be a row's second part). */
  openTop: boolean;
  /** The row is the last of a table cut at its bottom by a page break (a row's first part, maybe). */
  openBottom: boolean;
  /** The items whose text the row holds (page-furniture detection reads them). */
  items: PlacedText[];
}

/** A glyph's visual centre lies about a third of the font size above its baseline. */
const CENTRE_RISE = 0.35;

function centre(item: PlacedText): [number, number] {
  return [item.x + item.width / 2, item.y - CENTRE_RISE * item.size];
}

function inBox(lattice: Lattice, x: number, y: number): boolean {
  const [x0, x1] = [lattice.xs[0] ?? 0, lattice.xs.at(-1) ?? 0];
  const [y0, y1] = [lattice.ys[0] ?? 0, lattice.ys.at(-1) ?? 0];
  return x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

/** Estimated advance of a character, in ems: CJK glyphs are square, Latin and digits about half. */
function advance(ch: string): number {
  if (/\s/.test(ch)) return 0.3;
  return isCjkChar(ch) ? 1 : 0.55;
}

/** Items for the characters of `text` laid from `x` on, each as wide as its estimated advance. */
function charItems(text: string, x: number, item: PlacedText, scale: number): PlacedText[] {
  const out: PlacedText[] = [];
  let at = x;
  for (const ch of Array.from(text)) {
    const w = advance(ch) * item.size * scale;
    if (ch.trim() !== '') out.push({ text: ch, x: at, y: item.y, width: w, size: item.size });
    at += w;
  }
  return out;
}

/**
 * Splits an item that runs across a column boundary. pdf.js merges text drawn close together on
 * one line into one item, with a space for the gap, so a narrow label cell and the number next to
 * it can arrive as "行政许可 4529". The gap's width is unknown, so the first word is placed from the
 * item's start and the last word back from its end (the middle ones in between); only a word that
 * still crosses a boundary is cut into characters by their estimated advances.
 */
function splitAcross(item: PlacedText, lattice: Lattice): PlacedText[] {
  const inner = lattice.xs.slice(1, -1);
  const crosses = (x0: number, x1: number): boolean => inner.some((x) => x > x0 + 1 && x < x1 - 1);
  if (!crosses(item.x, item.x + item.width)) return [item];
  const words = item.text.split(/\s+/).filter((w) => w !== '');
  const natural = (w: string): number => Array.from(w).reduce((sum, ch) => sum + advance(ch), 0) * item.size;
  const placed: PlacedText[] = [];
  if (words.length === 1) {
    const total = natural(item.text) || 1;
    return charItems(item.text, item.x, item, item.width / total);
  }
  const first = words[0] ?? '';
  const last = words.at(-1) ?? '';
  const firstW = Math.min(natural(first), item.width);
  const lastW = Math.min(natural(last), item.width);
  const middle = words.slice(1, -1);
  const free = item.x + firstW;
  const room = Math.max(0, item.width - firstW - lastW);
  placed.push({ text: first, x: item.x, y: item.y, width: firstW, size: item.size });
  middle.forEach((w, i) => {
    const x = free + (room * (i + 1)) / (middle.length + 1) - natural(w) / 2;
    placed.push({ text: w, x, y: item.y, width: natural(w), size: item.size });
  });
  placed.push({ text: last, x: item.x + item.width - lastW, y: item.y, width: lastW, size: item.size });
  return placed.flatMap((w) => (crosses(w.x, w.x + w.width) ? charItems(w.text, w.x, w, 1) : [w]));
}

function cellAt(cells: readonly LatticeCell[], x: number, y: number): LatticeCell | undefined {
  return cells.find((c) => x >= c.x0 && x < c.x1 && y >= c.y0 && y < c.y1)
    ?? cells.find((c) => x >= c.x0 && x <= c.x1 && y >= c.y0 && y <= c.y1);
}

/**
 * A cell's text in reading order: items on one baseline (within half the font size) form a line,
 * read left to right; lines top to bottom are joined with {@link joinParts}, so a label wrapped
 * inside a narrow cell reads as one (CJK pieces join without a space).
 */
export function cellText(items: readonly PlacedText[]): string {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PlacedText[][] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    const head = line?.[0];
    if (line !== undefined && head !== undefined && Math.abs(item.y - head.y) <= 0.5 * Math.min(item.size, head.size)) line.push(item);
    else lines.push([item]);
  }
  const parts = lines.map((line) => {
    line.sort((a, b) => a.x - b.x);
    let out = '';
    let prev: PlacedText | undefined;
    for (const item of line) {
      // Fake bold: the same text drawn twice a fraction of a glyph apart.
      if (prev !== undefined && prev.text === item.text && Math.abs(prev.x - item.x) < 0.3 * item.size) continue;
      if (prev === undefined) out = item.text;
      else {
        const gap = item.x - (prev.x + prev.width);
        const cjk = isCjkChar(Array.from(out).at(-1)) && isCjkChar(Array.from(item.text)[0]);
        // Chinese has no word spaces: a gap between two CJK glyphs in a cell is justification or
        // letter spacing, never a space the author typed.
        out += cjk || gap < 0.1 * Math.min(item.size, prev.size) ? item.text : ` ${item.text}`;
      }
      prev = item;
    }
    return collapseWhitespace(out);
  });
  return joinParts(parts);
}

/**
 * Lays the page's text out in its lattice tables. Returns one {@link TableRowLine} per grid row
 * that holds text, and the items outside every table (`rest`), which the page's ordinary line
 * layout reads. A lattice with text in fewer than two cells is not taken as a table: its items
 * stay in `rest`, so framed paragraphs and empty boxes read as before.
 */
export function layOutTables(lattices: readonly Lattice[], items: readonly PlacedText[]): { rows: TableRowLine[]; rest: PlacedText[] } {
  let rest = [...items];
  const rows: TableRowLine[] = [];
  for (const lattice of lattices) {
    const inside: PlacedText[] = [];
    const outside: PlacedText[] = [];
    for (const item of rest) {
      const [x, y] = centre(item);
      (inBox(lattice, x, y) ? inside : outside).push(item);
    }
    const byCell = new Map<LatticeCell, PlacedText[]>();
    for (const item of inside) {
      for (const piece of splitAcross(item, lattice)) {
        const [x, y] = centre(piece);
        const cell = cellAt(lattice.cells, x, y);
        if (cell === undefined) continue;
        const list = byCell.get(cell) ?? [];
        list.push(piece);
        byCell.set(cell, list);
      }
    }
    if (byCell.size < 2) continue;
    rest = outside;
    const texts = new Map<LatticeCell, string>();
    for (const [cell, list] of byCell) texts.set(cell, cellText(list));
    // Rows of span cells in grid order; the cells tile the grid, so expandSpans puts each one
    // back at its own position.
    const spanRows: SpanCell[][] = lattice.ys.slice(1).map(() => []);
    for (const cell of lattice.cells) {
      spanRows[cell.row]?.push({ text: texts.get(cell) ?? '', rowSpan: cell.rowSpan, colSpan: cell.colSpan });
    }
    const grid = expandSpans(spanRows);
    grid.forEach((cells, r) => {
      if (cells.every((c) => c === '')) return;
      const held = lattice.cells.filter((c) => c.row === r).flatMap((c) => byCell.get(c) ?? []);
      const sizes = held.map((i) => i.size).sort((a, b) => a - b);
      rows.push({
        y: lattice.ys[r] ?? 0, size: sizes[Math.floor(sizes.length / 2)] ?? 10, text: cells.join('\t'), cells, xs: lattice.xs, items: held,
        openTop: lattice.openTop && r === 0, openBottom: lattice.openBottom && r === grid.length - 1,
      });
    });
  }
  return { rows, rest };
}
