/**
 * The runner: packs are resolved once ({@link resolveRules}: editions, severity, on/off), then
 * every rule runs through it, per-report kinds on one report at a time, cross-report kinds on a
 * batch ({@link BatchContext}). One function turns an outcome into a finding for both: message,
 * severity, basis, fingerprint.
 */
import type { Finding, Severity } from '../model/finding.js';
import type { Report } from '../model/report.js';
import { RuleEngine } from './adapter.js';
import type { BatchContext, BatchReport } from './batch.js';
import { checkConsolidated } from './checks/consolidated.js';
import { checkCrossYear } from './checks/cross-year.js';
import { checkSimilarity } from './checks/similarity.js';
import { hash, render, valueText, type Message, type RenderContext } from './message.js';
import { isCrossRule, type Pack, type Rule } from './kinds.js';
import type { BatchOutcome, Outcome } from './outcome.js';
import { applySetting, editionKey, resolveRule, resolveRules, type ResolvedRule, type RuleSettings } from './resolve.js';

export type { RuleSettings } from './resolve.js';

/** Options of a {@link Checker}. */
export interface CheckerOptions {
  locale?: 'zh' | 'en';
  rules?: RuleSettings;
}

/** Fingerprint of a finding: rule id plus what is wrong, never the message or the line. */
export function fingerprint(ruleId: string, key: string, table = '', row = '', col = ''): string {
  return hash(`${ruleId}|${key}|${table}|${row}|${col}`);
}

/** Findings for problems met while reading the file (ingest and parse), under the settings. */
export function problemFindings(report: Report, locale: 'zh' | 'en' = 'zh', settings: RuleSettings = {}): Finding[] {
  const out: Finding[] = [];
  for (const p of report.problems) {
    const finding = applySetting<Finding>({
      ruleId: p.id,
      severity: p.severity,
      message: locale === 'en' ? p.messageEn : p.message,
      location: { line: p.at.line, ...(p.at.page !== undefined ? { page: p.at.page } : {}) },
      fingerprint: fingerprint(p.id, 'problem'),
    }, settings);
    if (finding) out.push(finding);
  }
  return out;
}

// JSON has no Infinity or NaN (JSON.stringify prints null): a non-finite value a check computed
// from absurd input is kept as text instead.
const plain = <T,>(v: T): T | string => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);

/**
 * The finding of a rule's outcome. A cannot-check outcome is info whatever the rule's severity;
 * an outcome's own severity (a deadline entry's) counts unless the config changed the rule's.
 * Cross-report outcomes keep their fingerprints as they were (key only, no status).
 */
function findingOf(resolved: ResolvedRule, o: Outcome, locale: 'zh' | 'en', batch: boolean, edition: string | null): Finding {
  const rule = resolved.rule;
  const ctx: RenderContext = { locale, messageOf: (id) => messageOf(rule, id, resolved.shared) };
  const message = o.message ? valueText(o.message, o.vars, ctx) : render(ctx.messageOf(o.messageId ?? 'default')[locale], o.vars, ctx);
  const severity: Severity = o.status === 'cannot' ? 'info' : o.severity && o.severity !== rule.severity && !resolved.configured ? o.severity : resolved.severity;
  const finding: Finding = {
    ruleId: rule.id,
    severity,
    message,
    location: o.location,
    basis: basisFor(rule, edition),
    fingerprint: batch ? fingerprint(rule.id, o.key) : fingerprint(rule.id, `${o.status}:${o.key}`, o.location.table, o.location.row, o.location.col),
  };
  if (o.messageId !== undefined && o.messageId !== 'default') finding.messageId = o.messageId;
  if (o.expected !== undefined) finding.expected = plain(o.expected);
  if (o.actual !== undefined) finding.actual = plain(o.actual);
  return finding;
}

/**
 * A rule's message by id: `default` is its `message:`, the others are under `messages:`, else (a
 * kind's shared message) in `shared`, its pack's (the loader made sure that every id the rule's
 * kind emits is in one of them).
 */
