/**
 * Maps a 2008-regime 统计表 region onto the best-fitting definition (national form with its
 * provincial extras, the Fujian variant, the Sichuan 分项统计表) by aligning row labels in order.
 * Order matters: several labels repeat (（一）维持具体行政行为数 under 复议 and under 举报投诉).
 */
import type { TableInstance, UnreadableWhy } from '../model/report.js';
import { align, costTable, matchTable } from './align.js';
import { STAT_DEFS, type ColDef, type RowDef, type TableDef } from '../format/definitions.js';
import { coreKey, LABEL_MATCH, similarityRowsOfKeys } from './labels.js';
import type { Row } from './rows.js';
import { emptyTable, labelText, makeCell, rowSpan, viewRow, type RowView } from './table-view.js';

interface Candidate {
  def: TableDef;
  views: RowView[];
  assignment: number[];
  sims: (readonly number[])[];
  matched: number;
}

/** What aligning to a definition needs of its rows, made once per definition for the process. */
interface DefScoring {
  /** 1 for a row a printed label may be matched to (not a group's unlisted remainder). */
  listed: Uint8Array;
  /** The cost of leaving each row without a printed one (the align tables are only read). */
  skipCanonical: Float64Array;
}
const defScorings = new WeakMap<TableDef, DefScoring>();

function scoringOf(def: TableDef): DefScoring {
  let scoring = defScorings.get(def);
  if (scoring === undefined) {
    const listed = new Uint8Array(def.rows.length);
    const skipCanonical = new Float64Array(def.rows.length);
    def.rows.forEach((r, j) => {
      listed[j] = r.unlisted === true ? 0 : 1;
      skipCanonical[j] = r.optional ? -0.5 : -2;
    });
    scoring = { listed, skipCanonical };
    defScorings.set(def, scoring);
  }
  return scoring;
}

/**
 * Aligns the rows, whose label texts have the keys `labelKeys`, to one definition; null without aligning when
 * fewer than `least` rows could be matched at all. The alignment matches each row at most once and
 * only where its label names a row of the definition, so the rows that name one bound the matched
 * count: below `least`, the candidate could not have been taken (see {@link mapStatTable}).
 */
function tryDef(views: RowView[], labelKeys: readonly string[], def: TableDef, least: number): Candidate | null {
  const sims = similarityRowsOfKeys(labelKeys, def.rows);
  const rows = def.rows.length;
  const { listed, skipCanonical } = scoringOf(def);
  const match = matchTable(views.length, rows);
  let matchable = 0;
  sims.forEach((row, i) => {
    let any = false;
    for (let j = 0; j < rows; j++) {
      if (row[j]! >= LABEL_MATCH && listed[j] === 1) {
        match[i * rows + j] = 10 * row[j]!;
        any = true;
      }
    }
    if (any) matchable++;
  });
  if (matchable < least) return null;
  const { assignment } = align(views.length, rows, { match, skipCanonical, skipItem: costTable(views.length, -1) });
  return { def, views, assignment, sims, matched: assignment.filter((a) => a >= 0).length };
}

/** The fewest rows a definition must match for a region to be read as its table. */
const MIN_MATCHED = 3;

/**
 * Reads the statistical table in rows `start` to `end` (exclusive). Returns null when no
 * definition matches at least three rows.
 */
