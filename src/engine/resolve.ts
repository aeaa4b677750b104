/**
 * A rule resolved once, before any report is checked: the editions it applies to, and its
 * severity or "off" from the config. The one place that knows which editions a rule applies to
 * (the checker, the batch, the docs and the `rules` listing all ask here).
 */
import type { Severity } from '../model/finding.js';
import type { Pack, Rule } from './kinds.js';

/** Per-rule settings: turn a rule off or change its severity. */
export type RuleSettings = Record<string, 'off' | Severity>;

/**
 * Every edition a report can have: the three formats, and `none` for a report whose format was
 * not recognised. A rule that names no editions (nor its pack) applies to all of them.
 */
export const ALL_EDITIONS: readonly string[] = Object.freeze(['2008', '2019', '2021', 'none']);

/** The editions of a report, as a rule's editions name them (`none` when not recognised). */
export function editionKey(edition: string | null | undefined): string {
  return edition ?? 'none';
}

/** The editions a rule applies to: its own, else its pack's, else all. */
export function ruleEditions(rule: Pick<Rule, 'editions'>, pack: Pick<Pack, 'editions'>): readonly string[] {
  return rule.editions ?? pack.editions ?? ALL_EDITIONS;
}

/** The editions a rule applies to, for people: `none` is left out (it is not a format). */
export function shownEditions(rule: Pick<Rule, 'editions'>, pack: Pick<Pack, 'editions'>): string[] {
  return ruleEditions(rule, pack).filter((e) => e !== 'none');
}

/** A rule with everything the runner needs decided. */
export interface ResolvedRule {
  readonly rule: Rule;
  readonly pack: string;
  readonly editions: readonly string[];
  /** The severity from the config, or the rule's own. */
  readonly severity: Severity;
  /** True when the config changed the rule's severity (then an outcome's own severity yields). */
  readonly configured: boolean;
  /** The shared messages of the rule's kind, as its pack has them (the kind's defaults under the pack's own). */
  readonly shared: Readonly<Record<string, { zh: string; en: string }>>;
}

/** The config's setting for a rule id, or undefined. */
export function settingOf(settings: RuleSettings, id: string): 'off' | Severity | undefined {
  return Object.hasOwn(settings, id) ? settings[id] : undefined;
}

/** Resolves a rule under settings; null when the settings turn it off. */
export function resolveRule(rule: Rule, pack: Pick<Pack, 'pack' | 'editions' | 'messages'>, settings: RuleSettings): ResolvedRule | null {
  const setting = settingOf(settings, rule.id);
  if (setting === 'off') return null;
  return {
    rule,
    pack: pack.pack,
    editions: ruleEditions(rule, pack),
    severity: setting ?? rule.severity,
    configured: setting !== undefined && setting !== rule.severity,
    shared: pack.messages?.[rule.check.kind] ?? {},
  };
}

/** Resolves every rule of the packs that the settings keep, in pack order. */
export function resolveRules(packs: readonly Pack[], settings: RuleSettings = {}): ResolvedRule[] {
  const out: ResolvedRule[] = [];
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const resolved = resolveRule(rule, pack, settings);
      if (resolved) out.push(resolved);
    }
  }
  return out;
}

/**
 * Applies settings to a finding whose id is not a pack rule's (`ingest/…`, `parse/…`, `batch/…`):
 * null when turned off, else the finding with the configured severity.
 */
export function applySetting<F extends { ruleId: string; severity: Severity }>(finding: F, settings: RuleSettings): F | null {
  const setting = settingOf(settings, finding.ruleId);
  if (setting === 'off') return null;
  return setting && setting !== finding.severity ? { ...finding, severity: setting } : finding;
}
