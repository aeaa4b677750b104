/**
 * Maps the rows of 表三 (收到和处理政府信息公开申请情况) onto the canonical table, in any layout.
 *
 * Value rows (a label, or none, followed by the 7 applicant columns) are aligned to the canonical
 * rows in order. Labels decide where they are readable; where a run of rows has lost its labels
 * (PDF-to-markdown damage), the rows are placed by position only when the run has exactly as many
 * rows as the canonical rows it spans. Anything else is reported unreadable, never guessed.
 */
import type { TableInstance, UnreadableWhy } from '../model/report.js';
import { align, costTable, matchTable } from './align.js';
import { T3_COLS, T3_GROUP_LABELS, T3_SUBTOTAL_ROWS, t3Def, type TableDef } from '../format/definitions.js';
import { headerTokens, planFromHeader, type HeaderPlan } from './header-t3.js';
import { columnPlaces, placeOnColumns, placeUnderHeader, type ColumnPlace, type HeaderPlaces } from './layout-columns.js';
import { coreKey, LABEL_MATCH, rowSimilarity, similarityRow, similarityRowOfKey } from './labels.js';
import { sharedReading } from '../format/numbers.js';
import type { Row, RowCell } from './rows.js';
import { emptyTable, labelText, makeCell, rowSpan, viewRow, type RowView } from './table-view.js';

interface Observed {
  view: RowView;
  /** Similarity of the row's own label to each canonical row. */
  own: readonly number[];
  /** Best own similarity. */
  ownBest: number;
  /**
   * Similarity of nearby label-only rows to each canonical row, when the row's own label names no
   * row (`ownBest` below {@link LABEL_MATCH}); zero for every row otherwise (it is read only then).
   */
  near: readonly number[];
}

const GROUP_KEYS = new Set(T3_GROUP_LABELS.map(coreKey));
const isGroupLabel = (text: string): boolean => GROUP_KEYS.has(coreKey(text));

/**
 * Similarities of the rows of one 表三 region to the canonical rows of each layout, as a vector per
 * row (indexed like `def.rows`), computed at most once per row and layout. Both layouts, and the
 * label-only rows around each value row, ask for the same vectors; each label's own vector comes
 * from {@link similarityRow}, which remembers it across reports.
 */
class RegionScores {
  private readonly vectors = new Map<TableDef, (readonly number[] | undefined)[]>();
  // Filled in any order: made at full length and filled, so that they stay plain packed arrays (a
  // write far past the end of a short array turns it into a dictionary, which was this class's main
  // cost; `Array.from({ length })` reads the length object as an iterable, slowly).
  private readonly keys: (string[] | undefined)[];

  constructor(private readonly views: readonly RowView[]) {
    this.keys = new Array<string[] | undefined>(views.length).fill(undefined);
  }

  /** The similarity of the row at `position` (in the region) to each row of `def`. */
  own(position: number, def: TableDef): readonly number[] {
    let byView = this.vectors.get(def);
    if (byView === undefined) {
      byView = new Array<readonly number[] | undefined>(this.views.length).fill(undefined);
      this.vectors.set(def, byView);
    }
    let vector = byView[position];
    if (vector === undefined) {
      vector = this.compute(position, def);
      byView[position] = vector;
    }
    return vector;
  }

  /**
   * The {@link coreKey} of each label cell of the row at `position`, once for both layouts
   * (profiled: looking a label's key up again per layout was a third of scoring the rows).
   */
  private labelKeys(position: number): string[] {
    let keys = this.keys[position];
    if (keys === undefined) {
      keys = this.views[position]!.labels.map((c) => coreKey(c.text));
      this.keys[position] = keys;
    }
    return keys;
  }

  /**
   * Per canonical row, as before the vectors: the best over the label cells, rightmost first,
   * stopping at the first that reaches {@link LABEL_MATCH}; a group label (三、本年度办理结果 …)
   * counts only for its own row; below the threshold, the label cells joined count too.
   */
  private compute(position: number, def: TableDef): readonly number[] {
    const view = this.views[position]!;
    const labels = view.labels;
    // Most rows have no label or one that is no group label: their vector is the zero one or the
    // label's own (both shared, and only read).
    if (labels.length === 0) return zeros(def);
    const keys = this.labelKeys(position);
    if (labels.length === 1 && !GROUP_KEYS.has(keys[0]!)) return similarityRowOfKey(keys[0]!, def.rows);
    const perLabel = keys.map((key) => similarityRowOfKey(key, def.rows));
    const groups = keys.map((key) => GROUP_KEYS.has(key));
    const rowKeys = canonicalKeys(def);
    let joined: readonly number[] | undefined;
    return def.rows.map((_r, j) => {
      let best = 0;
      for (let k = labels.length - 1; k >= 0; k--) {
        if (groups[k]! && rowKeys[j] !== keys[k]) continue;
        const sim = perLabel[k]![j]!;
        if (sim > best) best = sim;
        if (best >= LABEL_MATCH) break;
      }
      if (best < LABEL_MATCH && labels.length > 1) {
        joined ??= similarityRow(labelText(view), def.rows);
        best = Math.max(best, joined[j]!);
      }
      return best;
    });
  }
}

