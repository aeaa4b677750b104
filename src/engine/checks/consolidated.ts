/**
 * `consolidated`: a consolidated report's additive cells against the sum of its constituents'
 * (the manifest names which reports are a government's constituents).
 */
import type { BatchContext, BatchReport } from '../batch.js';
import { cellLabel } from '../../format/labels.js';
import type { BatchOutcome } from '../outcome.js';
import type { Check } from '../schema.js';
import { NO_REFS, type CheckKind } from './kind.js';

type ConsolidatedCheck = Extract<Check, { kind: 'consolidated' }>;

/** Evaluates a consolidated check on a batch; `applies` says which reports the rule applies to. */
export function checkConsolidated(batch: BatchContext, check: ConsolidatedCheck, applies: (r: BatchReport) => boolean): BatchOutcome[] {
  const out: BatchOutcome[] = [];
  for (const { parent, children, named } of batch.groups()) {
    if (!applies(parent) || children.length === 0) continue;
    for (const id of check.cells) {
      const own = parent.cells[id];
      if (!own || children.some((c) => !c.cells[id])) continue;
      const sum = children.reduce((n, c) => n + c.cells[id]!.value, 0);
      if (Math.abs(own.value - sum) <= (check.tolerance ?? 0) * Math.max(own.value, sum)) continue;
      out.push({
        file: parent.file,
        status: 'fail',
        key: id,
        location: { line: own.line },
        vars: { cell: cellLabel(id), own: own.value, sum, count: children.length, missing: named - children.length },
        expected: sum,
        actual: own.value,
      });
    }
  }
  return out;
}

/** The `consolidated` check kind. */
export const consolidatedKind: CheckKind<'consolidated'> = {
  kind: 'consolidated',
  scope: 'batch',
  cells: (check) => check.cells.map((id, i) => ({ id, path: ['cells', i] })),
  tables: () => [],
  expressions: NO_REFS.expressions,
  messages: () => ({ default: ['cell', 'own', 'sum', 'count', 'missing'] }),
  describe: (check) => `汇总报告核对：本级政府汇总报告的 ${check.cells.map((c) => `\`${c}\``).join('、')} 应等于所属各单位报告之和（允许相对误差 ${check.tolerance ?? 0}）。`,
};
