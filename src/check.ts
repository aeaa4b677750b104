/**
 * The browser-safe entry for checking: bytes (or text) in, report model and findings out.
 */
import { declaredSeverities, foldFindings } from './findings/fold.js';
import { placeFindings } from './findings/place.js';
import { ingest, type IngestLimits } from './ingest/index.js';
import { DEFAULT_LIMITS } from './ingest/limits.js';
import type { Finding } from './model/finding.js';
import type { Report } from './model/report.js';
import type { SourceMeta } from './model/source.js';
import type { Attachment } from './ingest/attachments.js';
import { parseReport } from './parse/index.js';
import type { Checker } from './engine/run.js';

/** The result for one file, as the JSON output contract has it (plus the model). */
export interface FileResult {
  file: string;
  report: Report;
  findings: Finding[];
}

/** Reads and parses one file's bytes into the report model. Never throws for bad input. */
export async function parseBytes(bytes: Uint8Array, file: string, limits: IngestLimits = DEFAULT_LIMITS): Promise<Report> {
  return parseReport(await ingest(bytes, file, limits));
}

/** Checks report text (a .txt or .md file's content), as {@link checkBytes} checks bytes. */
export function checkText(text: string, file: string, checker: Checker, limits: IngestLimits = DEFAULT_LIMITS): Promise<FileResult> {
  return checkBytes(new TextEncoder().encode(text), file, checker, limits);
}

/**
 * Reads, parses and checks one file's bytes. Never throws for bad input. `meta` is metadata found
 * outside the file (a fetched report's web page: its URL, publication date, title), over the
 * file's own. `attachments` are read with the report (an .xlsx 统计表 beside it). Findings that
 * follow from another finding's defect are folded into it (src/findings/fold.ts): one defect, one
 * finding; each is placed in the original file (page and line, table and cell: src/findings/place.ts).
 */
export async function checkBytes(bytes: Uint8Array, file: string, checker: Checker, limits: IngestLimits = DEFAULT_LIMITS, meta?: SourceMeta, attachments: readonly Attachment[] = []): Promise<FileResult> {
  const source = attachments.length > 0
    ? await (await import('./ingest/attachments.js')).ingestWithAttachments(bytes, file, attachments, limits)
    : await ingest(bytes, file, limits);
  if (meta) source.meta = { ...source.meta, ...meta };
  const report = parseReport(source);
  const findings = placeFindings(foldFindings(await checker.check(report), report, declaredSeverities(checker.rules)), source);
  return { file, report, findings };
}
