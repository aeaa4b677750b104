/**
 * Maps the rows of 表三 (收到和处理政府信息公开申请情况) onto the canonical table, in any layout.
 *
 * Value rows (a label, or none, followed by the 7 applicant columns) are aligned to the canonical
 * rows in order. Labels decide where they are readable; where a run of rows has lost its labels
 * (PDF-to-markdown damage), the rows are placed by position only when the run has exactly as many
 * rows as the canonical rows it spans. Anything else is reported unreadable, never guessed.
 */
import type { TableInstance } from '../model/report.js';
import { align, costTable, matchTable } from './align.js';
import { T3_COLS, T3_GROUP_LABELS, t3Def, type TableDef } from './definitions.js';
import { coreKey, LABEL_MATCH, rowSimilarity, similarityRow } from './labels.js';
import type { Row } from './rows.js';
import { emptyTable, labelText, makeCell, rowSpan, viewRow, type RowView } from './table-view.js';

interface Observed {
  view: RowView;
  /** Similarity of the row's own label to each canonical row. */
  own: readonly number[];
  /** Best own similarity. */
  ownBest: number;
  /** Similarity of nearby label-only rows to each canonical row. */
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
  // Filled in any order: made at full length, so that they stay plain arrays (a write far past the
  // end of a short array turns it into a dictionary, which was this class's main cost).
  private readonly groups: (boolean[] | undefined)[];

  constructor(private readonly views: readonly RowView[]) {
    this.groups = Array.from({ length: views.length });
  }

  /** The similarity of the row at `position` (in the region) to each row of `def`. */
  own(position: number, def: TableDef): readonly number[] {
    let byView = this.vectors.get(def);
    if (byView === undefined) {
      byView = Array.from({ length: this.views.length });
      this.vectors.set(def, byView);
    }
    let vector = byView[position];
    if (vector === undefined) {
      vector = this.compute(position, def);
      byView[position] = vector;
    }
    return vector;
  }

  /** Which label cells of the row at `position` are 表三 group labels (三、本年度办理结果 …). */
  private groupFlags(position: number): boolean[] {
    let flags = this.groups[position];
    if (flags === undefined) {
      flags = this.views[position]!.labels.map((c) => isGroupLabel(c.text));
      this.groups[position] = flags;
    }
    return flags;
  }

  /**
   * Per canonical row, as before the vectors: the best over the label cells, rightmost first,
   * stopping at the first that reaches {@link LABEL_MATCH}; a group label counts only for its own
   * row; below the threshold, the label cells joined count too.
   */
  private compute(position: number, def: TableDef): number[] {
    const view = this.views[position]!;
    const labels = view.labels;
    const groups = this.groupFlags(position);
    const perLabel = labels.map((c) => similarityRow(c.text, def.rows));
    let joined: readonly number[] | undefined;
    return def.rows.map((r, j) => {
      let best = 0;
      for (let k = labels.length - 1; k >= 0; k--) {
        if (groups[k]! && r.label !== labels[k]!.text) continue;
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
      near ??= def.rows.map(() => 0);
      for (let j = 0; j < near.length; j++) near[j] = Math.max(near[j]!, other[j]!);
    }
  }
  return near;
}

function observe(views: readonly RowView[], valueRows: readonly RowView[], def: TableDef, scores: RegionScores): Observed[] {
  const first = views[0]?.index ?? 0;
  return valueRows.map((view) => {
    const position = view.index - first;
    const own = scores.own(position, def);
    // Label-only rows directly above and below (until the neighbouring value row) are evidence too.
    const near = nearEvidence(views, position, def, scores) ?? zeros(def);
    let ownBest = -Infinity;
    for (const sim of own) ownBest = Math.max(ownBest, sim);
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

/** Column ids for a value row of `count` values, given whether the header has a 小计 column. */
function columnsFor(values: RowView['values'], subtotalAt: number): { cols: string[]; cells: RowView['values'] } | string {
  let cells = values;
  const width = subtotalAt >= 0 ? 8 : 7;
  while (cells.length > width && cells[cells.length - 1]!.text === '') cells = cells.slice(0, -1);
  if (cells.length > width && cells[0]!.text === '') cells = cells.slice(cells.length - width);
  if (cells.length !== width) return `这一行有 ${cells.length} 个数值，表三每行应有 ${width} 个（申请人类别各一列加总计），无法确定各数值属于哪一列`;
  const cols = T3_COLS.map((c) => c.id);
  if (subtotalAt >= 0) cols.splice(subtotalAt, 0, 'sub');
  return { cols, cells };
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
  const wordy = extra.every((c) => c.text.length <= 10 && !isGroupLabel(c.text) && def.rows.every((r) => rowSimilarity(c.text, r) < 0.6));
  return wordy ? [...extra, ...view.values] : view.values;
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
 * Reads 表三 from the rows between `start` and `end` (exclusive). Returns null when the region
 * has no value rows at all.
 */
export function mapTable3(rows: readonly Row[], start: number, end: number, prefer: 'single' | 'split'): TableInstance | null {
  const views = rows.slice(start, end).map((row, k) => viewRow(row, start + k));
  const valueRows = views.filter((v) => v.numbers > 0 && v.values.length >= 3);
  if (valueRows.length === 0) return null;
  const first = valueRows[0]!;
  const header = views.filter((v) => v.index < first.index);
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
  best.observed.forEach((o, i) => {
    const j = best.assignment[i]!;
    const label = labelText(o.view);
    if (j < 0 || dropped.has(i)) {
      if (o.view.numbers >= 3) {
        table.unreadable.push({
          row: j >= 0 ? best.def.rows[j]!.id : '?',
          raw: o.view.row.cells.map((c) => c.text).join(' | '),
          reason: j >= 0 ? '这一行没有可辨认的行名，无法确定它是表三的哪一行' : '这一行无法对应到表三的任何一行',
          at: rowSpan(o.view.row),
        });
      }
      return;
    }
    const def = best.def.rows[j]!;
    const cols = columnsFor(withWordValues(o.view, subtotalAt >= 0 ? 8 : 7, best.def), subtotalAt);
    if (typeof cols === 'string') {
      table.unreadable.push({ row: def.id, raw: o.view.values.map((c) => c.text).join(' '), reason: cols, at: rowSpan(o.view.row) });
      seen.add(def.id);
      return;
    }
    seen.add(def.id);
    table.rows.push(def.id);
    cols.cols.forEach((col, k) => {
      const cell = makeCell('t3', def.id, col, cols.cells[k]!, o.view.row);
      table.cells[cell.id] = cell;
    });
    if (o.ownBest >= LABEL_MATCH && o.own[j]! < 1) {
      const printed = o.view.labels.map((c) => c.text).find((t) => rowSimilarity(t, def) === o.own[j]) ?? label;
      if (coreKey(printed) !== coreKey(def.label) && coreKey(def.label).length > coreKey(printed).length - 2 && printed.length >= def.label.length - 2) {
        table.drift.push({ row: def.id, printed, expected: def.label, at: rowSpan(o.view.row) });
      }
    }
  });
  table.missingRows = best.def.rows.map((r) => r.id).filter((id) => !seen.has(id));
  return table;
}
