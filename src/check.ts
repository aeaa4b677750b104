/**
 * The browser-safe entry for checking: bytes (or text) in, report model and findings out.
 */
import { ingest, type IngestLimits } from './ingest/index.js';
import { DEFAULT_LIMITS } from './ingest/limits.js';
import type { Finding } from './model/finding.js';
import type { Report } from './model/report.js';
import type { SourceMeta } from './model/source.js';
import { parseReport } from './parse/index.js';
import type { Checker } from './engine/run.js';

/** The result for one file, as the JSON output contract has it (plus the model). */
export interface FileResult {
  file: string;
  report: Report;
  findings: Finding[];
}

/**
 * Reads, parses and checks one file's bytes. Never throws for bad input. `meta` is metadata found
 * outside the file (a fetched report's web page: its URL, publication date, title), over the
 * file's own.
 */
export async function checkBytes(bytes: Uint8Array, file: string, checker: Checker, limits: IngestLimits = DEFAULT_LIMITS, meta?: SourceMeta): Promise<FileResult> {
  const source = await ingest(bytes, file, limits);
  if (meta) source.meta = { ...source.meta, ...meta };
  const report = parseReport(source);
  const findings = await checker.check(report);
  return { file, report, findings };
}
