/**
 * `cell-state`: what a cell must hold (a number, not blank, non-negative, an integer, a unit).
 * Blank cells are grouped per row or per table when the rule says so, so a table left mostly
 * empty gives one finding, not a hundred.
 */
import type { Cell, Report, TableInstance } from '../../model/report.js';
import { selectIds, viewOf } from '../cells.js';
import { globToRegExp } from '../expr.js';
import { cellListValue } from '../cell-list.js';
import { cellLabel, colLabel, distinctRowLabel, rowLabel, tableLabel } from '../../format/labels.js';
import { locate, type CheckContext, type Outcome } from '../outcome.js';
import type { Check } from '../schema.js';
import { NO_REFS, type CheckKind } from './kind.js';

type CellStateCheck = Extract<Check, { kind: 'cell-state' }>;

type Requirement = CellStateCheck['require'][number];

/** What a cell must hold, by requirement. */
const HOLDS: Readonly<Record<Requirement, (c: Cell) => boolean>> = {
  number: (c) => c.state !== 'text',
  'not-blank': (c) => c.state !== 'blank',
  'non-negative': (c) => c.state !== 'number' || (c.value ?? 0) >= 0,
  integer: (c) => c.state !== 'number' || Number.isInteger(c.value),
  'has-unit': (c) => c.state !== 'number' || c.unit !== undefined,
};

/** The values of every cell-state message. */
const VALUES = ['cell', 'cells', 'count', 'raw', 'table', 'row', 'col'] as const;

/**
 * The message of a broken requirement: the rule's `message:` (default) for its first requirement,
 * the message named after the requirement (`integer`, `not-blank` …) for the others.
 */
const messageIdOf = (check: CellStateCheck, req: Requirement): string => (req === check.require[0] ? 'default' : req);

/** The check's cell globs as regular expressions, once per rule (also the key of its selections). */
const compiled = new WeakMap<CellStateCheck, readonly RegExp[]>();

function patternsOf(check: CellStateCheck): readonly RegExp[] {
  let patterns = compiled.get(check);
  if (!patterns) {
    patterns = check.cells.map(globToRegExp);
    compiled.set(check, patterns);
  }
  return patterns;
}

/**
 * The cells of a table the check covers, in table order. Which ids match depends only on the
 * table's layout, so it is worked out once per layout (cells.ts) instead of testing every
 * pattern against every cell of every report.
 */
function coveredCells(report: Report, table: TableInstance, patterns: readonly RegExp[]): readonly Cell[] {
  const view = viewOf(report, table);
  if (!view.idsAreKeys) return view.cells.filter((cell) => patterns.some((re) => re.test(cell.id)));
  return selectIds(view.index, patterns).map((i) => view.cells[i]!);
}

/** Evaluates a cell-state check. */
export function checkCellState(ctx: CheckContext, check: CellStateCheck): Outcome[] {
  const patterns = patternsOf(check);
  const failing: { cell: Cell; broken: Requirement }[] = [];
  for (const table of Object.values(ctx.report.tables)) {
    for (const cell of coveredCells(ctx.report, table, patterns)) {
      const broken = check.require.find((req) => !HOLDS[req](cell));
      if (broken) failing.push({ cell, broken });
    }
  }
  const groupBy = check.groupBy ?? 'cell';
  const groups = new Map<string, { cell: Cell; broken: Requirement }[]>();
  for (const f of failing) {
    const key = groupBy === 'cell' ? f.cell.id : groupBy === 'row' ? `${f.cell.table}.${f.cell.row}` : f.cell.table;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.entries()].map(([key, list]) => {
    const first = list[0]!.cell;
    const names = cellListValue(list.map((f) => f.cell.id), '、', 6);
    const messageId = messageIdOf(check, list[0]!.broken);
    return {
      status: 'fail' as const,
      key,
      ...(messageId === 'default' ? {} : { messageId }),
      vars: {
        cell: cellLabel(first.id), cells: names, count: list.length, raw: first.raw,
        table: tableLabel(first.table), row: distinctRowLabel(first.table, first.row), col: colLabel(first.table, first.col),
      },
      location: locate(first.at, {
        table: first.table, tableLabel: tableLabel(first.table), row: first.row, rowLabel: rowLabel(first.table, first.row),
        ...(groupBy === 'cell' ? { col: first.col, colLabel: colLabel(first.table, first.col) } : {}),
      }),
      actual: first.raw,
    };
  });
}

/** The `cell-state` check kind. */
export const cellStateKind: CheckKind<'cell-state'> = {
  kind: 'cell-state',
  scope: 'report',
  cells: (check) => check.cells.map((id, i) => ({ id, path: ['cells', i] })),
  tables: () => [],
  expressions: NO_REFS.expressions,
  messages: (check) => Object.fromEntries(check.require.map((req) => [messageIdOf(check, req), VALUES])),
  shared: { 'cells-more': ['cells', 'count'] },
  describe: (check) => `单元格 ${check.cells.map((c) => `\`${c}\``).join('、')} 须满足：${check.require.join('、')}。`,
  evaluate: (ctx, check) => checkCellState(ctx, check),
};