export function mapStatTable(rows: readonly Row[], start: number, end: number): TableInstance | null {
  const views = rows.slice(start, end).map((row, k) => viewRow(row, start + k)).filter((v) => v.labels.length > 0);
  // Every definition is tried on the same label texts: they are joined and keyed once.
  const labelKeys = views.map((v) => coreKey(labelText(v)));
  let best: Candidate | null = null;
  for (const def of STAT_DEFS) {
    // A definition is aligned only when it could beat the best so far and reach the three rows a
    // table needs: one that could not would not have been returned (a later definition replaces
    // the best only with more rows matched, and a best of fewer than three gives null).
    const c = tryDef(views, labelKeys, def, Math.max(MIN_MATCHED, best === null ? 0 : best.matched + 1));
    if (c !== null && (best === null || c.matched > best.matched)) best = c;
  }
  if (best === null || best.matched < MIN_MATCHED) return null;
  const { def } = best;
  const table = emptyTable(def.id, def.variant, def.label, rows[start]!);
  const header = statHeader(rows, start, end, def.cols);
  const seen = new Set<string>();
  best.views.forEach((view, i) => {
    const j = best.assignment[i]!;
    if (j < 0) return;
    const rowDef = def.rows[j]!;
    seen.add(rowDef.id);
    if (rowDef.header) return;
    let values = view.values;
    // Columns by the header when it names them (历年累计 before 本年度, an added 上年 column).
    if (header !== null && values.length === header.length) values = def.cols.map((c) => values[header.indexOf(c.id)]!);
    while (values.length > def.cols.length && values[values.length - 1]!.text === '') values = values.slice(0, -1);
    // A blank unit column before the value reads as a leading blank value.
    while (values.length > def.cols.length && values[0]!.text === '') values = values.slice(1);
    if (values.length === 0 && view.unit !== null) {
      // The value cell is blank: a unit cell and nothing after it.
      values = [{ text: '', line: view.unit.line, column: view.unit.column + view.unit.text.length }];
    }
    if (values.length !== def.cols.length) {
      if (values.length === 0) return;
      table.unreadable.push({
        row: rowDef.id,
        raw: view.row.cells.map((c) => c.text).join(' | '),
        reason: 'stat-count',
        values: { count: values.length, expected: def.cols.length, cols: def.cols.map((c) => c.label) },
        at: rowSpan(view.row),
      });
      return;
    }
    table.rows.push(rowDef.id);
    def.cols.forEach((col, k) => {
      const cell = makeCell(def.id, rowDef.id, col.id, values[k]!, view.row);
      if (cell.unit === undefined && view.unit !== null) cell.unit = view.unit.text;
      table.cells[cell.id] = cell;
    });
    const sim = best.sims[i]![j]!;
    const printed = labelText(view);
    if (sim < 0.9 && coreKey(printed).length >= coreKey(rowDef.label).length * 0.8) {
      table.drift.push({ row: rowDef.id, printed, expected: rowDef.label, at: rowSpan(view.row) });
    }
  });
  table.missingRows = def.rows.filter((r) => !r.optional && !seen.has(r.id)).map((r) => r.id);
  markUncertainGroups(table, best, seen);
  return table;
}

const THIS_YEAR = /^(?:(?:19|20)\d{2}\s*年度?|本年度?|本期|统计数|合计|数量|数值)$/;
const CUMULATIVE = /^(?:历年累计|累计|历年合计)$/;

/** The column a header cell of a 统计表 names, or null (an added column: 上年, 备注 …). */
function statColumn(text: string, cols: readonly ColDef[]): string | null {
  const key = text.replace(/\s+/g, '');
  if (cols.some((c) => c.id === 'cum') && CUMULATIVE.test(key)) return 'cum';
  if (THIS_YEAR.test(key)) return 'v';
  return null;
}

/**
 * The value columns of the header row (统计指标 | 单位 | 本年度 | 历年累计), from the first cell that
 * names a column to the last cell, when they name each of `cols` exactly once and differ from
 * the form's order or add a column; null otherwise (the values are read in the form's order).
 */
function statHeader(rows: readonly Row[], start: number, end: number, cols: readonly ColDef[]): (string | null)[] | null {
  for (let k = start; k < Math.min(end, start + 4); k++) {
    const cells = rows[k]!.cells;
    const ids = cells.map((c) => statColumn(c.text, cols));
    const first = ids.findIndex((id) => id !== null);
    if (first < 0) continue;
    const value = ids.slice(first);
    const named = value.filter((id) => id !== null);
    if (named.length !== cols.length || new Set(named).size !== named.length) return null;
    const inOrder = value.length === cols.length && cols.every((c, i) => value[i] === c.id);
    return inOrder ? null : value;
  }
  return null;
}

