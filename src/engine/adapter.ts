/**
 * The one module that knows json-rules-engine. One engine holds every per-report rule. A rule's
 * conditions are its applicability (applicability.ts: edition, issuer kind, `when`, the tables it
 * reads) and, last, whether its check found something; the engine decides them in priority order
 * and stops at the first that fails, so a check runs only on reports its rule applies to. A rule
 * that fires emits an event; its outcomes are read from the run's almanac (a fact per rule).
 * (Event params that name a fact would be resolved for every rule, fired or not: that would run
 * the checks of rules that do not apply.)
 * Documents are run one after the other: concurrent runs on one engine can silently skip rules
 * (tech-notes §2.5).
 *
 * There is one engine per edition, holding the rules that name it, and a report runs on the
 * engine of its edition: so a rule is never run on a report of an edition it does not name.
 * json-rules-engine copies every rule's conditions on every run (its RuleResult deep-clones
 * them), which was most of its cost: rules of other editions are not handed to it at all, and
 * the rules have no edition condition, which in an edition's own engine could only ever hold
 * (it cost a clone of two objects and a priority step per rule and report).
 */
import { Engine } from 'json-rules-engine';
import type { Report } from '../model/report.js';
import { applicability, REPORT_FACTS, ruleWhen } from './applicability.js';
import { evaluateRule } from './evaluate.js';
import type { Outcome } from './outcome.js';
import { forgetReport } from './report-cache.js';
import { editionKey, type ResolvedRule } from './resolve.js';

/** Outcomes of one run, per id of a rule that failed (a rule that passed has none). */
export type RunOutcomes = Map<string, Outcome[]>;

/** A compiled rule set that evaluates reports one at a time. */
export class RuleEngine {
  /** Edition key (`2008`, `2019`, `2021`, `none`) → the engine of the rules that name it. */
  private readonly engines = new Map<string, Engine>();
  private queue: Promise<unknown> = Promise.resolve();
  /** The report of the run in progress and the outcomes found so far (runs are queued). */
  private current: { report: Report; outcomes: RunOutcomes } | null = null;

  /**
   * Facts are synchronous and uncached (json-rules-engine would hash their params for its cache;
   * there are none): the report facts are read once per condition, the check's outcome once per
   * rule (kept in `current`, so the almanac gives the outcomes the condition saw).
   */
  constructor(rules: readonly ResolvedRule[]) {
    const editions = new Set(rules.flatMap((r) => r.editions));
    for (const edition of editions) this.engines.set(edition, this.engineOf(rules.filter((r) => r.editions.includes(edition))));
  }

  private engineOf(rules: readonly ResolvedRule[]): Engine {
    const engine = new Engine([], { allowUndefinedFacts: false });
    const report = (): Report => this.current!.report;
    for (const fact of REPORT_FACTS) engine.addFact(fact.id, () => fact.value(report()), { cache: false });
    for (const resolved of rules) {
      const { rule } = resolved;
      const outcomes = (): Outcome[] => {
        const run = this.current!;
        let found = run.outcomes.get(rule.id);
        if (!found) {
          found = evaluateRule({ report: run.report, rule });
          run.outcomes.set(rule.id, found);
        }
        return found;
      };
      const when = ruleWhen(resolved);
      if (when) engine.addFact(`when:${rule.id}`, () => when(report()), { cache: false });
      engine.addFact(`failed:${rule.id}`, () => outcomes().length > 0, { cache: false });
      engine.addFact(`outcomes:${rule.id}`, outcomes, { cache: false });
      engine.addRule({
        name: rule.id,
        conditions: { all: [...applicability(resolved), { fact: `failed:${rule.id}`, operator: 'equal', value: true, priority: 1 }] },
        event: { type: rule.id },
      });
    }
    return engine;
  }

  /** Evaluates every applicable rule on a report. Calls are queued: one run at a time. */
  run(report: Report): Promise<RunOutcomes> {
    const next = this.queue.then(async () => {
      const engine = this.engines.get(editionKey(report.meta.edition));
      if (!engine) return new Map() as RunOutcomes;
      this.current = { report, outcomes: new Map() };
      try {
        // The engine decides which rules apply and which failed (fired): their events carry the outcomes.
        const { events, almanac } = await engine.run();
        const failed: RunOutcomes = new Map();
        for (const event of events) failed.set(event.type, await almanac.factValue<Outcome[]>(`outcomes:${event.type}`));
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
