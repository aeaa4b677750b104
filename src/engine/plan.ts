/**
 * Relation sides compiled against a table layout, for the common case of checking that a
 * relation holds.
 *
 * Evaluating a side through a {@link Resolver} looks every cell id and glob up by string on every
 * report. But which cell of a table an id names, which ids a glob covers, and whether a missing
 * id is an unread row or a row the layout lacks, depend only on the layout (cells.ts). So a side
 * that names cells of one table is compiled once per layout into a plan of cell positions, and a
 * report only reads its cells' states and values by position. The plan gives exactly what
 * {@link quickEvaluate} gives through the relation resolver: the same walk, in the same order,
 * with the same arithmetic.
 */
import type { Report, TableInstance } from '../model/report.js';
import { cellsOfGlob, viewOf, type LayoutIndex } from './cells.js';
import type { Expr, QuickValue } from './expr.js';
import { splitCellId } from '../format/labels.js';
import { cacheOf } from './report-cache.js';

/** A compiled side: cells by position in the layout's `cellIds`. */
type Plan =
  | { readonly type: 'num'; readonly value: number }
  | { readonly type: 'cell'; readonly pos: number }
  /** A cell the layout does not have: in a row it could not read (missing), or not at all (absent). */
  | { readonly type: 'missing' | 'absent' }
  /** A sum: the positions its globs cover, in order; null when a glob covers unread rows. */
  | { readonly type: 'sum'; readonly positions: readonly number[] | null }
  | { readonly type: 'bin'; readonly op: '+' | '-' | '*' | '/'; readonly left: Plan; readonly right: Plan }
  | { readonly type: 'neg'; readonly arg: Plan };

const MISSING: Plan = { type: 'missing' };
const ABSENT: Plan = { type: 'absent' };

/** What a report's cells hold, by position: the resolver's reading of each cell. */
interface Readings {
  /** 0: a number (its value in `values`), 1: text, 2: blank, dash or 不适用. Plain arrays: a typed array's allocation cost more than the pass. */
  readonly states: number[];
  readonly values: number[];
}

/** One report's table, ready for plans: its layout's plans and its cells' readings. */
export interface TableContext {
  readonly plans: WeakMap<Expr, Plan>;
  readonly index: LayoutIndex;
  readonly readings: Readings;
}

const positions = new WeakMap<LayoutIndex, Map<string, number>>();
const plans = new WeakMap<LayoutIndex, WeakMap<Expr, Plan>>();
const soleTables = new WeakMap<Expr, string | null>();

/**
 * The one table an expression's cells and globs are in, or null (none, or several). Relation
 * checks keep it with their compiled expansions, so it is looked up here only for conditions.
 */
export function soleTable(e: Expr): string | null {
  let known = soleTables.get(e);
  if (known === undefined) {
    const tables = new Set<string>();
    collectTablesOf(e, tables);
    known = tables.size === 1 ? [...tables][0]! : null;
    soleTables.set(e, known);
  }
  return known;
}

/** Adds the tables an expression's cells and globs are in to `out`. */
export function collectTablesOf(e: Expr, out: Set<string>): void {
  if (e.type === 'ref') out.add(e.id.slice(0, e.id.indexOf('.')));
  else if (e.type === 'sum') for (const g of e.globs) out.add(g.slice(0, g.indexOf('.')));
  else if (e.type === 'bin') {
    collectTablesOf(e.left, out);
    collectTablesOf(e.right, out);
  } else if (e.type === 'neg') collectTablesOf(e.arg, out);
}

function positionOf(index: LayoutIndex, id: string): number {
  let map = positions.get(index);
  if (!map) {
    map = new Map(index.cellIds.map((cellId, i) => [cellId, i]));
    positions.set(index, map);
  }
  return map.get(id) ?? -1;
}

