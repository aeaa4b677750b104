/**
 * The batch summary an auditor reads first: findings per rule, per agency (ranked), per year,
 * files per status, and the reports the manifest expects but nobody sent. Built from the light
 * per-file records of a batch (never from report models), one record at a time, so memory grows
 * with the number of rules, agencies and files listed, not with the size of the reports.
 * Pure and browser-safe.
 */
import type { BatchRecord, FileStatus } from '../batch/types.js';
import type { Edition } from '../model/report.js';

/** Every file status, in the order summaries list them. */
export const FILE_STATUSES: readonly FileStatus[] = ['checked', 'unreadable', 'not-a-report', 'duplicate', 'missing'];

/** Findings counted by severity. */
export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

/** One rule's findings over the batch. */
export interface RuleSummary extends SeverityCounts {
  ruleId: string;
  /** The rule's description from its pack (or a built-in one), when known. */
  description: string | null;
  /** The first message of this rule, to explain ids no pack describes (e.g. `ingest/binary`). */
  example: string;
  /** Files with at least one finding of this rule. */
  files: number;
  total: number;
}

/** One agency's findings over the batch, with its place in the ranking. */
export interface AgencySummary extends SeverityCounts {
  /** 1-based; by errors, then warnings, then infos (ties keep name order, ranks stay distinct). */
  rank: number;
  /** The agency as read from the report (or the manifest); null when it could not be read. */
  agency: string | null;
  region: string | null;
  /** Files present for this agency (missing reports are counted in `missing`). */
  files: number;
  /** Reports the manifest expects for this agency that were not found. */
  missing: number;
  /** Report years seen, ascending. */
  years: number[];
}

/** One report year's findings. */
export interface YearSummary extends SeverityCounts {
  year: number | null;
  /** Files present for this year. */
  files: number;
  checked: number;
  /** Reports of this year the manifest expects that were not found. */
  missing: number;
}

/** A report the manifest expects that is not among the inputs. */
export interface MissingSummary {
  agency: string | null;
  year: number | null;
  region: string | null;
  parent: string | null;
  /** The expected file, or `manifest#line` when the manifest names none. */
  file: string;
  reason: string | null;
}

/** One input file (or missing report) with its status and counts. */
export interface FileSummary extends SeverityCounts {
  file: string;
  status: FileStatus;
  reason: string | null;
  agency: string | null;
  region: string | null;
  year: number | null;
  edition: Edition | null;
  publishedAt: string | null;
}

/** Everything the summary renderers draw. Plain JSON. */
export interface BatchSummary {
  tool: { name: string; version: string | null };
  /** ISO timestamp given by the caller (kept out of the aggregation so it stays pure). */
  generatedAt: string | null;
  /** The run was stopped before every file was checked (missing reports are then not listed). */
  interrupted: boolean;
  /** `files` counts the input files (missing reports are in `statuses.missing`). */
  totals: SeverityCounts & { files: number; agencies: number; rules: number };
  statuses: Record<FileStatus, number>;
  /** Rules with findings: most errors first, then warnings, infos, id. */
  rules: RuleSummary[];
  /** Agencies ranked by errors, then warnings, then infos. */
  agencies: AgencySummary[];
  /** Years ascending; unknown year last. */
  years: YearSummary[];
  missing: MissingSummary[];
  /** In input order; missing reports last. */
  files: FileSummary[];
}

/** Options of the aggregation. */
export interface SummaryOptions {
  /** Rule id → description (packs, plus the built-in batch ids). */
  descriptions?: ReadonlyMap<string, string>;
  interrupted?: boolean;
  generatedAt?: string;
  version?: string;
}

const zero = (): SeverityCounts => ({ error: 0, warning: 0, info: 0 });

/** Orders by errors, then warnings, then infos, all descending. */
export function bySeverity(a: SeverityCounts, b: SeverityCounts): number {
  return b.error - a.error || b.warning - a.warning || b.info - a.info;
}

// Agencies are keyed by name; the null agency (not read) gets a key no real name can take.
const UNKNOWN = '\u0000unknown';

/**
 * Accumulates records one by one (as a batch yields them, or from a finished batch's records)
 * and produces the summary. Findings are counted as they are, after waivers and baselines if
 * the caller applied them to the records.
 */
