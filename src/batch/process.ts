/**
 * Checking one file for a batch: the result entry the formatters print, the small record the
 * summary keeps, the status (checked, unreadable, not a report), a content hash for duplicates,
 * and the snapshot of cells and text the cross-report rules need later.
 */
import { createHash } from 'node:crypto';
import { checkBytes } from '../check.js';
import type { BatchReport } from '../engine/batch.js';
import type { Checker } from '../engine/run.js';
import { DEFAULT_LIMITS, type IngestLimits } from '../ingest/limits.js';
import type { Attachment } from '../ingest/attachments.js';
import type { Report } from '../model/report.js';
import type { SourceMeta } from '../model/source.js';
import { STRONG_MATCH } from '../format/section-titles.js';
import { matchSectionTitle } from '../format/section-titles.js';
import type { ResultEntry } from '../report/index.js';
import { sketch } from '../format/text-similarity.js';
import { reportIdentity } from '../summary/identity.js';
import { countFindings, type BatchRecord } from './types.js';

/** What cross-report rules keep of a report: a few cells, section 五, a text signature (engine/batch.ts). */
export type Snapshot = BatchReport;

/** Everything the batch keeps from one file. */
export interface Processed {
  entry: ResultEntry;
  record: BatchRecord;
  snapshot: Snapshot | null;
  /** Hash of the bytes (duplicate detection). */
  digest: string;
}

/** A content hash of bytes, for duplicate detection (SHA-1 from node:crypto: native and fast). */
export function digestBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * Words of the body that mark a disclosure annual report: the 条例, its kinds of disclosure, the
 * statistics period, the format's parts. Each counts once.
 */
const REPORT_MARKERS: readonly RegExp[] = [
  /政府信息公开条例/,
  /主动公开/,
  /依申请公开|信息公开申请/,
  /行政复议|行政诉讼/,
  /政务公开|政府信息公开工作/,
  /(?:19|20)\d{2}\s*年度?(?:政府信息公开|政务公开)?(?:工作)?(?:年度)?报告|统计期限|本年度|年度报告/,
  /存在的?(?:主要)?问题|改进(?:情况|措施)/,
];

/**
 * True when a readable file shows an annual report in its body: tables of the format, format
 * editions' labels, two or more of the format's parts by their titles, or most of the wording
 * every report has (条例, 主动公开, 依申请公开, 复议/诉讼, the year). Not the title: a title cut by a
 * website (…年度报...) or missing does not make a report something else.
 */
export function looksLikeReport(report: Report): boolean {
  if (Object.keys(report.tables).length > 0 || report.meta.labelEditions.length > 0) return true;
  const parts = new Set<number>();
  for (const s of report.outline) {
    const match = matchSectionTitle(s.title);
    if (match && match.score >= STRONG_MATCH) parts.add(match.index);
  }
  if (parts.size >= 2) return true;
  const seen = new Set<number>();
  for (const line of report.lines) {
    for (const [i, re] of REPORT_MARKERS.entries()) if (!seen.has(i) && re.test(line.norm)) seen.add(i);
    if (seen.size >= 4) return true;
  }
  return false;
}

/** The report's prose, white space removed: what text similarity and the report identity compare. */
function bodyOf(report: Report): string {
  return report.sentences.map((s) => s.text).join('').replace(/\s+/g, '');
}

function snapshotOf(file: string, report: Report, cellIds: ReadonlySet<string>, body: string, bodySketch: Uint32Array): Snapshot {
  const cells: Snapshot['cells'] = {};
  // The few cells the cross-report rules read, looked up by id: walking every cell of every table
  // cost more than the lookups (表三's cell map is large and in V8's dictionary mode).
  // (A cell id belongs to one table; were it in several, the last readable one counts.)
  const tables = Object.values(report.tables).reverse();
  for (const id of cellIds) {
    for (const table of tables) {
      const cell = table.cells[id];
      if (cell?.state === 'number' || cell?.state === 'blank' || cell?.state === 'dash') {
        cells[id] = { value: cell.value ?? 0, line: cell.at.line, state: cell.state };
        break;
      }
    }
  }
  const top = report.outline.filter((s) => s.level === 1);
  const five = top.find((s) => /存在.{0,4}问题|主要问题|改进/.test(s.title));
  const next = five ? top.find((s) => s.at.line > five.at.line) : undefined;
  const inFive = (line: number): boolean => five !== undefined && line > five.at.line && line < (next?.at.line ?? Number.MAX_SAFE_INTEGER);
  const problems = report.lines.filter((l) => inFive(l.at.line)).map((l) => l.norm).join('').replace(/\s+/g, '');
  return { file, agency: report.meta.agency?.name ?? null, year: report.meta.year, edition: report.meta.edition, cells, problems, problemsLine: five?.at.line ?? 1, body, sketch: bodySketch };
}

