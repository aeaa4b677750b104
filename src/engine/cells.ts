/**
 * Indexes over a table's cell ids, shared by every report whose table has the same layout.
 *
 * What a glob (`t3.r.deny.*.np`) or a cell-state rule's cell list covers depends only on which
 * cell ids a table has and which rows it could not read, not on the values. Reports of one format
 * have few layouts, so the index is built once per layout and reused across reports (before, it
 * was rebuilt for every report: the largest single cost of rule evaluation after the checks
 * themselves). A report's table finds its layout's index by comparing its ids; the shared
 * indexes are bounded in number, and each report's lookup is kept in the report's cache.
 */
import type { Cell, Report, TableInstance } from '../model/report.js';
import { BoundedMemo } from './regex.js';
import { cacheOf } from './report-cache.js';

/**
 * What is known of one layout. Its cell ids are grouped by "shape": for a set of `*` positions,
 * the key is an id with those segments replaced by `*`, so a glob is one map lookup; the shapes
 * of a rule set are few (one or two star positions).
 */
export interface LayoutIndex extends LayoutKey {
  /** The table's cell ids (its `cells` keys), in table order. */
  readonly cellIds: readonly string[];
  /** Ids of the rows the table could not read (each row × each column the table has). */
  readonly unreadIds: readonly string[];
  /** Shape → glob key → matching ids in table order. */
  readonly cells: Map<string, Map<string, string[]>>;
  /** The same over `unreadIds`. */
  readonly unread: Map<string, Set<string>>;
  /** Glob → what it covers (see {@link cellsOfGlob}). */
  readonly globs: Map<string, readonly string[] | null>;
  /** Per cell list (a rule's `cells`, by identity) → positions in `cellIds` of the ids it matches. */
  readonly selections: WeakMap<readonly RegExp[], readonly number[]>;
}

/** One report's table with its layout's index. */
export interface TableView {
  readonly index: LayoutIndex;
  /** The table's cells, in the order of `index.cellIds` (as `Object.values(table.cells)`). */
  readonly cells: readonly Cell[];
  /** True when every cell's `id` is its key in `cells` (so positions in `cellIds` name cells). */
  readonly idsAreKeys: boolean;
}

/**
 * The shared indexes, by a cheap key (table id, counts, first and last id) and then compared in
 * full: a long signature string (the ids joined) cost more to build and hash, per table and
 * report, than the comparison, whose strings are property keys and so mostly identical objects.
 * A few dozen layouts cover the real corpus; the bound keeps odd inputs from accumulating.
 */
const layouts = new Map<string, LayoutIndex[]>();
const MAX_LAYOUTS = 128;
let layoutCount = 0;

