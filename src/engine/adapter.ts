/**
 * The one module that knows json-rules-engine. There is an engine per edition of the format; each
 * rule that applies to the edition becomes an engine rule with one condition: the rule's check
 * does not pass (a fact per rule, read from the outcomes our evaluator found for the run).
 * Documents are run one after the other: concurrent runs on one engine can silently skip rules
 * (tech-notes §2.5).
 */
import { Engine } from 'json-rules-engine';
import type { Report } from '../model/report.js';
import { evaluateRule } from './evaluate.js';
import type { Outcome } from './outcome.js';
import { forgetReport } from './report-cache.js';
import { editionKey, type ResolvedRule } from './resolve.js';
import type { Rule } from './schema.js';

/** Outcomes of one run, per id of a rule that failed (a rule that passed has none). */
export type RunOutcomes = Map<string, Outcome[]>;

/** An engine for one edition, and the rules it holds (in rule order). */
interface EditionEngine {
  engine: Engine;
  rules: readonly Rule[];
}

/** A compiled rule set that evaluates reports one at a time. */
export class RuleEngine {
  /** One engine per edition, holding only the rules that apply to it (built on first use). */
  private readonly engines = new Map<string, EditionEngine>();
  private readonly rules: readonly ResolvedRule[];
  private queue: Promise<unknown> = Promise.resolve();
  /** The outcomes of the run in progress (runs are queued, so there is one at a time). */
  private current: RunOutcomes | null = null;

  constructor(rules: readonly ResolvedRule[]) {
    this.rules = rules;
  }

  /**
   * The engine for reports of one edition. Kept lean on purpose (profiled, tech-notes §2.3):
   * json-rules-engine deep-clones every rule's conditions and event on every run, and emits
   * events for every rule. So a rule that does not apply to the edition is not in its engine at
   * all; each rule has its own fact (synchronous, uncached, no params: nothing to hash or clone),
   * whether the rule's check passed; and its condition is the smallest the engine accepts, `not`
   * over one comparison (two objects to clone, where `all: [{ …, params }]` had four). The
   * engine rule fires (succeeds) when the check found something, as rules do in
   * json-rules-engine: a rule that passes, the common case, then emits one event (failure) where
   * a success emits two.
   */
  private engineFor(edition: string): EditionEngine {
    const known = this.engines.get(edition);
    if (known) return known;
    const engine = new Engine([], { allowUndefinedFacts: false });
    const rules = this.rules.filter((r) => r.editions.includes(edition)).map((r) => r.rule);
    for (const rule of rules) {
      engine.addFact(rule.id, () => this.current!.get(rule.id)!.length === 0, { cache: false });
      engine.addRule({
        name: rule.id,
        conditions: { not: { fact: rule.id, operator: 'equal', value: true } },
        event: { type: rule.id },
      });
    }
    const made = { engine, rules };
    this.engines.set(edition, made);
    return made;
  }

  /**
   * Evaluates every applicable rule on a report. Calls are queued: one run at a time.
   *
   * The checks are evaluated first, in rule order, and the run's facts read their results. When
   * the facts ran the checks themselves, in the middle of the engine's promise and clone work,
   * the same run took some 10 % longer (measured, interleaved A/B runs); the checks are pure
   * functions of the report, so the outcomes are the same.
   */
  run(report: Report): Promise<RunOutcomes> {
    const next = this.queue.then(async () => {
      const sink: RunOutcomes = new Map();
      const { engine, rules } = this.engineFor(editionKey(report.meta.edition));
      for (const rule of rules) sink.set(rule.id, evaluateRule({ report, rule }));
      this.current = sink;
      try {
        // The engine decides which rules failed (fired): their outcomes are the run's result.
        const { events } = await engine.run();
        const failed: RunOutcomes = new Map();
        for (const event of events) failed.set(event.type, sink.get(event.type) ?? []);
        return failed;
      } finally {
        this.current = null;
        forgetReport(report);
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
