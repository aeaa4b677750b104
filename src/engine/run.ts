/**
 * Checking a parsed report against loaded packs: findings in the output contract's shape, with
 * severities from the rule or the config, messages in Chinese or English, stable fingerprints.
 */
import type { Finding, Severity } from '../model/finding.js';
import type { Report } from '../model/report.js';
import { RuleEngine } from './adapter.js';
import { hash, render } from './message.js';
import { isCrossRule, type Pack, type Rule } from './kinds.js';

/** Per-rule settings: turn a rule off or change its severity. */
export type RuleSettings = Record<string, 'off' | Severity>;

/** Options of a {@link Checker}. */
export interface CheckerOptions {
  locale?: 'zh' | 'en';
  rules?: RuleSettings;
}

const ALL_EDITIONS = ['2008', '2019', '2021', 'none'] as const;

/** Fingerprint of a finding: rule id plus what is wrong, never the message or the line. */
export function fingerprint(ruleId: string, key: string, table = '', row = '', col = ''): string {
  return hash(`${ruleId}|${key}|${table}|${row}|${col}`);
}

/** Findings for problems met while reading the file (ingest and parse). */
export function problemFindings(report: Report, locale: 'zh' | 'en' = 'zh'): Finding[] {
  return report.problems.map((p) => ({
    ruleId: p.id,
    severity: p.severity,
    message: locale === 'en' ? p.messageEn : p.message,
    location: { line: p.at.line, ...(p.at.page !== undefined ? { page: p.at.page } : {}) },
    fingerprint: fingerprint(p.id, 'problem'),
  }));
}

/** Checks reports against a set of packs. Create once, use for many reports. */
export class Checker {
  readonly rules: readonly Rule[];
  private readonly engine: RuleEngine;
  private readonly locale: 'zh' | 'en';
  private readonly severityOf: (rule: Rule) => Severity;

  constructor(packs: readonly Pack[], options: CheckerOptions = {}) {
    const settings = options.rules ?? {};
    const packEditions = new Map<Rule, readonly string[]>();
    const rules: Rule[] = [];
    for (const pack of packs) {
      for (const rule of pack.rules) {
        if (settings[rule.id] === 'off' || isCrossRule(rule)) continue;
        rules.push(rule);
        packEditions.set(rule, rule.editions ?? pack.editions ?? ALL_EDITIONS);
      }
    }
    this.rules = rules;
    this.locale = options.locale ?? 'zh';
    this.severityOf = (rule) => {
      const s = settings[rule.id];
      return s && s !== 'off' ? s : rule.severity;
    };
    this.engine = new RuleEngine(rules, (rule) => packEditions.get(rule) ?? ALL_EDITIONS);
  }

  /** Checks one report. Findings are sorted by line, most serious first. */
  async check(report: Report): Promise<Finding[]> {
    const findings: Finding[] = problemFindings(report, this.locale);
    if (report.lines.length === 0 || report.problems.some((p) => p.severity === 'error' && p.id.startsWith('ingest/'))) return findings;
    const outcomes = await this.engine.run(report);
    for (const rule of this.rules) {
      for (const o of outcomes.get(rule.id) ?? []) {
        const template = o.message ?? rule.message;
        let message = render(this.locale === 'en' ? template.en : template.zh, o.vars);
        if (o.vars.blankCell !== undefined && rule.blankMessage) message = render(this.locale === 'en' ? rule.blankMessage.en : rule.blankMessage.zh, o.vars);
        const severity: Severity = o.status === 'cannot' ? 'info' : o.severity && o.severity !== rule.severity && this.severityOf(rule) === rule.severity ? o.severity : this.severityOf(rule);
        const finding: Finding = {
          ruleId: rule.id,
          severity,
          message,
          location: o.location,
          basis: rule.basis,
          fingerprint: fingerprint(rule.id, `${o.status}:${o.key}`, o.location.table, o.location.row, o.location.col),
        };
        // JSON has no Infinity or NaN (JSON.stringify prints null): a non-finite value a check
        // computed from absurd input is kept as text instead.
        const plain = <T,>(v: T): T | string => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);
        if (o.expected !== undefined) finding.expected = plain(o.expected);
        if (o.actual !== undefined) finding.actual = plain(o.actual);
        findings.push(finding);
      }
    }
    const rank = { error: 0, warning: 1, info: 2 } as const;
    return findings.sort((a, b) => a.location.line - b.location.line || rank[a.severity] - rank[b.severity] || a.ruleId.localeCompare(b.ruleId));
  }
}
