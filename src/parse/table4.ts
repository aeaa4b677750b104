/**
 * Maps 表四 (行政复议、行政诉讼) onto its 15 canonical cells: three groups (复议, 直接起诉, 复议后起诉)
 * × five columns (维持, 纠正, 其他, 尚未审结, 总计).
 *
 * Layouts read, by their labels:
 * - the format's wide table: rows of values only (one row of 15, or three of 5). The columns come
 *   from the header row that names all 15 (a 序号 column before them, or a grand 总计 after them, is
 *   left out); without such a header, only exactly 15 values are read, in the format's order;
 * - one row per group (行政复议 … / 未经复议直接起诉 … / 复议后起诉 …), columns from the header;
 * - transposed: one row per column (结果维持 …), the groups as columns in the header's order.
 * Any other count is reported unreadable, never guessed.
 */
import type { TableInstance } from '../model/report.js';
import { T4_DEF } from '../format/definitions.js';
import { fold } from '../format/normalize.js';
import { sharedReading } from '../format/numbers.js';
import type { Row, RowCell } from './rows.js';
import { emptyTable, makeCell, rowSpan, viewRow, type RowView } from './table-view.js';
import { memo1, TEXTS_KEPT } from './memo.js';
import { readGluedTable4 } from './glued-table4.js';

type Col = 'keep' | 'fix' | 'other' | 'pending' | 'total';
type Group = 'rev' | 'lit_direct' | 'lit_after';
type Token = { kind: 'col'; id: Col } | { kind: 'group'; id: Group } | { kind: 'skip' | 'index' | 'litigation' };

const COLS: readonly Col[] = ['keep', 'fix', 'other', 'pending', 'total'];
const GROUPS: readonly Group[] = ['rev', 'lit_direct', 'lit_after'];
const COL_NAMES: ReadonlyMap<string, Col> = new Map<string, Col>([
  ['结果维持', 'keep'], ['维持', 'keep'], ['结果纠正', 'fix'], ['纠正', 'fix'], ['其他结果', 'other'],
  ['尚未审结', 'pending'], ['总计', 'total'], ['合计', 'total'],
]);

const tokens = new Map<string, Token | 'empty' | null>();

/** What one header or label cell names, or null (a word that is no 表四 name), or 'empty'; once per text. */
function tokenOf(text: string): Token | 'empty' | null {
  return memo1(tokens, text, () => tokenOfText(text), TEXTS_KEPT);
}

function tokenOfText(text: string): Token | 'empty' | null {
  const key = fold(text).replace(/[\s()（）]/g, '');
  if (key === '') return 'empty';
  const col = COL_NAMES.get(key);
  if (col !== undefined) return { kind: 'col', id: col };
  if (/^(?:行政诉讼)?未经复议直接起诉$|^直接起诉$/.test(key)) return { kind: 'group', id: 'lit_direct' };
  if (/^(?:行政诉讼)?复议后起诉$/.test(key)) return { kind: 'group', id: 'lit_after' };
  if (/^行政法?复议$/.test(key)) return { kind: 'group', id: 'rev' };
  if (key === '行政诉讼') return { kind: 'litigation' };
  if (key === '序号') return { kind: 'index' };
  if (/^(?:备注|说明|项目|类别)$/.test(key)) return { kind: 'skip' };
  return null;
}

/** The names a header row holds, left to right; null when a word in it is no 表四 name. */
function headerNames(row: Row): Token[] | null {
  const out: Token[] = [];
  for (const c of row.cells) {
    const t = tokenOf(c.text);
    if (t === 'empty') continue;
    if (t === null) return null;
    out.push(t);
  }
  return out;
}

const isNumber = (text: string): boolean => sharedReading(text).state === 'number';

/** A located value to place: its cell and row. */
interface Placed {
  cell: RowCell;
  row: Row;
}

