/**
 * Ruling lines → table grids, the way "lattice" table extractors (Tabula, Camelot) find tables:
 * border pieces lying on one line are merged, lines that cross or touch form one table, the
 * distinct x positions of its vertical lines and y positions of its horizontal lines cut it into a
 * grid, and neighbouring grid positions with no border between them belong to one merged cell
 * (a label spanning rows, a heading spanning columns).
 *
 * Pure geometry in page coordinates (top-left origin, y downwards); no text is read here.
 */
import type { Rulings, Segment } from './pdf-rulings.js';

/** One cell of a grid: its top-left grid position, how many rows and columns it covers, its box. */
export interface LatticeCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * A table found from its rulings: column boundaries `xs` and row boundaries `ys` (ascending, the
 * outer borders included), and the cells tiling the grid (every grid position is in exactly one).
 */
export interface Lattice {
  xs: number[];
  ys: number[];
  cells: LatticeCell[];
  /**
   * The vertical borders run on above the first horizontal one (below the last): the table was cut
   * by a page break there, and the first (last) grid row is the piece of a row that goes on on the
   * previous (next) page.
   */
  openTop: boolean;
  openBottom: boolean;
}

/** Border pieces this close across are one line (double borders, pixel rounding of producers). */
const SAME_LINE = 2;
/** A gap this short along a line does not break it (cell borders drawn piece by piece). */
const GAP = 2.5;
/** A vertical and a horizontal line this close to each other's extent touch. */
const TOUCH = 2.5;
/** Grid lines closer than this are one boundary: no row or column of text is this thin. */
const MIN_CELL = 3;
/** A border must cover this share of a grid edge to separate the positions on either side. */
const COVER = 0.5;

/**
 * Merges border pieces into lines: pieces at (almost) the same position whose extents overlap or
 * nearly meet become one segment.
 */
export function mergeSegments(segments: readonly Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.pos - b.pos || a.from - b.from);
  // Cluster by position first (a running cluster, so a slow drift of a fraction of a point is kept).
  const bands: Segment[][] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (const s of sorted) {
    const band = bands.at(-1);
    if (band !== undefined && s.pos - last <= SAME_LINE) band.push(s);
    else bands.push([s]);
    last = s.pos;
  }
  const out: Segment[] = [];
  for (const band of bands) {
    const pos = band.reduce((sum, s) => sum + s.pos, 0) / band.length;
    const along = [...band].sort((a, b) => a.from - b.from);
    let current: Segment | null = null;
    for (const s of along) {
      if (current !== null && s.from <= current.to + GAP) current.to = Math.max(current.to, s.to);
      else {
        current = { pos, from: s.from, to: s.to };
        out.push(current);
      }
    }
  }
  return out;
}

function touches(h: Segment, v: Segment): boolean {
  return v.pos >= h.from - TOUCH && v.pos <= h.to + TOUCH && h.pos >= v.from - TOUCH && h.pos <= v.to + TOUCH;
}

/** Groups lines into tables: connected components of the "crosses or touches" relation. */
function components(horizontal: readonly Segment[], vertical: readonly Segment[]): { h: Segment[]; v: Segment[] }[] {
  const n = horizontal.length + vertical.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    let k = i;
    while (parent[k] !== r) {
      const next = parent[k] ?? r;
      parent[k] = r;
      k = next;
    }
    return r;
  };
  horizontal.forEach((h, i) => {
    vertical.forEach((v, j) => {
      if (touches(h, v)) parent[find(i)] = find(horizontal.length + j);
    });
  });
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  const group = (i: number): { h: Segment[]; v: Segment[] } => {
    const root = find(i);
    let g = groups.get(root);
    if (g === undefined) {
      g = { h: [], v: [] };
      groups.set(root, g);
    }
    return g;
  };
  horizontal.forEach((h, i) => group(i).h.push(h));
  vertical.forEach((v, j) => group(horizontal.length + j).v.push(v));
  return [...groups.values()];
}

/** Distinct positions of a set of lines, merging those closer than a cell could be. */
function boundaries(lines: readonly Segment[]): number[] {
  const positions = lines.map((s) => s.pos).sort((a, b) => a - b);
  const out: number[][] = [];
  for (const p of positions) {
    const band = out.at(-1);
    if (band !== undefined && p - (band.at(-1) ?? p) < MIN_CELL) band.push(p);
    else out.push([p]);
  }
  return out.map((band) => band.reduce((a, b) => a + b, 0) / band.length);
}

