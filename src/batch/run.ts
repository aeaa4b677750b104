/**
 * A run over many report files: check each (in worker threads when there are many), record a
 * status for every input (checked, unreadable, not a report, duplicate, missing from the manifest),
 * then run the cross-report rules and merge their findings into the files they concern.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { RuleSettings } from '../engine/run.js';
import type { Pack } from '../engine/schema.js';
import { ingest, type IngestLimits } from '../ingest/index.js';
import type { Finding } from '../model/finding.js';
import type { Report } from '../model/report.js';
import type { SourceMeta } from '../model/source.js';
import { parseReport } from '../parse/index.js';
import type { ResultEntry } from '../report/index.js';
import { crossCellIds, crossCheck, crossRulesActive, sameAgency } from './cross.js';
import { checkFiles } from './pool.js';
import { metaOnly, type Snapshot } from './process.js';
import { pruneCache } from './result-cache.js';
import { formatsOf, SameReportIndex } from '../summary/identity.js';
import { countFindings, type BatchRecord, type ManifestEntry } from './types.js';

/** Parameters of {@link runBatch}. */
export interface BatchParams {
  files: readonly string[];
  packs: readonly Pack[];
  ruleDirs: string[];
  settingsFor: (file: string) => RuleSettings;
  locale: 'zh' | 'en';
  jobs: number;
  /** Keep the whole report model of each file (the html formatter draws its tables). */
  keepReports: boolean;
  manifest?: { entries: ManifestEntry[]; file: string } | null;
  /** Reports of the previous year, for continuity rules only. */
  previous?: readonly string[];
  onProgress?: (done: number, total: number) => void;
  /**
   * Called once per input file, in input order, as its result arrives and before the report is
   * reduced to its metadata: per-file output (e.g. `extract`) can be written as it goes instead
   * of keeping every report. The batch waits for a returned promise (back-pressure). Not called
   * for manifest entries that are missing, nor with the cross-report findings added at the end.
   */
  onResult?: (entry: ResultEntry, record: BatchRecord) => void | Promise<void>;
  /**
   * False: each result goes to `onResult` only (its report trimmed to the metadata unless
   * `keepReports`), and the batch keeps none of them, only the small snapshots the cross-report
   * rules compare when one is on ({@link crossRulesActive}); the findings those rules make are
   * returned apart (`cross` of the outcome) for the caller to add. Not with a manifest (it
   * changes the kept records). True by default.
   */
  keepResults?: boolean;
  signal?: { stopped: boolean };
  /** Input limits (the config's `limits`); the defaults when absent. */
  limits?: IngestLimits;
  /** Metadata from outside a file (a fetched report's web page), over the file's own. */
  metaFor?: (file: string) => SourceMeta | undefined;
  /** The name a message gives a file (a fetched report's URL rather than its staged copy). */
  nameOf?: (file: string) => string;
  /**
   * Keep each file's result in this folder and read it back on later runs while nothing it
   * depends on has changed (result-cache.ts); the folder must exist (see `prepareCacheDir`).
   */
  cacheDir?: string;
}

/** What a batch run produces. */
export interface BatchOutcome {
  /** Every result, in input order (none when `keepResults` is false). */
  entries: ResultEntry[];
  records: BatchRecord[];
  /** Files checked (or found unreadable, duplicate …): all of them unless interrupted. */
  done: number;
  /**
   * With `keepResults` false: the cross-report rules' findings by file (as the batch names it),
   * not yet in any result; empty when no such rule is on or the run was interrupted.
   */
  cross: Map<string, Finding[]>;
  interrupted: boolean;
}