/** Reads 表四 from rows `start` (its heading) to `end` (exclusive). */
export function mapTable4(rows: readonly Row[], start: number, end: number): TableInstance {
  const table = emptyTable('t4', T4_DEF.variant, T4_DEF.label, rows[start]!);
  const views: RowView[] = [];
  for (let k = start; k < end; k++) views.push(viewRow(rows[k]!, k));
  const headers = views.filter((v) => v.numbers === 0 && v.row.cells.some((c) => c.text !== '')).map((v) => headerNames(v.row));
  const labelled = views.filter((v) => v.labels.length > 0 && v.values.some((c) => isNumber(c.text)));
  const byGroup = labelled.map((v) => rowName(v, 'group'));
  const byCol = labelled.map((v) => rowName(v, 'col'));
  if (labelled.length > 0 && byGroup.every((g) => g !== null)) {
    readRowsBy(table, labelled, byGroup as Group[], headerOrder(headers, 'col', COLS, 5), (g, c) => [g, c]);
  } else if (labelled.length > 0 && byCol.every((c) => c !== null)) {
    readRowsBy(table, labelled, byCol as Col[], headerOrder(headers, 'group', GROUPS, 3), (c, g) => [g, c]);
  } else readWide(table, views, headers, rows[start]!);
  // Nothing read by cells: the header and the values may have been run together by a crawler.
  if (Object.keys(table.cells).length === 0) {
    const kept = table.unreadable;
    table.unreadable = [];
    if (!readGluedTable4(table, rows, start, end)) table.unreadable = kept;
  }
  const read = new Set(Object.values(table.cells).map((c) => c.row));
  const gluedNoSplit = table.notes.some((n) => n.startsWith('glued-no-split:'));
  if (read.size === 0 && table.unreadable.length === 0 && !gluedNoSplit) {
    table.unreadable.push({ row: 'rev', raw: rows[start]!.cells.map((c) => c.text).join(' | '), reason: 't4-no-values', values: {}, at: rowSpan(rows[start]!) });
  }
  table.rows = GROUPS.filter((g) => read.has(g));
  // Nothing read: every row is missing (as the unreadable values may belong to any).
  table.missingRows = T4_DEF.rows.map((r) => r.id).filter((id) => !read.has(id) && !gluedNoSplit && (read.size === 0 || !table.unreadable.some((u) => u.row === id)));
  return table;
}

/** The group (or column) a labelled row names by its own label cells, or null. */
function rowName<K extends 'group' | 'col'>(v: RowView, kind: K): (K extends 'group' ? Group : Col) | null {
  let found: string | null = null;
  for (const c of v.labels) {
    const t = tokenOf(c.text);
    if (t === 'empty' || t === null) continue;
    if (t.kind !== 'col' && t.kind !== 'group') continue;
    if (t.kind !== kind || (found !== null && found !== t.id)) return null;
    found = t.id;
  }
  return found as (K extends 'group' ? Group : Col) | null;
}

/** The id a column or group name stands for ('' for other names). */
const idOf = (t: Token): string => (t.kind === 'col' || t.kind === 'group' ? t.id : '');

/**
 * The order of the value columns a header row gives: the names of one kind, with 序号-like columns
 * kept as null (not read). Null when no header row names all `count` of them exactly once.
 */
function headerOrder<T extends string>(headers: readonly (Token[] | null)[], kind: 'col' | 'group', all: readonly T[], count: number): (T | null)[] | null {
  for (const names of headers) {
    if (names === null) continue;
    const own = names.filter((t) => t.kind === kind || t.kind === 'skip' || t.kind === 'index');
    const ids = own.filter((t) => t.kind === kind).map((t) => idOf(t) as T);
    if (ids.length !== count || new Set(ids).size !== count || !all.every((id) => ids.includes(id))) continue;
    // A leading 序号/项目 names the label column, not a value column.
    while (own[0] !== undefined && own[0].kind !== kind) own.shift();
    return own.map((t) => (t.kind === kind ? (idOf(t) as T) : null));
  }
  return null;
}

/**
 * Reads rows each labelled by one key (a group, or a column when transposed): the values are read
 * by the header's order of the other key, or in the format's order when there are exactly as many.
 */