/**
 * A report reduced to what the formatters print of it in large batches: title, agency, year,
 * edition, publication date (no body, no tables, no lists of every date and agency name found,
 * no parse problems: those are findings by now). The main thread keeps one per file until the
 * output is written.
 */
export function metaOnly(report: Report): Report {
  const meta = { ...report.meta, agencies: [], dates: [], labelEditions: [] };
  return { ...report, meta, tables: {}, lines: [], sentences: [], narrative: [], outline: [], problems: [] };
}

/** What a batch keeps of each report: a small batch more than a large one (runBatch). */
export interface Keeping {
  /** The body text in the cross-report snapshot. */
  keepBody: boolean;
  /** The whole report model, else {@link metaOnly}. */
  keepReports: boolean;
}

/**
 * A result of a batch that kept more of each report (the whole model, the body text), reduced to
 * what `keeping` keeps: exactly what {@link processFile} gives with those options, which only
 * decide these two parts (the result cache reads a smaller batch's results this way).
 */
export function trimmedTo(processed: Processed, keeping: Keeping): Processed {
  const { entry, snapshot } = processed;
  return {
    ...processed,
    entry: keeping.keepReports || entry.report === null ? entry : { ...entry, report: metaOnly(entry.report) },
    snapshot: keeping.keepBody || snapshot === null ? snapshot : { ...snapshot, body: '' },
  };
}

/**
 * Checks one file's bytes. `seen` maps content digests to the first file that had them, so a
 * duplicate is recorded as such and not checked again.
 */
export async function processFile(bytes: Uint8Array, file: string, checker: Checker, snapshotCells: ReadonlySet<string>, keepBody = true, keepReport = true, limits: IngestLimits = DEFAULT_LIMITS, pageMeta?: SourceMeta, attachments: readonly Attachment[] = []): Promise<Processed> {
  const digest = digestBytes(bytes);
  const result = await checkBytes(bytes, file, checker, limits, pageMeta, attachments);
  const { report, findings } = result;
  const meta = report.meta;
  const unreadable = report.lines.length === 0 || report.problems.some((p) => p.severity === 'error' && p.id.startsWith('ingest/'));
  let status: BatchRecord['status'] = 'checked';
  let statusReason: string | undefined;
  if (unreadable) {
    status = 'unreadable';
    statusReason = report.problems.find((p) => p.severity === 'error')?.message ?? '无法读取';
  } else if (!looksLikeReport(report)) {
    status = 'not-a-report';
    statusReason = '文件可以读取，但正文中没有年度报告的章节、统计表格或常见用语（政府信息公开条例、主动公开、依申请公开等），可能不是政府信息公开工作年度报告';
  }
  const shown = status === 'not-a-report'
    ? [{ ruleId: 'batch/not-a-report', severity: 'warning' as const, message: statusReason!, location: { line: 1 } }]
    : findings;
  // One body text and one sketch serve both the cross-report snapshot and the report identity.
  const body = status === 'checked' ? bodyOf(report) : '';
  const bodySketch = status === 'checked' ? sketch(body) : null;
  const record: BatchRecord = {
    file, status, agency: meta.agency?.name ?? null, year: meta.year, edition: meta.edition, publishedAt: meta.publishedAt?.iso ?? null,
    findings: shown, counts: countFindings(shown), ...(statusReason ? { statusReason } : {}),
    ...(bodySketch ? { identity: reportIdentity(report, bodySketch) } : {}),
  };
  return {
    // Trimmed here, in the worker, so the whole model never crosses threads when it is not kept.
    entry: { file, report: keepReport ? report : metaOnly(report), findings: shown },
    record,
    snapshot: bodySketch ? snapshotOf(file, report, snapshotCells, keepBody ? body : '', bodySketch) : null,
    digest,
  };
}