export function messageOf(rule: Pick<Rule, 'message' | 'messages'>, id = 'default', shared: Readonly<Record<string, Message>> = {}): Message {
  if (id === 'default') return rule.message;
  return (rule.messages && Object.hasOwn(rule.messages, id) ? rule.messages[id] : undefined) ?? (Object.hasOwn(shared, id) ? shared[id] : undefined) ?? rule.message;
}

/** A rule's basis for a report of an edition: its own for that edition (`bases:`), else `basis`. */
export function basisFor(rule: Pick<Rule, 'basis' | 'bases'>, edition: string | null): string {
  const bases = rule.bases;
  return (bases && edition !== null && Object.hasOwn(bases, edition) ? bases[edition as keyof typeof bases] : undefined) ?? rule.basis;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Findings by line, most serious first, then by rule id. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.location.line - b.location.line || RANK[a.severity] - RANK[b.severity] || a.ruleId.localeCompare(b.ruleId));
}

/** The outcomes of one cross-report rule on a batch. */
function evaluateBatch(resolved: ResolvedRule, batch: BatchContext): Promise<BatchOutcome[]> | BatchOutcome[] {
  const applies = (r: BatchReport): boolean => resolved.editions.includes(editionKey(r.edition));
  const check = resolved.rule.check;
  switch (check.kind) {
    case 'cross-year':
      return checkCrossYear(batch, check, applies);
    case 'consolidated':
      return checkConsolidated(batch, check, applies);
    case 'similarity':
      return checkSimilarity(batch, check, applies);
    default:
      return [];
  }
}

/** Checks reports, and batches of them, against a set of packs. Create once, use for many reports. */
export class Checker {
  /** The per-report rules that run (those the settings keep). */
  readonly rules: readonly ResolvedRule[];
  /** The cross-report rules, resolved without settings: a batch applies each file's own. */
  private readonly crossRules: readonly { rule: ResolvedRule; pack: Pack }[];
  private readonly engine: RuleEngine;
  private readonly locale: 'zh' | 'en';
  private readonly settings: RuleSettings;

  constructor(packs: readonly Pack[], options: CheckerOptions = {}) {
    this.settings = options.rules ?? {};
    this.rules = resolveRules(packs, this.settings).filter((r) => !isCrossRule(r.rule));
    this.crossRules = packs.flatMap((pack) => pack.rules.filter(isCrossRule).map((rule) => ({ rule: resolveRule(rule, pack, {})!, pack })));
    this.locale = options.locale ?? 'zh';
    this.engine = new RuleEngine(this.rules);
  }

  /** Checks one report. Findings are sorted by line, most serious first. */
  async check(report: Report): Promise<Finding[]> {
    const findings: Finding[] = problemFindings(report, this.locale, this.settings);
    if (report.lines.length === 0 || report.problems.some((p) => p.severity === 'error' && p.id.startsWith('ingest/'))) return findings;
    const outcomes = await this.engine.run(report);
    for (const resolved of this.rules) {
      for (const o of outcomes.get(resolved.rule.id) ?? []) findings.push(findingOf(resolved, o, this.locale, false, report.meta.edition));
    }
    return sortFindings(findings);
  }

  /**
   * Runs the cross-report rules on a batch; findings by file. Each file's findings follow that
   * file's settings (`settingsFor`, the config with its matching overrides; else the checker's).
   */
  async checkBatch(batch: BatchContext, settingsFor?: (file: string) => RuleSettings): Promise<Map<string, Finding[]>> {
    const out = new Map<string, Finding[]>();
    const settingsMemo = new Map<string, RuleSettings>();
    const editions = new Map(batch.reports.map((r) => [r.file, r.edition]));
    const settingsOf = (file: string): RuleSettings => {
      let known = settingsMemo.get(file);
      if (!known) settingsMemo.set(file, (known = settingsFor ? settingsFor(file) : this.settings));
      return known;
    };
    for (const { rule, pack } of this.crossRules) {
      for (const o of await evaluateBatch(rule, batch)) {
        const resolved = resolveRule(rule.rule, pack, settingsOf(o.file));
        if (!resolved) continue;
        const list = out.get(o.file);
        const finding = findingOf(resolved, o, this.locale, true, editions.get(o.file) ?? null);
        if (list) list.push(finding);
        else out.set(o.file, [finding]);
      }
    }
    return out;
  }
}