/** Runs a batch. */
export async function runBatch(params: BatchParams): Promise<BatchOutcome> {
  const { files, packs, locale } = params;
  const snapshotCells = crossCellIds(packs);
  const keepBody = files.length <= 500;
  // Files under the same settings share one object (a config gives each call its own copy).
  const settingsByKey = new Map<string, RuleSettings>();
  const tasks = files.map((file, index) => {
    const meta = params.metaFor?.(file);
    const own = params.settingsFor(file);
    const key = JSON.stringify(own);
    const settings = settingsByKey.get(key) ?? own;
    settingsByKey.set(key, settings);
    return { index, file, settings, ...(meta ? { meta } : {}) };
  });
  const keep = params.keepResults !== false;
  if (!keep && params.manifest) throw new Error('runBatch: keepResults false needs a run without a manifest');
  // What the cross-report rules need: every snapshot (a run that keeps its results has them anyway).
  const crossActive = keep || crossRulesActive(packs, settingsByKey.values());
  const firstByDigest = new Map<string, string>();
  const sameReports = new SameReportIndex();
  let done = 0;
  const strings = new Map<string, string>();
  // onResult sees the whole report; it is trimmed here, after the callback, when not kept
  // (a run that keeps no results passes it on trimmed, so the model never leaves its worker).
  const trimAfterResult = keep && !params.keepReports && params.onResult !== undefined;
  const entries: ResultEntry[] = [];
  const records: BatchRecord[] = [];
  const snapshots: Snapshot[] = [];
  const kept = (entry: ResultEntry, record: BatchRecord, snapshot?: Snapshot | null): void => {
    // Results not kept were not copied out of the report's text (pool.ts: a string cut from it
    // keeps it all alive), so a kept snapshot is copied here.
    if (snapshot && crossActive) snapshots.push(keep ? snapshot : structuredClone(snapshot));
    if (!keep) return;
    entries.push(entry);
    records.push(record);
  };
  const pool = { jobs: params.jobs, packs, ruleDirs: params.ruleDirs, locale, snapshotCells, keepBody, keepReports: params.keepReports || trimAfterResult, resultsKept: keep, ...(params.signal ? { signal: params.signal } : {}), ...(params.limits ? { limits: params.limits } : {}), ...(params.cacheDir !== undefined ? { cacheDir: params.cacheDir } : {}) };
  for await (const result of checkFiles(tasks, pool)) {
    done++;
    params.onProgress?.(done, files.length);
    if ('error' in result) {
      const finding = { ruleId: 'batch/failed', severity: 'error' as const, message: `检查这个文件时出了内部错误：${result.error}`, location: { line: 1 } };
      const entry: ResultEntry = { file: result.file, report: null, findings: [finding], status: 'unreadable' };
      const record: BatchRecord = { file: result.file, status: 'unreadable', statusReason: result.error, agency: null, year: null, edition: null, publishedAt: null, findings: [finding], counts: countFindings([finding]) };
      await params.onResult?.(entry, record);
      kept(entry, record);
      continue;
    }
    const { processed } = result;
    if (keep) internFindings(processed.record.findings, strings);
    const firstFile = firstByDigest.get(processed.digest);
    const first = firstFile === undefined ? undefined : params.nameOf?.(firstFile) ?? firstFile;
    if (first !== undefined) {
      const finding = { ruleId: 'batch/duplicate', severity: 'info' as const, message: `与 ${first} 内容完全相同，未重复检查`, location: { line: 1 } };
      const entry: ResultEntry = { file: result.file, report: null, findings: [finding], status: 'duplicate' };
      const record: BatchRecord = { ...processed.record, status: 'duplicate', statusReason: `与 ${first} 相同`, sameAs: first, findings: [finding], counts: countFindings([finding]) };
      await params.onResult?.(entry, record);
      kept(entry, record);
      continue;
    }
    firstByDigest.set(processed.digest, result.file);
    // The same report in another format (a .pdf and its .txt): checked once, listed as a duplicate.
    const copyFile = sameReports.match(processed.record);
    if (copyFile !== null) {
      const copyOf = params.nameOf?.(copyFile) ?? copyFile;
      const finding = { ruleId: 'batch/duplicate', severity: 'info' as const, message: `与 ${copyOf} 是同一份报告（${formatsOf(copyFile, result.file)}：年度、机关、表格数字和正文相同），只计一次`, location: { line: 1 } };
      const entry: ResultEntry = { file: result.file, report: processed.entry.report, findings: [finding], status: 'duplicate' };
      const record: BatchRecord = { ...processed.record, status: 'duplicate', statusReason: `与 ${copyOf} 是同一份报告`, sameAs: copyOf, findings: [finding], counts: countFindings([finding]) };
      await params.onResult?.(entry, record);
      kept({ ...entry, report: entry.report && trimAfterResult ? metaOnly(entry.report) : entry.report }, record);
      continue;
    }
    await params.onResult?.({ ...processed.entry, status: processed.record.status }, processed.record);
    const report = trimAfterResult && processed.entry.report ? metaOnly(processed.entry.report) : processed.entry.report;
    kept({ ...processed.entry, report, status: processed.record.status }, processed.record, processed.snapshot);
  }
  const interrupted = done < files.length;
  if (params.cacheDir !== undefined && !interrupted) pruneCache(params.cacheDir);

  // The manifest gives region and parent, and names reports that should be here but are not.
  const manifest = params.manifest;
  if (manifest) {
    const base = dirname(resolve(manifest.file));
    for (const record of records) {
      const entry = manifest.entries.find((e) => (e.file ? resolve(base, e.file) === resolve(record.file) : sameAgency(e.agency, record.agency) && (e.year === undefined || e.year === record.year)));
      if (entry?.region) record.region = entry.region;
      if (entry?.parent) record.parent = entry.parent;
    }
    if (!interrupted) {
      for (const e of manifest.entries) {
        const found = records.some((r) => (e.file ? resolve(base, e.file) === resolve(r.file) : sameAgency(e.agency, r.agency) && (e.year === undefined || e.year === r.year)));
        if (found) continue;
        const finding = { ruleId: 'batch/missing', severity: 'error' as const, message: `清单第 ${e.line} 行的报告没有找到：${e.agency}${e.year ? ` ${e.year} 年度` : ''}${e.file ? `（${e.file}）` : ''}`, location: { line: e.line } };
        records.push({ file: e.file ? resolve(base, e.file) : `${manifest.file}#${e.line}`, status: 'missing', statusReason: finding.message, agency: e.agency, year: e.year ?? null, edition: null, publishedAt: null, findings: [finding], counts: countFindings([finding]), ...(e.region ? { region: e.region } : {}), ...(e.parent ? { parent: e.parent } : {}) });
        entries.push({ file: manifest.file, report: null, findings: [finding], status: 'missing' });
      }
    }
  }

  // Previous-year reports (--prev): snapshots only.
  const previous: Snapshot[] = [];
  if (crossActive && params.previous?.length) {
    for await (const result of checkFiles(params.previous.map((file, index) => ({ index, file, settings: {} })), { ...pool, packs: [] })) {
      if ('processed' in result && result.processed.snapshot) previous.push(result.processed.snapshot);
    }
  }
  let crossFindings = new Map<string, Finding[]>();
  if (crossActive && !interrupted) {
    const body = async (file: string): Promise<string> => {
      try {
        return (await parseFile(file)).sentences.map((s) => s.text).join('').replace(/\s+/g, '');
      } catch {
        return '';
      }
    };
    const cross = await crossCheck(packs, snapshots, { locale, previous, manifest: manifest?.entries ?? null, body, settingsFor: params.settingsFor });
    if (!keep) crossFindings = cross;
    const entryByFile = new Map(entries.map((e) => [e.file, e]));
    const recordByFile = new Map(records.map((r) => [r.file, r]));
    for (const [file, findings] of cross) {
      const entry = entryByFile.get(file);
      const record = recordByFile.get(file);
      if (entry) entry.findings = [...entry.findings, ...findings].sort((a, b) => a.location.line - b.location.line);
      if (record) {
        record.findings = [...record.findings, ...findings];
        record.counts = countFindings(record.findings);
      }
    }
  }
  return { entries, records, done, interrupted, cross: crossFindings };
}

const LOCATION_STRINGS = ['table', 'tableLabel', 'row', 'rowLabel', 'col', 'colLabel'] as const;

/**
 * Makes the findings kept for the whole batch share one copy of their repeated strings (rule id,
 * severity, basis, table/row/column ids and labels): each result arrives with copies of its own
 * (a worker message, or the clone made in this thread), and for 10,000 reports with 17 findings
 * each those copies were tens of megabytes. The entry and the record share the findings array.
 */
function internFindings(findings: Finding[], strings: Map<string, string>): void {
  const intern = (text: string): string => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  for (const finding of findings) {
    finding.ruleId = intern(finding.ruleId);
    finding.severity = intern(finding.severity) as Finding['severity'];
    if (finding.basis !== undefined) finding.basis = intern(finding.basis);
    const location = finding.location;
    for (const key of LOCATION_STRINGS) {
      const value = location[key];
      if (typeof value === 'string') location[key] = intern(value);
    }
  }
}

/** Parses one file in this thread (for `extract` and for reading a body again). */
export async function parseFile(file: string): Promise<Report> {
  return parseReport(await ingest(new Uint8Array(readFileSync(file)), file));
}
