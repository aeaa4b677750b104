/**
 * `cross-year`: a relation between a report's cells and the same agency's previous report
 * (`prev.<cell id>`), e.g. this year's 上年结转 against last year's 结转下年度继续办理.
 */
import type { BatchContext, BatchReport } from '../batch.js';
import { compare, evaluate, parseRelation, references, type Relation, type Resolver } from '../expr.js';
import { expand } from '../expand.js';
import { cellLabel } from '../../format/labels.js';
import type { BatchOutcome } from '../outcome.js';
import type { Check } from '../schema.js';
import type { CheckKind } from './kind.js';

type CrossYearCheck = Extract<Check, { kind: 'cross-year' }>;

interface Expansion {
  binding: Record<string, string>;
  relation: Relation;
  key: string;
}

const compiled = new WeakMap<CrossYearCheck, Expansion[]>();

/** Every expansion of the check's relation, parsed once (validated at load). */
function expansions(check: CrossYearCheck): Expansion[] {
  let known = compiled.get(check);
  if (!known) {
    known = expand(check.for ?? {}).map((binding) => ({
      binding,
      relation: parseRelation(check.assert.replace(/\{([a-z_]+)\}/g, (_m, v: string) => binding[v] ?? '')),
      key: Object.entries(binding).map(([k, v]) => `${k}=${v}`).join(','),
    }));
    compiled.set(check, known);
  }
  return known;
}

/** The cell ids the check reads of each report (without `prev.`). */
export function crossYearCells(check: CrossYearCheck): string[] {
  const ids = new Set<string>();
  for (const { relation } of expansions(check)) {
    for (const ref of [...references(relation.left), ...(relation.right ? references(relation.right) : [])]) ids.add(ref.id.replace(/^prev\./, ''));
  }
  return [...ids];
}

function resolverFor(current: BatchReport, prev: BatchReport): Resolver {
  return {
    cell(id) {
      const source = id.startsWith('prev.') ? prev : current;
      const cell = source.cells[id.replace(/^prev\./, '')];
      return cell ? { kind: 'value', value: cell.value, state: cell.state === 'number' ? 'number' : 'blank' } : { kind: 'absent' };
    },
    glob: () => [],
  };
}

/** Evaluates a cross-year check on a batch; `applies` says which reports the rule applies to. */
export function checkCrossYear(batch: BatchContext, check: CrossYearCheck, applies: (r: BatchReport) => boolean): BatchOutcome[] {
  const out: BatchOutcome[] = [];
  for (const current of batch.reports) {
    if (!applies(current)) continue;
    const prev = batch.previousOf(current);
    if (!prev) continue;
    const resolver = resolverFor(current, prev);
    for (const { binding, relation, key } of expansions(check)) {
      const left = evaluate(relation.left, resolver);
      const right = relation.right ? evaluate(relation.right, resolver) : null;
      if (!right || !relation.op || left.empty || right.empty) continue;
      if (compare(left.value, relation.op, right.value, check.tolerance ?? 0)) continue;
      const anchor = (left.terms ?? []).find((t) => !t.id.startsWith('prev.')) ?? left.terms?.[0];
      const id = anchor?.id.replace(/^prev\./, '') ?? '';
      out.push({
        file: current.file,
        status: 'fail',
        key,
        location: { line: current.cells[id]?.line ?? 1 },
        vars: { lhs: left.value, rhs: right.value, prevFile: prev.file, prevYear: prev.year ?? '', cell: id ? cellLabel(id) : '', ...binding },
        expected: right.value,
        actual: left.value,
      });
    }
  }
  return out;
}

/** The `cross-year` check kind. */
export const crossYearKind: CheckKind<'cross-year'> = {
  kind: 'cross-year',
  scope: 'batch',
  cells: () => [],
  tables: () => [],
  expressions: (check) => ({ exprs: [{ source: check.assert, path: ['assert'], prev: true }], vars: check.for ?? {} }),
  messages: (check) => ({ default: ['lhs', 'rhs', 'prevFile', 'prevYear', 'cell', ...Object.keys(check.for ?? {})] }),
  describe: (check) => ['跨年度核对（同一机关相邻两年的报告，`prev.` 表示上一年度报告的单元格）：', '', '```', check.assert, '```'].join('\n'),
};
