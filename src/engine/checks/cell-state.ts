/**
 * `cell-state`: what a cell must hold (a number, not blank, non-negative, an integer, a unit).
 * Blank cells are grouped per row or per table when the rule says so, so a table left mostly
 * empty gives one finding, not a hundred.
 */
import type { Cell } from '../../model/report.js';
import { globToRegExp } from '../expr.js';
import { cellLabel, colLabel, rowLabel, shortRowLabel, tableLabel } from '../labels.js';
import { locate, type CheckContext, type Outcome } from '../outcome.js';
import type { Check } from '../schema.js';

type CellStateCheck = Extract<Check, { kind: 'cell-state' }>;

const PROBLEMS = {
  number: { zh: '填的不是数字', test: (c: Cell) => c.state !== 'text' },
  'not-blank': { zh: '为空（未填写，也没有填 0）', test: (c: Cell) => c.state !== 'blank' },
  'non-negative': { zh: '是负数', test: (c: Cell) => c.state !== 'number' || (c.value ?? 0) >= 0 },
  integer: { zh: '不是整数', test: (c: Cell) => c.state !== 'number' || Number.isInteger(c.value) },
  'has-unit': { zh: '没有写明单位', test: (c: Cell) => c.state !== 'number' || c.unit !== undefined },
} as const;

/** Evaluates a cell-state check. */
export function checkCellState(ctx: CheckContext, check: CellStateCheck): Outcome[] {
  const patterns = check.cells.map(globToRegExp);
  const failing: { cell: Cell; problem: string }[] = [];
  for (const table of Object.values(ctx.report.tables)) {
    for (const cell of Object.values(table.cells)) {
      if (!patterns.some((re) => re.test(cell.id))) continue;
      const broken = check.require.find((req) => !PROBLEMS[req].test(cell));
      if (broken) failing.push({ cell, problem: PROBLEMS[broken].zh });
    }
  }
  const groupBy = check.groupBy ?? 'cell';
  const groups = new Map<string, { cell: Cell; problem: string }[]>();
  for (const f of failing) {
    const key = groupBy === 'cell' ? f.cell.id : groupBy === 'row' ? `${f.cell.table}.${f.cell.row}` : f.cell.table;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.entries()].map(([key, list]) => {
    const first = list[0]!.cell;
    const names = list.slice(0, 6).map((f) => cellLabel(f.cell.id)).join('、') + (list.length > 6 ? ` 等 ${list.length} 格` : '');
    return {
      status: 'fail' as const,
      key,
      vars: {
        cell: cellLabel(first.id), cells: names, count: list.length, raw: first.raw, problem: list[0]!.problem,
        table: tableLabel(first.table), row: shortRowLabel(first.table, first.row), col: colLabel(first.table, first.col),
      },
      location: locate(first.at, {
        table: first.table, tableLabel: tableLabel(first.table), row: first.row, rowLabel: rowLabel(first.table, first.row),
        ...(groupBy === 'cell' ? { col: first.col, colLabel: colLabel(first.table, first.col) } : {}),
      }),
      actual: first.raw,
    };
  });
}
