/**
 * What the checker needs of the rule-file language at run time, without zod: the schemas in
 * schema.ts are only needed to validate pack files, and building them (with zod loaded) was a
 * noticeable part of the CLI's start-up, while the built-in packs come validated from the cache.
 */
import type { Pack, Rule } from './schema.js';

// The types, so that a module needing isCrossRule and the types has one import.
export type { Pack, Rule };

/** Check kinds that compare several reports (evaluated by the batch, not per report). */
export const CROSS_KINDS: readonly string[] = ['cross-year', 'consolidated', 'similarity'];

/** True for a rule that compares several reports. */
export function isCrossRule(rule: Rule): boolean {
  return CROSS_KINDS.includes(rule.check.kind);
}