const canonicalKeyCache = new WeakMap<TableDef, readonly string[]>();

/** The {@link coreKey} of each row label of a definition, made once per definition. */
function canonicalKeys(def: TableDef): readonly string[] {
  let keys = canonicalKeyCache.get(def);
  if (keys === undefined) {
    keys = def.rows.map((r) => coreKey(r.label));
    canonicalKeyCache.set(def, keys);
  }
  return keys;
}

/** Zero for every row of a table: the nearby evidence of a value row without label-only neighbours. */
const noEvidence = new WeakMap<TableDef, readonly number[]>();

function zeros(def: TableDef): readonly number[] {
  let vector = noEvidence.get(def);
  if (vector === undefined) {
    vector = def.rows.map(() => 0);
    noEvidence.set(def, vector);
  }
  return vector;
}

/**
 * The best similarity to each canonical row of the label-only rows next to the value row at
 * `position`, up to three on each side and up to the next value row; null when there are none.
 */
function nearEvidence(views: readonly RowView[], position: number, def: TableDef, scores: RegionScores): number[] | null {
  let near: number[] | null = null;
  for (let step = -1; step <= 1; step += 2) {
    for (let k = position + step, n = 0; k >= 0 && k < views.length && n < 3; k += step, n++) {
      if (views[k]!.numbers > 0) break;
      const other = scores.own(k, def);
      // Similarities are never below 0: the first neighbour's vector, copied, is the maximum so far.
      if (near === null) near = other.slice();
      else for (let j = 0; j < near.length; j++) if (other[j]! > near[j]!) near[j] = other[j]!;
    }
  }
  return near;
}

function observe(views: readonly RowView[], valueRows: readonly RowView[], def: TableDef, scores: RegionScores): Observed[] {
  const first = views[0]?.index ?? 0;
  return valueRows.map((view) => {
    const position = view.index - first;
    const own = scores.own(position, def);
    // (An index loop: profiled, `for … of` over the vectors, whose element kinds differ, cost a
    // tenth of mapping 表三.)
    let ownBest = -Infinity;
    for (let j = 0; j < own.length; j++) if (own[j]! > ownBest) ownBest = own[j]!;
    // Label-only rows directly above and below (until the neighbouring value row) are evidence too,
    // for a row whose own label names no row: the nearby evidence is read only then (in alignTo and
    // mapTable3), so a row with a label of its own needs none gathered (profiled: gathering it for
    // every row was a third of observing them).
    const near = ownBest >= LABEL_MATCH ? zeros(def) : (nearEvidence(views, position, def, scores) ?? zeros(def));
    return { view, own, ownBest, near };
  });
}

interface Mapping {
  def: TableDef;
  observed: Observed[];
  assignment: number[];
  score: number;
}

function alignTo(views: RowView[], valueRows: RowView[], def: TableDef, scores: RegionScores): Mapping {
  const observed = observe(views, valueRows, def, scores);
  const rows = def.rows.length;
  const match = matchTable(observed.length, rows);
  observed.forEach((o, i) => {
    for (let j = 0; j < rows; j++) {
      const sim = o.own[j]!;
      let m: number | null;
      if (o.ownBest >= LABEL_MATCH) m = sim < LABEL_MATCH || sim < o.ownBest - 0.05 ? null : 10 * sim;
      else m = o.near[j]! >= LABEL_MATCH ? 2 : 0;
      if (m !== null) match[i * rows + j] = m;
    }
  });
  const { assignment, score } = align(observed.length, rows, { match, skipCanonical: costTable(rows, -3), skipItem: costTable(observed.length, -3) });
  return { def, observed, assignment, score };
}

/**
 * Rows placed by position must sit in a run that fills the canonical rows between two labelled
 * rows exactly; otherwise their place is a guess and they are dropped.
 */
