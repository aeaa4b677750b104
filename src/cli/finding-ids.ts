/**
 * The finding ids the tool emits besides the rule packs' rules: problems reading a file
 * (`ingest/…`), parsing it (`parse/…`), fetching it (`fetch/…`), batch results (`batch/…`) and waivers (`waiver/…`). Each
 * can be turned off or given another severity in the config's `rules:` like a rule
 * (test/cli-ignore.test.ts checks that every such id in the sources is listed here).
 */
import type { Finding } from '../model/finding.js';
import type { RuleSettings } from '../engine/run.js';
import { FETCH_FINDING_IDS } from '../fetch/failure.js';

/** Every id of a finding that does not come from a rule pack. */
export const BUILTIN_FINDING_IDS = [
  'ingest/binary', 'ingest/charset-mismatch', 'ingest/corrupt-docx', 'ingest/corrupt-pdf', 'ingest/empty', 'ingest/encrypted-doc', 'ingest/encrypted-pdf',
  'ingest/html-too-deep', 'ingest/image', 'ingest/invalid-bytes', 'ingest/legacy-doc', 'ingest/no-text-layer', 'ingest/not-found', 'ingest/not-word', 'ingest/pdf-pages-without-text',
  'ingest/pdf-unavailable', 'ingest/too-large', 'ingest/too-many-lines', 'ingest/too-many-pages', 'ingest/unknown-format', 'ingest/unreadable',
  'ingest/unreadable-html', 'ingest/zip-bomb',
  'parse/empty', 'parse/no-tables', 'parse/no-structure',
  'batch/duplicate', 'batch/failed', 'batch/missing', 'batch/not-a-report',
  'waiver/expired', 'waiver/unused',
  ...FETCH_FINDING_IDS,
] as const;

/**
 * Applies the config's settings to the findings that do not come from pack rules (the checker
 * applies them to its own, where a "cannot check" stays info whatever the rule's severity).
 */
export function applyBuiltinSettings(findings: readonly Finding[], settings: RuleSettings, packRuleIds: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  for (const finding of findings) {
    const setting = packRuleIds.has(finding.ruleId) ? undefined : settings[finding.ruleId];
    if (setting === 'off') continue;
    out.push(setting ? { ...finding, severity: setting } : finding);
  }
  return out;
}
