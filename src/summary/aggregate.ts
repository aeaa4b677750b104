/**
 * The batch summary an auditor reads first: findings per rule, per agency (ranked), per year,
 * files per status, and the reports the manifest expects but nobody sent. Built from the light
 * per-file records of a batch (never from report models), one record at a time, so memory grows
 * with the number of rules, agencies and files listed, not with the size of the reports.
 * Pure and browser-safe.
 */
import type { BatchRecord, FileStatus } from '../batch/types.js';
import type { Edition } from '../model/report.js';
import { fullerName, sameAgencyName, splitAgency, type AgencyMention } from './identity.js';

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
  /** Other names the reports gave this agency (洪泽区人民政府 for 淮安市洪泽区人民政府). */
  aliases: string[];
}

/** One report given as several files (the same bytes, or the same content in another format). */
export interface SameReportSummary {
  /** The file that was checked and counted. */
  file: string;
  /** The other files holding the same report, not counted again. */
  copies: string[];
  agency: string | null;
  year: number | null;
}

/** An agency and year with more than one different report (after same reports are merged). */
export interface MultipleReportsSummary {
  agency: string | null;
  year: number;
  files: string[];
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
  /** The IANA zone the time stamp is shown in; null: this machine's. */
  timeZone: string | null;
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
  /** Reports given as several files, each counted once. */
  sameReports: SameReportSummary[];
  /** Agencies with several different reports for one year. */
  multipleReports: MultipleReportsSummary[];
  /** In input order; missing reports last. */
  files: FileSummary[];
}

/** Options of the aggregation. */
export interface SummaryOptions {
  /** Rule id → description (packs, plus the built-in batch ids). */
  descriptions?: ReadonlyMap<string, string>;
  interrupted?: boolean;
  generatedAt?: string;
  /** Shows the time stamp in this zone instead of this machine's. */
  timeZone?: string;
  version?: string;
}

const zero = (): SeverityCounts => ({ error: 0, warning: 0, info: 0 });

/** Orders by errors, then warnings, then infos, all descending. */
export function bySeverity(a: SeverityCounts, b: SeverityCounts): number {
  return b.error - a.error || b.warning - a.warning || b.info - a.info;
}

type AgencyEntry = Omit<AgencySummary, 'rank' | 'years' | 'aliases'> & { years: Set<number>; names: Set<string>; mentions: AgencyMention[]; reports: Map<number, string[]> };

/**
 * Accumulates records one by one (as a batch yields them, or from a finished batch's records)
 * and produces the summary. Findings are counted as they are, after waivers and baselines if
 * the caller applied them to the records.
 */
export class SummaryBuilder {
  private readonly rules = new Map<string, RuleSummary & { lastFile: number }>();
  /** Agencies by their agency proper (see splitAgency), so that names of one agency meet. */
  private readonly agenciesByBase = new Map<string, AgencyEntry[]>();
  private readonly agencyList: AgencyEntry[] = [];
  private unknownAgency: AgencyEntry | null = null;
  private readonly sameReports = new Map<string, SameReportSummary>();
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

    const agency = this.agencyOf(record);
    agency.region ??= record.region ?? null;
    if (record.status === 'checked' && record.year !== null) {
      const files = agency.reports.get(record.year) ?? [];
      files.push(record.file);
      agency.reports.set(record.year, files);
    }
    if (record.sameAs !== undefined) {
      const group = this.sameReports.get(record.sameAs) ?? { file: record.sameAs, copies: [], agency: record.agency, year: record.year };
      group.copies.push(record.file);
      this.sameReports.set(record.sameAs, group);
    }
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

  /** The agency entry a record belongs to: one with the same name, or another name of the same agency. */
  private agencyOf(record: BatchRecord): AgencyEntry {
    const fresh = (name: string | null): AgencyEntry => ({ agency: name, region: record.region ?? null, files: 0, missing: 0, years: new Set(), names: new Set(name ? [name] : []), mentions: [], reports: new Map(), ...zero() });
    if (record.agency === null) {
      if (!this.unknownAgency) {
        this.unknownAgency = fresh(null);
        this.agencyList.push(this.unknownAgency);
      }
      return this.unknownAgency;
    }
    const mention: AgencyMention = { name: record.agency, before: record.identity?.before ?? [], region: record.region ?? null };
    const base = splitAgency(record.agency).base;
    const candidates = this.agenciesByBase.get(base) ?? [];
    let entry = candidates.find((e) => e.mentions.some((m) => sameAgencyName(m, mention)));
    if (!entry) {
      entry = fresh(record.agency);
      candidates.push(entry);
      this.agenciesByBase.set(base, candidates);
      this.agencyList.push(entry);
    }
    // A few mentions per agency are enough to recognise its names (every file of it would be many).
    if (entry.mentions.length < 8 && !entry.mentions.some((m) => m.name === mention.name && m.before.join() === mention.before.join())) entry.mentions.push(mention);
    entry.names.add(record.agency);
    entry.agency = fullerName(entry.agency ?? record.agency, record.agency);
    return entry;
  }

  /** The summary of everything added so far. */
  finish(): BatchSummary {
    const rules = [...this.rules.values()].map(({ lastFile: _lastFile, ...rule }) => rule).sort((a, b) => bySeverity(a, b) || a.ruleId.localeCompare(b.ruleId));
    const multipleReports: MultipleReportsSummary[] = [];
    for (const a of this.agencyList) {
      for (const [year, files] of a.reports) if (files.length > 1) multipleReports.push({ agency: a.agency, year, files: [...files] });
    }
    const agencies = this.agencyList
      .map(({ names, mentions: _mentions, reports: _reports, ...a }) => ({ ...a, years: [...a.years].sort((x, y) => x - y), aliases: [...names].filter((n) => n !== a.agency) }))
      .sort((a, b) => bySeverity(a, b) || compareNullable(a.agency, b.agency))
      .map((a, i) => ({ rank: i + 1, ...a }));
    const years = [...this.years.values()].sort((a, b) => (a.year ?? Number.MAX_SAFE_INTEGER) - (b.year ?? Number.MAX_SAFE_INTEGER));
    return {
      tool: { name: 'xxgk-lint', version: this.options.version ?? null },
      generatedAt: this.options.generatedAt ?? null,
      timeZone: this.options.timeZone ?? null,
      interrupted: this.options.interrupted ?? false,
      totals: { files: this.files.length, agencies: agencies.length, rules: rules.length, ...this.totals },
      statuses: { ...this.statuses },
      rules,
      agencies,
      years,
      missing: [...this.missing],
      sameReports: [...this.sameReports.values()],
      multipleReports: multipleReports.sort((a, b) => compareNullable(a.agency, b.agency) || a.year - b.year),
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