/** True when the lines at `pos` cover at least {@link COVER} of the edge from `a` to `b`. */
function covered(lines: readonly Segment[], pos: number, a: number, b: number): boolean {
  const length = b - a;
  if (length <= 0) return true;
  const pieces = lines
    .filter((s) => Math.abs(s.pos - pos) < MIN_CELL && s.to > a && s.from < b)
    .map((s) => [Math.max(a, s.from), Math.min(b, s.to)] as const)
    .sort((p, q) => p[0] - q[0]);
  let total = 0;
  let end = a;
  for (const [from, to] of pieces) {
    const start = Math.max(from, end);
    if (to > start) total += to - start;
    end = Math.max(end, to);
  }
  return total >= COVER * length;
}

/**
 * The cells of a grid: positions joined where no border separates them. A joined group that is
 * not a rectangle (ragged rows whose missing cells leave an open area) is split back into single
 * positions, so that cells always tile the grid.
 */
function mergeCells(xs: readonly number[], ys: readonly number[], h: readonly Segment[], v: readonly Segment[]): LatticeCell[] {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const id = (r: number, c: number): number => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    return r;
  };
  const union = (a: number, b: number): void => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x0 = xs[c] ?? 0;
      const x1 = xs[c + 1] ?? 0;
      const y0 = ys[r] ?? 0;
      const y1 = ys[r + 1] ?? 0;
      if (c + 1 < cols && !covered(v, x1, y0, y1)) union(id(r, c), id(r, c + 1));
      if (r + 1 < rows && !covered(h, y1, x0, x1)) union(id(r, c), id(r + 1, c));
    }
  }
  const groups = new Map<number, [number, number][]>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(id(r, c));
      const g = groups.get(root) ?? [];
      g.push([r, c]);
      groups.set(root, g);
    }
  }
  const cell = (r0: number, c0: number, r1: number, c1: number): LatticeCell => ({
    row: r0, col: c0, rowSpan: r1 - r0 + 1, colSpan: c1 - c0 + 1,
    x0: xs[c0] ?? 0, y0: ys[r0] ?? 0, x1: xs[c1 + 1] ?? 0, y1: ys[r1 + 1] ?? 0,
  });
  const cells: LatticeCell[] = [];
  for (const g of groups.values()) {
    const r0 = Math.min(...g.map((p) => p[0]));
    const r1 = Math.max(...g.map((p) => p[0]));
    const c0 = Math.min(...g.map((p) => p[1]));
    const c1 = Math.max(...g.map((p) => p[1]));
    if ((r1 - r0 + 1) * (c1 - c0 + 1) === g.length) cells.push(cell(r0, c0, r1, c1));
    else for (const [r, c] of g) cells.push(cell(r, c, r, c));
  }
  return cells.sort((a, b) => a.row - b.row || a.col - b.col);
}

/**
 * Adds a boundary where the lines `across` the boundaries (vertical lines for row boundaries) run
 * on past the first (`start`) or last (`end`) boundary by more than a thin cell. True when added.
 */
function extend(bounds: number[], across: readonly Segment[], side: 'start' | 'end'): boolean {
  if (bounds.length === 0 || across.length === 0) return false;
  if (side === 'start') {
    const reach = Math.min(...across.map((s) => s.from));
    if (reach >= (bounds[0] ?? reach) - MIN_CELL) return false;
    bounds.unshift(reach);
    return true;
  }
  const reach = Math.max(...across.map((s) => s.to));
  if (reach <= (bounds.at(-1) ?? reach) + MIN_CELL) return false;
  bounds.push(reach);
  return true;
}

/**
 * Finds the tables drawn by a page's rulings. A table needs at least two columns of grid and two
 * cells (one row is enough: the last row of a table can be alone at the top of a page); a lone
 * frame around a paragraph, a rule under a heading or an underline is not one.
 */
export function findLattices(rulings: Rulings): Lattice[] {
  const horizontal = mergeSegments(rulings.horizontal);
  const vertical = mergeSegments(rulings.vertical);
  const out: Lattice[] = [];
  for (const { h, v } of components(horizontal, vertical)) {
    if (h.length < 2 || v.length < 2) continue;
    const xs = boundaries(v);
    const ys = boundaries(h);
    // Lines running on past the last line across them are an open edge: a row cut by a page break
    // (no border drawn at the cut), or a table without outer side borders. The open part is a row
    // (column) of its own, bounded by the lines' ends.
    const openTop = extend(ys, v, 'start');
    const openBottom = extend(ys, v, 'end');
    extend(xs, h, 'start');
    extend(xs, h, 'end');
    if (xs.length < 3 || ys.length < 2) continue;
    const cells = mergeCells(xs, ys, h, v);
    if (cells.length < 2) continue;
    out.push({ xs, ys, cells, openTop, openBottom });
  }
  return out.sort((a, b) => (a.ys[0] ?? 0) - (b.ys[0] ?? 0));
}