function dropGuesses(m: Mapping): Set<number> {
  const dropped = new Set<number>();
  const anchored = (i: number): boolean => m.assignment[i]! >= 0 && m.observed[i]!.ownBest >= LABEL_MATCH;
  let i = 0;
  while (i < m.observed.length) {
    if (anchored(i) || m.assignment[i]! < 0) {
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < m.observed.length && !anchored(end + 1)) end++;
    const before = (() => {
      for (let k = i - 1; k >= 0; k--) if (m.assignment[k]! >= 0) return m.assignment[k]!;
      return -1;
    })();
    const after = (() => {
      for (let k = end + 1; k < m.observed.length; k++) if (m.assignment[k]! >= 0) return m.assignment[k]!;
      return m.def.rows.length;
    })();
    const slots = after - before - 1;
    const placed = m.assignment.slice(i, end + 1).filter((a) => a >= 0).length;
    if (slots !== placed || m.assignment.slice(i, end + 1).some((a) => a < 0)) {
      for (let k = i; k <= end; k++) dropped.add(k);
    }
    i = end + 1;
  }
  return dropped;
}

const SINGLE = t3Def('single');
const SPLIT = t3Def('split');

/** Column ids and cells of a value row, or why they cannot be told apart. */
type RowColumns = { cols: string[]; cells: RowCell[] } | UnreadableWhy;

/** Column ids for a value row of `count` values, given whether the header has a 小计 column. */
function columnsFor(values: RowView['values'], subtotalAt: number): RowColumns {
  let cells = values;
  const width = subtotalAt >= 0 ? 8 : 7;
  while (cells.length > width && cells[cells.length - 1]!.text === '') cells = cells.slice(0, -1);
  if (cells.length > width && cells[0]!.text === '') cells = cells.slice(cells.length - width);
  if (cells.length !== width) return { reason: 't3-count', values: { count: cells.length, expected: width } };
  const cols = T3_COLS.map((c) => c.id);
  if (subtotalAt >= 0) cols.splice(subtotalAt, 0, 'sub');
  return { cols, cells };
}

const isWord = (text: string): boolean => sharedReading(text).state === 'text';

/**
 * The cells of a value row under a header whose columns are certain: the last cells of the row,
 * one per header column (trailing empty cells beyond them dropped). A count column must hold a
 * value (or a short word, read as text); a merged 法人或其他组织 or an ignored column is not read.
 */
function columnsByHeader(view: RowView, columns: readonly string[], def: TableDef): RowColumns {
  const cells = view.row.cells;
  const width = columns.length;
  // The row's cells end with the header's columns, or with empty cells after them (a pipe row's
  // trailing `|  |`): the window is the one that a label (or the row's start) precedes.
  let row: readonly RowCell[] | null = null;
  for (let end = cells.length; end >= width; end--) {
    const before = cells[end - width - 1];
    const window = cells.slice(end - width, end);
    if ((before === undefined || before.text === '' || isWord(before.text)) && (!isWord(window[0]!.text) || (before !== undefined && isWordValue(window[0]!.text, def)))) {
      row = window;
      break;
    }
    if (cells[end - 1]!.text !== '') break;
  }
  if (row === null) return { reason: 't3-header-mismatch', values: { expected: width } };
  const cols: string[] = [];
  const picked: RowCell[] = [];
  for (let k = 0; k < width; k++) {
    const col = columns[k]!;
    const cell = row[k]!;
    if (col === 'skip' || col === 'org') continue;
    if (isWord(cell.text) && (cell.text.length > 10 || isGroupLabel(cell.text))) return { reason: 't3-text-in-count', values: { col: T3_COLS.find((c) => c.id === col)?.label ?? col, text: cell.text } };
    cols.push(col);
    picked.push(cell);
  }
  return { cols, cells: picked };
}

/**
 * In layouts with explicit cells, a cell holding words where a number belongs ("见附件") ends the
 * run of value cells early; when the row is short of values by exactly such cells, and they name
 * no row of the table, they are values (of state text), not labels.
 */
function withWordValues(view: RowView, width: number, def: TableDef): RowView['values'] {
  const short = width - view.values.length;
  if (short <= 0 || short >= view.labels.length || !['tab', 'pipe', 'cells', 'bar'].includes(view.row.kind)) return view.values;
  const extra = view.labels.slice(view.labels.length - short);
  const wordy = extra.every((c) => isWordValue(c.text, def));
  return wordy ? [...extra, ...view.values] : view.values;
}

