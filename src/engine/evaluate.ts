/** Dispatches a rule's check to its evaluator. */
import type { CheckContext, Outcome } from './outcome.js';
import { checkCellState } from './checks/cell-state.js';
import { checkDeadline } from './checks/deadline.js';
import { checkLayout } from './checks/layout.js';
import { checkMetadata } from './checks/metadata.js';
import { checkNarrative } from './checks/narrative.js';
import { checkRelation } from './checks/relation.js';
import { checkSectionLength } from './checks/section-length.js';
import { checkSections } from './checks/sections.js';
import { checkTable } from './checks/table.js';
import { checkText } from './checks/text.js';

/** Evaluates one rule on one report: the outcomes that did not pass. */
export function evaluateRule(ctx: CheckContext): Outcome[] {
  const check = ctx.rule.check;
  switch (check.kind) {
    case 'relation':
      return checkRelation(ctx, check);
    case 'cell-state':
      return checkCellState(ctx, check);
    case 'sections':
      return checkSections(ctx, check);
    case 'section-length':
      return checkSectionLength(ctx, check);
    case 'table':
      return checkTable(ctx, check);
    case 'text':
      return checkText(ctx, check);
    case 'deadline':
      return checkDeadline(ctx, check);
    case 'metadata':
      return checkMetadata(ctx, check);
    case 'layout':
      return checkLayout(ctx, check);
    case 'narrative':
      return checkNarrative(ctx, check);
    case 'cross-year':
    case 'consolidated':
    case 'similarity':
      // Compared across reports by the batch (src/batch/cross.ts), never on one report.
      return [];
  }
}
