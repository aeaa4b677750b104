/**
 * When a rule applies to a report, as json-rules-engine conditions: its issuer kind is one the
 * rule names (`issuers:`), its `when` holds, and the tables its relation reads were read. The
 * engine decides these (adapter.ts) before it asks for the check's outcome; a check evaluates
 * only on reports its rule applies to. The report's edition is not among them: the adapter runs
 * a report on the engine of its edition, which holds only the rules that name that edition.
 */
import type { Report } from '../model/report.js';
import { collectTablesOf } from './plan.js';
import { parseRelation } from './expr.js';
import { holds, perExpansionWhen, relationWhenHolds } from './checks/relation.js';
import type { ResolvedRule } from './resolve.js';

/** A condition of json-rules-engine, in the small shape the adapter uses. */
export interface Condition {
  fact: string;
  operator: 'in' | 'contains' | 'equal';
  value: unknown;
  priority: number;
}

/** A fact the conditions read: its id, how to compute it from the report, and its priority. */
export interface ReportFact {
  id: string;
  value(report: Report): unknown;
}

/** Facts every rule may read (computed once per report by the engine's almanac). */
export const REPORT_FACTS: readonly ReportFact[] = [
  { id: 'issuer', value: (r) => r.meta.issuer.kind },
  { id: 'tables', value: (r) => Object.keys(r.tables) },
];

/** The tables a relation rule reads in every expansion (its prerequisites). */
function requiredTables(rule: ResolvedRule): string[] {
  const check = rule.rule.check;
  if (check.kind !== 'relation') return [];
  const source = check.assert.replace(/\{([a-z_]+)\}/g, (_m, v: string) => check.for?.[v]?.[0] ?? '');
  const relation = parseRelation(source);
  const tables = new Set<string>();
  collectTablesOf(relation.left, tables);
  if (relation.right) collectTablesOf(relation.right, tables);
  return [...tables];
}

/** The `when` of a rule decided once per report (not per expansion), as a test; null when none. */
export function ruleWhen(rule: ResolvedRule): ((report: Report) => boolean) | null {
  const check = rule.rule.check;
  if (check.kind === 'text' && check.when) {
    const when = check.when;
    return (report) => holds(report, when);
  }
  if (check.kind === 'relation' && check.when && !perExpansionWhen(check.when)) {
    const when = check.when;
    return (report) => relationWhenHolds(report, when);
  }
  return null;
}

/**
 * The applicability conditions of a rule. They share one priority, above the check's condition:
 * json-rules-engine evaluates an `all` one priority at a time and stops when a set fails, so the
 * check runs only when they all hold (one set, not one per condition: each set is a promise step).
 */
export function applicability(rule: ResolvedRule): Condition[] {
  const conditions: Condition[] = [];
  const check = rule.rule.check;
  if (check.kind === 'text' && check.issuers) conditions.push({ fact: 'issuer', operator: 'in', value: check.issuers, priority: 2 });
  for (const table of requiredTables(rule)) conditions.push({ fact: 'tables', operator: 'contains', value: table, priority: 2 });
  if (ruleWhen(rule)) conditions.push({ fact: `when:${rule.rule.id}`, operator: 'equal', value: true, priority: 2 });
  return conditions;
}