/** Words where a number belongs ("见附件"): short, and naming no row or group of the table. */
function isWordValue(text: string, def: TableDef): boolean {
  // One similarity vector (remembered by key) instead of a lookup per canonical row.
  return text.length <= 10 && !isGroupLabel(text) && similarityRow(text, def.rows).every((sim) => sim < 0.6);
}

/** Where the 法人或其他组织小计 column stands, from the header rows; -1 when there is none. */
function subtotalPosition(header: RowView[]): number {
  const text = header.map((v) => v.row.cells.map((c) => c.text).join(' ')).join(' ');
  const at = text.indexOf('小计');
  if (at < 0) return -1;
  const before = text.slice(0, at);
  return before.includes('其他') ? 6 : before.includes('商业') ? 5 : 1;
}

/**
 * For each row of the region: true when it is a header row (names 表三 columns, holds no number),
 * and the header plan in effect for it (the last block of header rows above it; a header repeated
 * after a page break or a split starts a new block).
 */
function headerPlans(views: readonly RowView[]): { isHeader: boolean[]; plans: (HeaderPlan | null)[] } {
  const isHeader = views.map((v) => v.numbers === 0 && headerTokens(v.row) !== null);
  const plans: (HeaderPlan | null)[] = [];
  let current: HeaderPlan | null = null;
  let block: Row[] = [];
  views.forEach((v, k) => {
    if (isHeader[k]) block.push(v.row);
    else if (block.length > 0 && (v.numbers > 0 || isMarkRow(v))) {
      current = planFromHeader(block);
      block = [];
    }
    // A row inside a header block is no value row: its plan is never asked for.
    plans.push(block.length > 0 ? null : current);
  });
  return { isHeader, plans };
}

/** A row whose values are all zero marks (—, /, 无) or blank: a row of the table, not a missing one. */
function isMarkRow(v: RowView): boolean {
  if (v.numbers > 0 || v.values.length < 3) return false;
  // Without a label, only a full row of marks (its label printed on the lines around it).
  if (v.labels.length === 0) return isFullMarkRow(v);
  return v.values.some((c) => c.text !== '') || v.values.length >= 6;
}

/** A row of seven or more marks, none blank: placed like a row of numbers. */
function isFullMarkRow(v: RowView): boolean {
  return v.values.length >= 7 && v.values.every((c) => c.text !== '');
}

/** Ids of the subtotal rows, by the group name their label holds, or null. */
function subtotalGroup(view: RowView): (typeof T3_SUBTOTAL_ROWS)[number] | null | 'unnamed' {
  // The key holds only characters of the label cells (it drops some, adds none): without a 计 in
  // them it cannot hold 小计, and most rows are no subtotal (no key is made for them).
  if (!view.labels.some((c) => c.text.includes('计'))) return null;
  const label = coreKey(labelText(view));
  if (!label.includes('小计')) return null;
  return T3_SUBTOTAL_ROWS.find((r) => label.includes(r.groupLabel)) ?? 'unnamed';
}

/** The group of a canonical row id (r.deny.3 → deny), or null. */
const groupOf = (rowId: string | undefined): string | null => /^r\.(deny|unable|reject|other)\.\d$/.exec(rowId ?? '')?.[1] ?? null;

/**
 * Reads 表三 from the rows between `start` and `end` (exclusive). Returns null when the region
 * has no value rows at all.
 */
