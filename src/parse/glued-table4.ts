/**
 * 表四 whose cells were run together by a crawler that deleted every space: its header words and
 * its 15 values in one paragraph (`…复议后起诉结果维持结果纠正其他结果尚未审结总计…100010000010001`).
 *
 * The digits are split into the three groups' five cells (行政复议, 未经复议直接起诉, 复议后起诉, in
 * the order the run-together header names them, or the format's order when it names none), a number
 * of two or more digits never starting with 0, and the format's relation decides: in each group,
 * 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. Exactly one split that satisfies it is read (a
 * `glued-split` note), none is a certain error (`glued-no-split`), several leave 表四 unread.
 */
import type { TableInstance, UnreadableWhy } from '../model/report.js';
import { MAX_GLUED_DIGITS, readGluedDigits, type GluedReading, type RowRelation } from './glued-digits.js';
import { gluedNote, splitCells } from './glued-rows.js';
import type { Row, RowCell } from './rows.js';
import { makeCell, rowSpan } from './table-view.js';

type Col = 'keep' | 'fix' | 'other' | 'pending' | 'total';
type Group = 'rev' | 'lit_direct' | 'lit_after';

const GROUPS: readonly Group[] = ['rev', 'lit_direct', 'lit_after'];
const FORMAT_RUN: readonly Col[] = ['keep', 'fix', 'other', 'pending', 'total'];
const NAMES: Readonly<Record<string, Col>> = { 结果维持: 'keep', 结果纠正: 'fix', 其他结果: 'other', 尚未审结: 'pending', 总计: 'total', 合计: 'total' };
/** The column names as the header prints them (without the bare 维持/纠正 that prose also uses). */
const NAME_RE = /结果维持|结果纠正|其他结果|尚未审结|总计|合计/g;
/** A label or header word followed by the run of (at least 15) digits that ends the cell. */
const GLUED_TAIL = /[^\d\s.,](\d{15,})\s*$/;

/** Where the run of digits is: the cell, the row and the digits' offset in the cell's text. */
interface Tail {
  cell: RowCell;
  row: Row;
  digits: string;
  at: number;
  /** Index of the row in `rows`. */
  index: number;
}

/** The last cell of rows `start`..`end` that ends in a run-together word and digits, or null. */
function findTail(rows: readonly Row[], start: number, end: number): Tail | null {
  for (let k = end - 1; k >= start; k--) {
    const row = rows[k]!;
    for (let c = row.cells.length - 1; c >= 0; c--) {
      const cell = row.cells[c]!;
      const m = GLUED_TAIL.exec(cell.text);
      if (m) return { cell, row, digits: m[1]!, at: m.index + 1, index: k };
    }
  }
  return null;
}

/**
 * The five columns of each group in the order the run-together header names them: the format's
 * order when it names no column; null when it names some but not three runs of the five.
 */
function runsOf(header: string): Col[][] | null {
  const names = Array.from(header.matchAll(NAME_RE), (m) => NAMES[m[0]]!);
  if (names.length === 0) return GROUPS.map(() => [...FORMAT_RUN]);
  if (names.length !== 15) return null;
  const runs = [names.slice(0, 5), names.slice(5, 10), names.slice(10, 15)];
  return runs.every((run) => new Set(run).size === 5) ? runs : null;
}

/** 总计 = the other four, for a group whose columns come in `run`'s order. */
function groupRelation(run: readonly Col[]): RowRelation {
  const total = run.indexOf('total');
  return (v) => {
    let sum = 0;
    for (let k = 0; k < v.length; k++) if (k !== total) sum += v[k]!;
    return sum === v[total];
  };
}

/** What splitting all the digits into the three groups found. */
type Table4Reading = { kind: 'unique'; values: number[] } | { kind: 'none' } | ({ kind: 'unreadable' } & UnreadableWhy);

