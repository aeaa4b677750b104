/**
 * The batch side of cross-report rules: which reports of a batch pair up (the same agency's
 * consecutive years, a manifest's consolidated report and its constituents), as a
 * {@link BatchContext}; the runner (src/engine/run.ts) runs the rules against it.
 */
import type { BatchContext, BatchReport, ConsolidatedGroup } from '../engine/batch.js';
import { crossYearCells } from '../engine/checks/cross-year.js';
import { pushTo } from '../engine/checks/similarity.js';
import { isCrossRule, type Pack } from '../engine/kinds.js';
import { settingOf } from '../engine/resolve.js';
import { Checker, type RuleSettings } from '../engine/run.js';
import type { Finding } from '../model/finding.js';
import { labelKey } from '../format/normalize.js';
import type { Snapshot } from './process.js';
import type { ManifestEntry } from './types.js';

/** The cell ids cross-year and consolidated rules read (what snapshots must keep). */
export function crossCellIds(packs: readonly Pack[]): Set<string> {
  const ids = new Set<string>();
  for (const pack of packs) {
    for (const rule of pack.rules) {
      if (!isCrossRule(rule)) continue;
      const check = rule.check;
      if (check.kind === 'cross-year') for (const id of crossYearCells(check)) ids.add(id);
      else if (check.kind === 'consolidated') for (const c of check.cells) ids.add(c);
    }
  }
  return ids;
}

/**
 * True when a cross-report rule is on under any of these settings (the config and the overrides
 * of each file of a batch): only then does a batch need to keep its results until every file is
 * checked, to add the findings those rules make.
 */
export function crossRulesActive(packs: readonly Pack[], settings: Iterable<RuleSettings>): boolean {
  const ids = packs.flatMap((pack) => pack.rules.filter(isCrossRule).map((rule) => rule.id));
  if (ids.length === 0) return false;
  const seen = new Set<string>();
  for (const setting of settings) {
    const key = JSON.stringify(setting);
    if (seen.has(key)) continue;
    seen.add(key);
    // The one test the runner makes too (resolveRule): a rule is on unless its setting is `off`.
    if (ids.some((id) => settingOf(setting, id) !== 'off')) return true;
  }
  return false;
}

/** A key for comparing agency names: 淮安市洪泽区人民政府 and 洪泽区人民政府 pair up. */
export function sameAgency(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const x = labelKey(a);
  const y = labelKey(b);
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 4 && long.endsWith(short);
}

/** Options of {@link crossCheck}. */
export interface CrossOptions {
  locale: 'zh' | 'en';
  /** Previous-year reports that are not themselves reported on (`--prev`). */
  previous?: readonly Snapshot[];
  manifest?: readonly ManifestEntry[] | null;
  /** Reads a report's body again (large batches keep only a sketch of it). */
  body?: (file: string) => Promise<string>;
  /** The rule settings of a file (the config and its matching overrides); none when absent. */
  settingsFor?: (file: string) => RuleSettings;
}

/** The batch context of snapshots: pairing by agency and year, groups from the manifest. */
export function batchContext(snapshots: readonly Snapshot[], options: Omit<CrossOptions, 'locale' | 'settingsFor'>): BatchContext {
  // Reports by year, and by agency key, so that pairing stays linear in large batches.
  const byYear = new Map<number, Snapshot[]>();
  for (const p of [...snapshots, ...(options.previous ?? [])]) if (p.year !== null) pushTo(byYear, p.year, p);
  const keyMemo = new Map<number, Map<string, Snapshot>>();
  const byAgency = (year: number): Map<string, Snapshot> => {
    let map = keyMemo.get(year);
    if (!map) {
      map = new Map();
      for (const p of byYear.get(year) ?? []) if (p.agency && !map.has(labelKey(p.agency))) map.set(labelKey(p.agency), p);
      keyMemo.set(year, map);
    }
    return map;
  };
  const previousOf = (s: BatchReport): Snapshot | undefined => {
    if (s.year === null || !s.agency) return undefined;
    const candidates = byAgency(s.year - 1);
    const key = labelKey(s.agency);
    const exact = candidates.get(key);
    if (exact) return exact;
    for (const [k, p] of candidates) if (sameAgency(k, key)) return p;
    return undefined;
  };
  const groups = (): ConsolidatedGroup[] => {
    const manifest = options.manifest ?? [];
    const out: ConsolidatedGroup[] = [];
    for (const parent of manifest) {
      const parentSnap = snapshots.find((s) => sameAgency(s.agency, parent.agency) && (parent.year === undefined || s.year === parent.year));
      if (!parentSnap) continue;
      const children = manifest.filter((c) => c.parent && sameAgency(c.parent, parent.agency));
      const found = children.map((c) => snapshots.find((s) => sameAgency(s.agency, c.agency) && s.year === parentSnap.year)).filter((s): s is Snapshot => s !== undefined);
      out.push({ parent: parentSnap, children: found, named: children.length });
    }
    return out;
  };
  return {
    reports: snapshots,
    previousOf,
    groups,
    sameAgency: (a, b) => sameAgency(a.agency, b.agency),
    ...(options.body ? { body: options.body } : {}),
  };
}

/** Evaluates every cross-report rule on a batch; findings by file. */
export function crossCheck(packs: readonly Pack[], snapshots: readonly Snapshot[], options: CrossOptions): Promise<Map<string, Finding[]>> {
  const checker = new Checker(packs.map((p) => ({ ...p, rules: p.rules.filter(isCrossRule) })), { locale: options.locale });
  return checker.checkBatch(batchContext(snapshots, options), options.settingsFor);
}