/** Compiles a side against a layout, as the relation resolver would resolve it on that layout. */
function compile(index: LayoutIndex, e: Expr): Plan {
  switch (e.type) {
    case 'num':
      return e;
    case 'ref': {
      const pos = positionOf(index, e.id);
      if (pos >= 0) return { type: 'cell', pos };
      return index.unreadRows.includes(splitCellId(e.id).row) ? MISSING : ABSENT;
    }
    case 'sum': {
      const covered: number[] = [];
      for (const glob of e.globs) {
        const ids = cellsOfGlob(index, glob);
        if (ids === null) return { type: 'sum', positions: null };
        for (const id of ids) covered.push(positionOf(index, id));
      }
      return { type: 'sum', positions: covered };
    }
    case 'bin':
      return { type: 'bin', op: e.op, left: compile(index, e.left), right: compile(index, e.right) };
    case 'neg':
      return { type: 'neg', arg: compile(index, e.arg) };
  }
}

function contextOf(report: Report, table: TableInstance): TableContext {
  const { index, cells } = viewOf(report, table);
  let byExpr = plans.get(index);
  if (!byExpr) {
    byExpr = new WeakMap();
    plans.set(index, byExpr);
  }
  const states = new Array<number>(cells.length);
  const values = new Array<number>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    states[i] = cell.state === 'number' ? 0 : cell.state === 'text' ? 1 : 2;
    values[i] = cell.state === 'number' ? (cell.value ?? 0) : 0;
  }
  return { plans: byExpr, index, readings: { states, values } };
}

/**
 * The plan context of a report's table, or null when the report does not have the table as its
 * own (then the caller goes through the resolver, which handles that case).
 */
function tableContext(report: Report, tableId: string): TableContext | null {
  const cache = cacheOf(report);
  const byTable = (cache.tables ??= new Map());
  let context = byTable.get(tableId);
  if (context === undefined) {
    const table = Object.hasOwn(report.tables, tableId) ? report.tables[tableId] : undefined;
    context = table ? contextOf(report, table) : null;
    byTable.set(tableId, context);
  }
  return context;
}

/**
 * True when a side names exactly one table and the report does not have it. Then the relation
 * resolver resolves its cells and globs as missing, in that table: the relation is one the table
 * rule reports, so a relation check skips it (see the checks on tables in relation.ts).
 */
export function soleTableAbsent(tableId: string | null, report: Report): boolean {
  return tableId !== null && report.tables[tableId] === undefined;
}

/**
 * {@link quickEvaluate} of a side over a report's tables, through the side's plan for the layout
 * of its table (`tableId`, from {@link soleTable}); null when the side is not about exactly one
 * table the report has (then the caller evaluates it through the resolver).
 */
export function quickOnTable(e: Expr, tableId: string | null, report: Report, blankAsZero: boolean): QuickValue | null {
  if (tableId === null) return null;
  const context = tableContext(report, tableId);
  if (context === null) return null;
  let plan = context.plans.get(e);
  if (!plan) {
    plan = compile(context.index, e);
    context.plans.set(e, plan);
  }
  const q: QuickValue = { value: 0, missing: 0, text: 0, empty: false };
  q.value = run(q, plan, context.readings, blankAsZero);
  return q;
}

function cellValue(q: QuickValue, r: Readings, pos: number, blankAsZero: boolean): number {
  const state = r.states[pos];
  if (state === 0) return r.values[pos]!;
  if (state === 1) q.text++;
  else if (!blankAsZero) q.missing++;
  return 0;
}

function run(q: QuickValue, plan: Plan, r: Readings, blankAsZero: boolean): number {
  switch (plan.type) {
    case 'num':
      return plan.value;
    case 'cell':
      return cellValue(q, r, plan.pos, blankAsZero);
    case 'missing':
      q.missing++;
      return 0;
    case 'absent':
      q.empty = true;
      return 0;
    case 'sum': {
      if (plan.positions === null) {
        q.missing++;
        return 0;
      }
      let total = 0;
      for (const pos of plan.positions) total += cellValue(q, r, pos, blankAsZero);
      if (plan.positions.length === 0) q.empty = true;
      return total;
    }
    case 'neg':
      return -run(q, plan.arg, r, blankAsZero);
    case 'bin': {
      const a = run(q, plan.left, r, blankAsZero);
      const b = run(q, plan.right, r, blankAsZero);
      if (plan.op === '+') return a + b;
      if (plan.op === '-') return a - b;
      return plan.op === '*' ? a * b : b === 0 ? Number.NaN : a / b;
    }
  }
}