/** What a layout is: the table, its cell ids (keys, in order), its unread rows and its columns. */
export interface LayoutKey {
  readonly tableId: string;
  readonly cellIds: readonly string[];
  readonly unreadRows: readonly string[];
  readonly cols: readonly string[];
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

function layoutFor(key: LayoutKey): LayoutIndex {
  const { tableId, cellIds, unreadRows, cols } = key;
  const bucketKey = `${tableId}\n${cellIds.length}\n${unreadRows.length}\n${cols.length}\n${cellIds[0] ?? ''}\n${cellIds[cellIds.length - 1] ?? ''}`;
  let bucket = layouts.get(bucketKey);
  const found = bucket?.find((l) => l.tableId === tableId && sameList(l.cellIds, cellIds) && sameList(l.unreadRows, unreadRows) && sameList(l.cols, cols));
  if (found) return found;
  if (layoutCount >= MAX_LAYOUTS) {
    layouts.clear();
    layoutCount = 0;
    bucket = undefined;
  }
  const index: LayoutIndex = {
    tableId, cellIds, unreadRows, cols, unreadIds: unreadRows.flatMap((row) => cols.map((col) => `${tableId}.${row}.${col}`)),
    cells: new Map(), unread: new Map(), globs: new Map(), selections: new WeakMap(),
  };
  if (bucket) bucket.push(index);
  else layouts.set(bucketKey, [index]);
  layoutCount++;
  return index;
}

/** The view of a report's table (built once per report and table, kept in the report's cache). */
export function viewOf(report: Report, table: TableInstance): TableView {
  const views = (cacheOf(report).views ??= new Map());
  let view = views.get(table);
  if (!view) {
    // Object.keys and then a lookup per key, not Object.values: a big table's `cells` is in V8's
    // dictionary mode, where Object.values costs about five times as much as this (measured on
    // 表三: 34 µs against 7 + 3 µs per call).
    const cellIds = Object.keys(table.cells);
    const cells = cellIds.map((id) => table.cells[id]!);
    let idsAreKeys = true;
    for (let i = 0; i < cells.length; i++) if (cells[i]!.id !== cellIds[i]) idsAreKeys = false;
    const unreadRows = [...table.missingRows, ...table.unreadable.map((u) => u.row)];
    const cols = unreadRows.length > 0 ? [...new Set(cells.map((c) => c.col))] : [];
    view = { index: layoutFor({ tableId: table.id, cellIds, unreadRows, cols }), cells, idsAreKeys };
    views.set(table, view);
  }
  return view;
}

const globParts = new BoundedMemo<{ count: number; stars: number[]; shape: string }>(1024);
/** What `*` matches in a glob: one id segment, as in the regular expressions of `globToRegExp`. */
const STAR_SEGMENT = /^[A-Za-z0-9_]+$/;

function partsOf(glob: string): { count: number; stars: number[]; shape: string } {
  return globParts.get(glob, () => {
    const segments = glob.split('.');
    const stars = segments.flatMap((s, i) => (s === '*' ? [i] : []));
    return { count: segments.length, stars, shape: `${segments.length}:${stars.join(',')}` };
  });
}

/**
 * The glob key of an id for a shape (segment count and star positions, ascending), or null when
 * the id has another segment count or a starred segment is not one `*` can match.
 */
function keyFor(id: string, count: number, stars: readonly number[]): string | null {
  let key = '';
  let from = 0;
  let star = 0;
  for (let segment = 0; segment < count; segment++) {
    const dot = id.indexOf('.', from);
    const last = segment === count - 1;
    if (last ? dot >= 0 : dot < 0) return null;
    const end = last ? id.length : dot;
    if (stars[star] === segment) {
      if (end === from || !STAR_SEGMENT.test(id.slice(from, end))) return null;
      key += segment === 0 ? '*' : '.*';
      star++;
    } else key += segment === 0 ? id.slice(from, end) : `.${id.slice(from, end)}`;
    from = end + 1;
  }
  return key;
}

function shapeOf(ids: readonly string[], count: number, stars: readonly number[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const id of ids) {
    const key = keyFor(id, count, stars);
    if (key === null) continue;
    const list = byKey.get(key);
    if (list) list.push(id);
    else byKey.set(key, [id]);
  }
  return byKey;
}

/**
 * The cell ids of a layout a glob covers, in table order, or null when rows it covers could not
 * be read. The list is shared: callers must not change it.
 */
export function cellsOfGlob(index: LayoutIndex, glob: string): readonly string[] | null {
  const known = index.globs.get(glob);
  if (known !== undefined) return known;
  const { count, stars, shape } = partsOf(glob);
  let unread = index.unread.get(shape);
  if (!unread) {
    unread = new Set(shapeOf(index.unreadIds, count, stars).keys());
    index.unread.set(shape, unread);
  }
  let result: readonly string[] | null = null;
  if (!unread.has(glob)) {
    let cells = index.cells.get(shape);
    if (!cells) {
      cells = shapeOf(index.cellIds, count, stars);
      index.cells.set(shape, cells);
    }
    result = cells.get(glob) ?? [];
  }
  index.globs.set(glob, result);
  return result;
}

/**
 * Positions in `index.cellIds` of the ids some pattern matches, in order. Keyed by the pattern
 * list's identity, so a rule compiles its list once.
 */
export function selectIds(index: LayoutIndex, patterns: readonly RegExp[]): readonly number[] {
  let selected = index.selections.get(patterns);
  if (!selected) {
    const positions: number[] = [];
    index.cellIds.forEach((id, i) => {
      if (patterns.some((re) => re.test(id))) positions.push(i);
    });
    selected = positions;
    index.selections.set(patterns, selected);
  }
  return selected;
}
