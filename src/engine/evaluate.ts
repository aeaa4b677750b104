/** Dispatches a rule's check to its kind's evaluator (checks/registry.ts). */
import { kindOf } from './checks/registry.js';
import type { CheckContext, Outcome } from './outcome.js';

/** Evaluates one rule on one report: the outcomes that did not pass (none for batch kinds). */
export function evaluateRule(ctx: CheckContext): Outcome[] {
  const check = ctx.rule.check;
  return kindOf(check).evaluate?.(ctx, check) ?? [];
}