/**
 * Every way to cut `digits` into three groups, each group's part split into its five cells, kept
 * when each group's relation holds. The groups are cut first (O(n²) cuts), and each part is read
 * once: the enumeration stays within a few thousand splits per part.
 */
function splitGroups(digits: string, runs: readonly Col[][]): Table4Reading {
  if (digits.length > MAX_GLUED_DIGITS) return { kind: 'unreadable', reason: 't4-glued-too-long', values: { digits } };
  const relations = runs.map(groupRelation);
  const parts = new Map<string, GluedReading>();
  const part = (from: number, to: number, g: number): GluedReading => {
    const key = `${from}:${to}:${g}`;
    let hit = parts.get(key);
    if (hit === undefined) {
      hit = readGluedDigits(digits.slice(from, to), 5, relations[g]!);
      parts.set(key, hit);
    }
    return hit;
  };
  const accepted = (r: GluedReading): number => (r.kind === 'unique' ? 1 : r.kind === 'ambiguous' ? r.accepted : 0);
  const splits = (r: GluedReading): number => (r.kind === 'unique' || r.kind === 'ambiguous' || r.kind === 'none' ? r.splits : 0);
  let total = 0;
  let fits = 0;
  let values: number[] | null = null;
  const n = digits.length;
  for (let a = 5; a <= n - 10; a++) {
    for (let b = a + 5; b <= n - 5; b++) {
      const readings = [part(0, a, 0), part(a, b, 1), part(b, n, 2)];
      if (readings.some((r) => r.kind === 'too-many')) return { kind: 'unreadable', reason: 't4-glued-too-many', values: { digits } };
      total += readings.reduce((p, r) => p * splits(r), 1);
      const here = readings.reduce((p, r) => p * accepted(r), 1);
      fits += here;
      if (here === 1) values = readings.flatMap((r) => (r.kind === 'unique' ? r.values : []));
    }
  }
  if (total === 0) return { kind: 'unreadable', reason: 't4-glued-no-split', values: { digits } };
  if (fits === 0) return { kind: 'none' };
  if (fits === 1 && values !== null) return { kind: 'unique', values };
  return { kind: 'unreadable', reason: 't4-glued-ambiguous', values: { digits, fits } };
}

/**
 * Reads a run-together 表四 in rows `start` (its heading) to `end` into `table`; false when the
 * rows hold no run of 15 or more digits after a word (the table is not glued).
 */
export function readGluedTable4(table: TableInstance, rows: readonly Row[], start: number, end: number): boolean {
  const tail = findTail(rows, start, end);
  if (tail === null) return false;
  let header = '';
  for (let k = start; k < tail.index; k++) for (const c of rows[k]!.cells) header += c.text;
  for (const c of tail.row.cells) {
    if (c === tail.cell) break;
    header += c.text;
  }
  header += tail.cell.text.slice(0, tail.at);
  const runs = runsOf(header);
  const raw = tail.digits;
  if (runs === null) {
    table.unreadable.push({ row: 'rev', raw, reason: 't4-glued-header', values: { digits: raw }, at: rowSpan(tail.row) });
    return true;
  }
  const reading = splitGroups(raw, runs);
  if (reading.kind === 'unreadable') {
    table.unreadable.push({ row: 'rev', raw, reason: reading.reason, values: reading.values, at: rowSpan(tail.row) });
    return true;
  }
  if (reading.kind === 'none') {
    // Every split breaks a group's 总计: whatever the cells were, the table is wrong.
    table.notes.push(gluedNote('glued-no-split', 'rev', raw, tail.row.line));
    return true;
  }
  const cells = splitCells(reading.values, tail.cell.line, tail.cell.column + tail.at);
  runs.forEach((run, g) => {
    run.forEach((col, c) => {
      const cell = makeCell('t4', GROUPS[g]!, col, cells[g * 5 + c]!, tail.row);
      table.cells[cell.id] = cell;
    });
  });
  table.notes.push(gluedNote('glued-split', 'rev', raw, tail.row.line));
  return true;
}