export class SummaryBuilder {
  private readonly rules = new Map<string, RuleSummary & { lastFile: number }>();
  private readonly agencies = new Map<string, Omit<AgencySummary, 'rank' | 'years'> & { years: Set<number> }>();
  private readonly years = new Map<number | null, YearSummary>();
  private readonly statuses = Object.fromEntries(FILE_STATUSES.map((s) => [s, 0])) as Record<FileStatus, number>;
  private readonly files: FileSummary[] = [];
  private readonly missingFiles: FileSummary[] = [];
  private readonly missing: MissingSummary[] = [];
  private readonly totals = zero();

  constructor(private readonly options: SummaryOptions = {}) {}

  /** Adds one file's record. */
  add(record: BatchRecord): void {
    const index = this.files.length + this.missingFiles.length;
    this.statuses[record.status]++;
    const counts = { ...record.counts };
    this.totals.error += counts.error;
    this.totals.warning += counts.warning;
    this.totals.info += counts.info;

    for (const f of record.findings) {
      let rule = this.rules.get(f.ruleId);
      if (!rule) {
        rule = { ruleId: f.ruleId, description: this.options.descriptions?.get(f.ruleId) ?? null, example: f.message, files: 0, total: 0, lastFile: -1, ...zero() };
        this.rules.set(f.ruleId, rule);
      }
      rule[f.severity]++;
      rule.total++;
      if (rule.lastFile !== index) {
        rule.files++;
        rule.lastFile = index;
      }
    }

    const key = record.agency ?? UNKNOWN;
    let agency = this.agencies.get(key);
    if (!agency) {
      agency = { agency: record.agency, region: record.region ?? null, files: 0, missing: 0, years: new Set(), ...zero() };
      this.agencies.set(key, agency);
    }
    agency.region ??= record.region ?? null;
    if (record.status === 'missing') agency.missing++;
    else agency.files++;
    if (record.year !== null && record.status !== 'missing') agency.years.add(record.year);
    addCounts(agency, counts);

    let year = this.years.get(record.year);
    if (!year) {
      year = { year: record.year, files: 0, checked: 0, missing: 0, ...zero() };
      this.years.set(record.year, year);
    }
    if (record.status === 'missing') year.missing++;
    else year.files++;
    if (record.status === 'checked') year.checked++;
    addCounts(year, counts);

    const file: FileSummary = {
      file: record.file, status: record.status, reason: record.statusReason ?? null, agency: record.agency, region: record.region ?? null,
      year: record.year, edition: record.edition, publishedAt: record.publishedAt, ...counts,
    };
    if (record.status === 'missing') {
      this.missing.push({ agency: record.agency, year: record.year, region: record.region ?? null, parent: record.parent ?? null, file: record.file, reason: record.statusReason ?? null });
      this.missingFiles.push(file);
    } else this.files.push(file);
  }

  /** The summary of everything added so far. */
  finish(): BatchSummary {
    const rules = [...this.rules.values()].map(({ lastFile: _lastFile, ...rule }) => rule).sort((a, b) => bySeverity(a, b) || a.ruleId.localeCompare(b.ruleId));
    const agencies = [...this.agencies.values()]
      .map((a) => ({ ...a, years: [...a.years].sort((x, y) => x - y) }))
      .sort((a, b) => bySeverity(a, b) || compareNullable(a.agency, b.agency))
      .map((a, i) => ({ rank: i + 1, ...a }));
    const years = [...this.years.values()].sort((a, b) => (a.year ?? Number.MAX_SAFE_INTEGER) - (b.year ?? Number.MAX_SAFE_INTEGER));
    return {
      tool: { name: 'xxgk-lint', version: this.options.version ?? null },
      generatedAt: this.options.generatedAt ?? null,
      interrupted: this.options.interrupted ?? false,
      totals: { files: this.files.length, agencies: agencies.length, rules: rules.length, ...this.totals },
      statuses: { ...this.statuses },
      rules,
      agencies,
      years,
      missing: [...this.missing],
      files: [...this.files, ...this.missingFiles],
    };
  }
}

function addCounts(target: SeverityCounts, counts: SeverityCounts): void {
  target.error += counts.error;
  target.warning += counts.warning;
  target.info += counts.info;
}

// Unknown agencies sort after named ones; names by the locale's collation (pinyin for Chinese).
function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, 'zh');
}

/** Summarises a batch's records (see {@link SummaryBuilder}). */
export function summarizeBatch(records: Iterable<BatchRecord>, options: SummaryOptions = {}): BatchSummary {
  const builder = new SummaryBuilder(options);
  for (const record of records) builder.add(record);
  return builder.finish();
}