function readRowsBy<R extends string, C extends string>(
  table: TableInstance, views: readonly RowView[], keys: readonly R[], order: (C | null)[] | null, ids: (row: R, col: C) => [Group, Col],
): void {
  const fallback = (keys[0] !== undefined && (GROUPS as readonly string[]).includes(keys[0]) ? COLS : GROUPS) as readonly string[] as readonly C[];
  views.forEach((v, k) => {
    const cols = order ?? fallback;
    let end = v.values.length;
    while (end > 0 && v.values[end - 1]!.text === '' && end > cols.length) end--;
    const values = end === v.values.length ? v.values : v.values.slice(0, end);
    if (values.length !== cols.length) {
      const [g] = ids(keys[k]!, fallback[0]!);
      table.unreadable.push({ row: g, raw: values.map((c) => c.text).join(' '), reason: 't4-header-count', values: { count: values.length, expected: cols.length }, at: rowSpan(v.row) });
      return;
    }
    cols.forEach((col, c) => {
      if (col === null) return;
      const [g, id] = ids(keys[k]!, col);
      const cell = makeCell('t4', g, id, values[c]!, v.row);
      table.cells[cell.id] = cell;
    });
  });
}

/**
 * The wide layout: the values of the rows that hold only values, in order. Mapped by a header row
 * naming the 15 columns (its 序号 or a grand 总计 left out), else only when there are exactly 15.
 */
function readWide(table: TableInstance, views: readonly RowView[], headers: readonly (Token[] | null)[], heading: Row): void {
  const values: Placed[] = [];
  for (const view of views) {
    if (view.labels.length > 0 || view.unit !== null || view.numbers === 0) continue;
    for (const cell of view.values) values.push({ cell, row: view.row });
  }
  // Blank cells beyond the 15 are dropped from the end, then from the start (one copy, not one per cell).
  let lo = 0;
  let hi = values.length;
  while (hi - lo > 15 && values[hi - 1]!.cell.text === '') hi--;
  while (hi - lo > 15 && values[lo]!.cell.text === '') lo++;
  const list = lo === 0 && hi === values.length ? values : values.slice(lo, hi);
  const plan = widePlan(headers, list.length);
  if (plan === null) {
    if (list.length > 0) {
      table.unreadable.push({
        row: 'rev',
        raw: list.map((v) => v.cell.text).join(' '),
        reason: 't4-count',
        values: { count: list.length },
        at: list[0] ? rowSpan(list[0].row) : rowSpan(heading),
      });
    }
    return;
  }
  plan.forEach((slot, k) => {
    if (slot === null) return;
    const v = list[k]!;
    const cell = makeCell('t4', slot[0], slot[1], v.cell, v.row);
    table.cells[cell.id] = cell;
  });
}

/**
 * Which cell each of `count` wide values is: by a header row naming the 15 columns (in three runs
 * of the five), with a leading 序号 or a trailing grand 总计 in the header left out; in the format's
 * order for exactly 15 values and no such header; null otherwise.
 */
function widePlan(headers: readonly (Token[] | null)[], count: number): ([Group, Col] | null)[] | null {
  const formatOrder = GROUPS.flatMap((g) => COLS.map((c): [Group, Col] => [g, c]));
  const leaf = headers.find((names) => names !== null && names.filter((t) => t.kind === 'col').length >= 15);
  let plan: ([Group, Col] | null)[] | null = null;
  if (leaf) {
    const cols = leaf.filter((t) => t.kind === 'col').map((t) => idOf(t) as Col);
    const runs = [cols.slice(0, 5), cols.slice(5, 10), cols.slice(10, 15)];
    if (runs.every((run) => new Set(run).size === 5)) plan = runs.flatMap((run, g) => run.map((c): [Group, Col] => [GROUPS[g]!, c]));
    // A 16th 总计 in the leaf row, after the three groups: a grand total, not read.
    if (plan && cols.length === 16 && cols[15] === 'total') plan.push(null);
    else if (cols.length !== 15) plan = null;
  }
  plan ??= count === 15 || count === 16 ? formatOrder : null;
  if (plan === null) return null;
  if (count === plan.length) return plan;
  if (count === plan.length + 1) {
    // A 序号 column before the values, or a grand 总计 column after the three groups.
    if (headers.some((names) => names?.[0]?.kind === 'index')) return [null, ...plan];
    if (headers.some(isGrandTotalRow)) return [...plan, null];
  }
  return null;
}

/** A header row naming the groups and then one 总计: a grand total column after the three groups. */
function isGrandTotalRow(names: Token[] | null): boolean {
  if (names === null || names.length < 3) return false;
  const last = names[names.length - 1]!;
  const rest = names.slice(0, -1);
  return last.kind === 'col' && last.id === 'total' && rest.some((t) => t.kind === 'group') && rest.every((t) => t.kind === 'group' || t.kind === 'litigation');
}