export function mapTable3(rows: readonly Row[], start: number, end: number, prefer: 'single' | 'split'): TableInstance | null {
  const views = rows.slice(start, end).map((row, k) => viewRow(row, start + k));
  const { isHeader, plans } = headerPlans(views);
  const first = views[0]?.index ?? start;
  const planOf = (v: RowView): HeaderPlan | null => plans[v.index - first] ?? null;
  // Whitespace-aligned text leaves blank cells out: the complete rows say where the columns are.
  const places = layoutPlaces(views, isHeader);
  const named = places === null ? namedPlaces(views) : null;
  const width = places?.length ?? named?.width ?? 0;
  // (Under a header whose columns are certain, the header decides.)
  const isShortLayoutRow = (v: RowView): boolean =>
    width > 0 && v.row.kind === 'layout' && v.numbers > 0 && v.numbers === v.values.length && v.values.length < width && planOf(v)?.certain !== true;
  const isValueRow = (v: RowView, k: number): boolean => {
    if (isHeader[k]) return false;
    if (v.numbers > 0 && v.values.length >= 3) return true;
    if (isShortLayoutRow(v)) return true;
    const plan = planOf(v);
    if (plan?.certain && v.row.cells.some((c) => sharedReading(c.text).state === 'number') && typeof columnsByHeader(v, plan.columns, SPLIT) !== 'string') return true;
    return isMarkRow(v);
  };
  const candidates = views.filter(isValueRow);
  const isSubtotal = candidates.map((v) => subtotalGroup(v) !== null);
  const subtotals = candidates.filter((_v, k) => isSubtotal[k]);
  const valueRows = candidates.filter((_v, k) => !isSubtotal[k]);
  if (valueRows.length === 0) return views.length > 0 ? unreadableTable(rows[start]!, prefer) : null;
  const header = views.filter((v) => v.index < valueRows[0]!.index);
  const subtotalAt = subtotalPosition(header);
  const scores = new RegionScores(views);
  const single = alignTo(views, valueRows, SINGLE, scores);
  const split = alignTo(views, valueRows, SPLIT, scores);
  const best = single.score > split.score || (single.score === split.score && prefer === 'single') ? single : split;
  const dropped = dropGuesses(best);
  const table = emptyTable('t3', best.def.variant, best.def.label, rows[start]!);
  if (best.def.variant === 'other-single') table.notes.push('other-single-row');
  if (subtotalAt >= 0) table.notes.push('subtotal-column');
  const seen = new Set<string>();
  const read = (rowId: string, view: RowView): void => {
    const plan = planOf(view);
    const cols = plan?.certain
      ? columnsByHeader(view, plan.columns, best.def)
      : isShortLayoutRow(view)
        ? placedColumns(view, places, named, subtotalAt)
        : columnsFor(withWordValues(view, subtotalAt >= 0 ? 8 : 7, best.def), subtotalAt);
    seen.add(rowId);
    if ('reason' in cols) {
      table.unreadable.push({ row: rowId, raw: view.values.map((c) => c.text).join(' '), ...cols, at: rowSpan(view.row) });
      return;
    }
    if (plan?.certain) noteColumns(table, plan.columns);
    table.rows.push(rowId);
    cols.cols.forEach((col, k) => {
      const cell = makeCell('t3', rowId, col, cols.cells[k]!, view.row);
      table.cells[cell.id] = cell;
    });
  };
  best.observed.forEach((o, i) => {
    const j = best.assignment[i]!;
    if (j < 0 || dropped.has(i)) {
      if (o.view.numbers >= 3 && j < 0 && isLocalRow(o)) {
        table.notes.push('extra-row');
      } else if (o.view.numbers >= 3) {
        table.unreadable.push({
          row: j >= 0 ? best.def.rows[j]!.id : '?',
          raw: o.view.row.cells.map((c) => c.text).join(' | '),
          reason: j >= 0 ? 't3-no-label' : 't3-no-row',
          values: {},
          at: rowSpan(o.view.row),
        });
      }
      return;
    }
    const def = best.def.rows[j]!;
    // A short row of numbers in aligned text counts by its own label only (its place is no evidence).
    if (isShortLayoutRow(o.view) && o.own[j]! < LABEL_MATCH && !(o.view.labels.length === 0 && o.near[j]! >= LABEL_MATCH)) return;
    // A short row of marks counts by its own label only; a full one as a row of numbers would.
    if (o.view.numbers === 0 && o.ownBest < LABEL_MATCH && !isFullMarkRow(o.view)) return;
    read(def.id, o.view);
    if (o.ownBest >= LABEL_MATCH && o.own[j]! < 1) {
      const printed = o.view.labels.map((c) => c.text).find((t) => rowSimilarity(t, def) === o.own[j]) ?? labelText(o.view);
      if (coreKey(printed) !== coreKey(def.label) && coreKey(def.label).length > coreKey(printed).length - 2 && printed.length >= def.label.length - 2) {
        table.drift.push({ row: def.id, printed, expected: def.label, at: rowSpan(o.view.row) });
      }
    }
  });
  for (const view of subtotals) {
    const id = subtotalRowId(view, best, valueRows);
    if (id === null || seen.has(id)) {
      table.unreadable.push({ row: '?', raw: view.row.cells.map((c) => c.text).join(' | '), reason: 't3-subtotal', values: {}, at: rowSpan(view.row) });
      continue;
    }
    read(id, view);
  }
  table.missingRows = best.def.rows.map((r) => r.id).filter((id) => !seen.has(id));
  return table;
}

