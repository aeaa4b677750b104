/**
 * The one module that knows json-rules-engine. Each rule becomes an engine rule with two
 * conditions: the report's edition is one the rule applies to (the engine's own `in` operator, so
 * rules that do not apply are never evaluated), and the rule's check passes (a dynamic fact that
 * runs our evaluator and hands its outcomes to a per-run sink). Documents are run one after the
 * other on an engine: concurrent runs on one engine can silently skip rules (tech-notes §2.5).
 */
import { Engine, type Almanac } from 'json-rules-engine';
import type { Report } from '../model/report.js';
import { evaluateRule } from './evaluate.js';
import type { Outcome } from './outcome.js';
import type { Rule } from './schema.js';

/** Outcomes of one run, per rule id. */
export type RunOutcomes = Map<string, Outcome[]>;

/** A compiled rule set that evaluates reports one at a time. */
export class RuleEngine {
  private readonly engine: Engine;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(rules: readonly Rule[], editionsOf: (rule: Rule) => readonly string[]) {
    this.engine = new Engine([], { allowUndefinedFacts: false, pathResolver: (object, path) => (object as Record<string, unknown>)[path] });
    const byId = new Map(rules.map((r) => [r.id, r]));
    // The edition fact has the higher priority: the engine evaluates it first and skips the check
    // of a rule whose editions do not include the report's.
    this.engine.addFact('edition', async (_params: Record<string, unknown>, almanac: Almanac) => ((await almanac.factValue('report')) as Report).meta.edition ?? 'none', { priority: 10, cache: true });
    this.engine.addFact(
      'passes',
      async (params: Record<string, unknown>, almanac: Almanac) => {
        const rule = byId.get(String(params.rule))!;
        const report = (await almanac.factValue('report')) as Report;
        const sink = (await almanac.factValue('sink')) as RunOutcomes;
        const outcomes = evaluateRule({ report, rule });
        sink.set(rule.id, outcomes);
        return outcomes.length === 0;
      },
      { cache: false, priority: 1 },
    );
    for (const rule of rules) {
      this.engine.addRule({
        name: rule.id,
        conditions: {
          all: [
            { fact: 'edition', operator: 'in', value: [...editionsOf(rule)] },
            { fact: 'passes', params: { rule: rule.id }, operator: 'equal', value: true },
          ],
        },
        event: { type: rule.id },
      });
    }
  }

  /** Evaluates every applicable rule on a report. Calls are queued: one run at a time. */
  run(report: Report): Promise<RunOutcomes> {
    const next = this.queue.then(async () => {
      const sink: RunOutcomes = new Map();
      await this.engine.run({ report, sink });
      return sink;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
