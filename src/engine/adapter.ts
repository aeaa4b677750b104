/**
 * The one module that knows json-rules-engine. There is an engine per edition of the format; each
 * rule that applies to the edition becomes an engine rule with one condition: the rule's check
 * passes (a dynamic fact that runs our evaluator and hands its outcomes to a per-run sink).
 * Documents are run one after the other: concurrent runs on one engine can silently skip rules
 * (tech-notes §2.5).
 */
import { Engine } from 'json-rules-engine';
import type { Report } from '../model/report.js';
import { evaluateRule } from './evaluate.js';
import type { Outcome } from './outcome.js';
import type { Rule } from './schema.js';

/** Outcomes of one run, per rule id. */
export type RunOutcomes = Map<string, Outcome[]>;

/** The report being run and where its outcomes go (runs are queued, so there is one at a time). */
interface CurrentRun {
  report: Report;
  sink: RunOutcomes;
}

/** A compiled rule set that evaluates reports one at a time. */
export class RuleEngine {
  /** One engine per edition, holding only the rules that apply to it (built on first use). */
  private readonly engines = new Map<string, Engine>();
  private readonly rules: readonly Rule[];
  private readonly editionsOf: (rule: Rule) => readonly string[];
  private queue: Promise<unknown> = Promise.resolve();
  private current: CurrentRun | null = null;

  constructor(rules: readonly Rule[], editionsOf: (rule: Rule) => readonly string[]) {
    this.rules = rules;
    this.editionsOf = editionsOf;
  }

  /**
   * The engine for reports of one edition. Kept lean on purpose (profiled, tech-notes §2.3):
   * json-rules-engine deep-clones every rule's conditions and event on every run, and hashes the
   * params of cached facts. So a rule that does not apply to the edition is not in its engine at
   * all (before, an edition condition skipped it, but its result was still cloned and emitted);
   * each rule has one condition with params `{ rule }` only; and the one fact is synchronous and
   * uncached, reading the report and the sink from the current run (not from almanac facts: two
   * awaits and two runtime facts per rule and run less).
   */
  private engineFor(edition: string): Engine {
    let engine = this.engines.get(edition);
    if (engine) return engine;
    engine = new Engine([], { allowUndefinedFacts: false });
    const applicable = this.rules.filter((r) => this.editionsOf(r).includes(edition));
    const byId = new Map(applicable.map((r) => [r.id, r]));
    engine.addFact(
      'passes',
      (params: Record<string, unknown>) => {
        const rule = byId.get(String(params.rule))!;
        const run = this.current!;
        const outcomes = evaluateRule({ report: run.report, rule });
        run.sink.set(rule.id, outcomes);
        return outcomes.length === 0;
      },
      { cache: false },
    );
    for (const rule of applicable) {
      engine.addRule({
        name: rule.id,
        conditions: { all: [{ fact: 'passes', params: { rule: rule.id }, operator: 'equal', value: true }] },
        event: { type: rule.id },
      });
    }
    this.engines.set(edition, engine);
    return engine;
  }

  /** Evaluates every applicable rule on a report. Calls are queued: one run at a time. */
  run(report: Report): Promise<RunOutcomes> {
    const next = this.queue.then(async () => {
      const sink: RunOutcomes = new Map();
      const engine = this.engineFor(report.meta.edition ?? 'none');
      this.current = { report, sink };
      try {
        await engine.run();
      } finally {
        this.current = null;
      }
      return sink;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