/** The column places of a whitespace-aligned 表三, from its rows of all seven (or eight) numbers. */
function layoutPlaces(views: readonly RowView[], isHeader: readonly boolean[]): ColumnPlace[] | null {
  const rowsOf = (width: number): RowCell[][] =>
    views.filter((v, k) => !isHeader[k] && v.row.kind === 'layout' && v.values.length === width && v.numbers === width).map((v) => v.values);
  const seven = rowsOf(7);
  const eight = rowsOf(8);
  if (seven.length >= 2 && eight.length === 0) return columnPlaces(seven, 7);
  if (eight.length >= 2 && seven.length === 0) return columnPlaces(eight, 8);
  return null;
}

/** The columns of a short aligned row, by the places of the columns (or of the outer header names). */
function placedColumns(view: RowView, places: readonly ColumnPlace[] | null, named: HeaderPlaces | null, subtotalAt: number): RowColumns {
  const cells = places !== null ? placeOnColumns(view.values, places, view.row.line) : named !== null ? placeUnderHeader(view.values, named, view.row.line) : null;
  if (cells === null) return { reason: 't3-places', values: { count: view.values.length } };
  return columnsFor(cells, cells.length === 8 ? Math.max(subtotalAt, 1) : -1);
}

/**
 * Without complete rows, the places of 自然人 (first column) and 总计 (last) from an aligned header
 * row that names them, when it is the format's seven columns (no 小计, no other column named).
 */
function namedPlaces(views: readonly RowView[]): HeaderPlaces | null {
  const byColumn = new Map<number, ColumnPlace>();
  for (const v of views) {
    if (v.numbers > 0) break;
    if (v.row.kind !== 'layout') continue;
    for (const c of v.row.cells) {
      const key = c.text.replace(/\s+/g, '');
      if (key === '小计' || key === '备注') return null;
      const k = key === '自然人' ? 0 : key === '总计' ? 6 : -1;
      if (k >= 0 && !byColumn.has(k)) byColumn.set(k, { start: c.column, end: c.column + c.text.length });
    }
  }
  const np = byColumn.get(0);
  const total = byColumn.get(6);
  return np && total && np.end < total.start ? { byColumn, width: 7 } : null;
}

/** 表三 found (its first row is there) without a row of values: every row missing, and said so. */
function unreadableTable(first: Row, prefer: 'single' | 'split'): TableInstance {
  const def = prefer === 'single' ? SINGLE : SPLIT;
  const table = emptyTable('t3', def.variant, def.label, first);
  table.missingRows = def.rows.map((r) => r.id);
  table.unreadable.push({ row: def.rows[0]!.id, raw: first.cells.map((c) => c.text).join(' | '), reason: 't3-no-values', values: {}, at: rowSpan(first) });
  return table;
}

/** A value row whose label names no row of the format at all: a local addition, left out. */
function isLocalRow(o: Observed): boolean {
  return o.view.labels.length > 0 && coreKey(labelText(o.view)).length >= 4 && o.ownBest < 0.5;
}

/** Notes what a certain header says about the columns (merged organisations, no 总计, extra columns). */
function noteColumns(table: TableInstance, columns: readonly string[]): void {
  const add = (note: string): void => {
    if (!table.notes.includes(note)) table.notes.push(note);
  };
  if (columns.includes('org')) add('merged-org-column');
  if (!columns.includes('total')) add('no-total-column');
  // Either way some relations of the format have no column to read: one note for the rule that says so.
  if (columns.includes('org') || !columns.includes('total')) add('columns-not-checkable');
  if (columns.includes('skip')) add('extra-column');
  if (columns.includes('sub')) add('subtotal-column');
}

/**
 * The id of a subtotal row: by the group its label names, else by the group of the rows around it
 * (a 小计 after a group's last row, or before its first); null when that is not certain.
 */
function subtotalRowId(view: RowView, m: Mapping, valueRows: readonly RowView[]): string | null {
  const named = subtotalGroup(view);
  if (named !== null && named !== 'unnamed') return named.id;
  const position = (k: number): string | undefined => (m.assignment[k]! >= 0 ? m.def.rows[m.assignment[k]!]!.id : undefined);
  let prev: string | null = null;
  let next: string | null = null;
  valueRows.forEach((v, k) => {
    if (v.index < view.index) prev = groupOf(position(k));
    else if (next === null && v.index > view.index) next = groupOf(position(k)) ?? '';
  });
  const group = prev !== null && prev !== next ? prev : next !== null && next !== '' && next !== prev ? next : null;
  return T3_SUBTOTAL_ROWS.find((r) => r.group === group)?.id ?? null;
}