/** The group of parts a row id belongs to (the group's own row, or one of its parts). */
function groupOf(id: string, groups: readonly string[]): string | null {
  if (groups.includes(id)) return id;
  const dot = id.lastIndexOf('.');
  return dot > 0 && groups.includes(id.slice(0, dot)) ? id.slice(0, dot) : null;
}

const partsCache = new WeakMap<TableDef, Map<string, RowDef[]>>();

/** The printed parts of each group of a definition (its rows `<group>.<part>`), made once. */
function groupParts(def: TableDef): Map<string, RowDef[]> {
  let parts = partsCache.get(def);
  if (parts === undefined) {
    const groups = def.sumGroups ?? [];
    parts = new Map(groups.map((g) => [g, def.rows.filter((r) => r.id !== g && r.unlisted !== true && groupOf(r.id, groups) === g)]));
    partsCache.set(def, parts);
  }
  return parts;
}

const LIST_ITEM = /^\s*(?:其中[:：]?\s*)?(?:\d{1,2}\s*[.、．]|[(（][一二三四五六七八九十\d]+[)）])/;
const OTHER_PART = /其他|其它/;

/**
 * Groups of parts whose sum cannot be checked exactly: a printed row with values that sits inside
 * the group (after one of its rows, and before another or numbered as a part) but that the
 * definition does not know; or a list of parts that the table does not mark as complete (no
 * 其他 row, and not every part the form lists). Each is recorded as an unreadable row
 * `<group>.unlisted`, which makes the group's sum "cannot check", never an error.
 */
function markUncertainGroups(table: TableInstance, best: Candidate, seen: ReadonlySet<string>): void {
  const { def, views, assignment } = best;
  const groups = def.sumGroups ?? [];
  if (groups.length === 0) return;
  const marked = new Set<string>();
  const mark = (group: string, raw: string, why: UnreadableWhy, at: TableInstance['at']): void => {
    if (marked.has(group)) return;
    marked.add(group);
    table.unreadable.push({ row: `${group}.unlisted`, raw, ...why, at });
  };
  const labelOf = (id: string): string => def.rows.find((r) => r.id === id)?.label ?? id;
  views.forEach((view, i) => {
    if (assignment[i]! >= 0 || view.values.length === 0) return;
    let prev: string | null = null;
    for (let k = i - 1; k >= 0 && prev === null; k--) if (assignment[k]! >= 0) prev = def.rows[assignment[k]!]!.id;
    let next: string | null = null;
    for (let k = i + 1; k < views.length && next === null; k++) if (assignment[k]! >= 0) next = def.rows[assignment[k]!]!.id;
    const group = prev === null ? null : groupOf(prev, groups);
    if (group === null) return;
    const printed = labelText(view);
    if ((next !== null && groupOf(next, groups) === group) || LIST_ITEM.test(printed)) {
      mark(group, view.row.cells.map((c) => c.text).join(' | '), { reason: 'stat-unlisted-row', values: { label: printed, group: labelOf(group) } }, rowSpan(view.row));
    }
  });
  const partsOf = groupParts(def);
  for (const group of groups) {
    if (marked.has(group) || !seen.has(group)) continue;
    const parts = partsOf.get(group) ?? [];
    const read = parts.filter((r) => seen.has(r.id));
    if (read.length === 0) continue;
    const hasOther = read.some((r) => OTHER_PART.test(r.label));
    const missing = parts.filter((r) => r.local !== true && !seen.has(r.id));
    if (hasOther || missing.length === 0) continue;
    mark(group, read.map((r) => r.label).join('、'), { reason: 'stat-parts-incomplete', values: { group: labelOf(group), missing: missing.map((r) => r.label) } }, table.at);
  }
}
