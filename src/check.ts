/**
 * The browser-safe entry for checking: bytes (or text) in, report model and findings out.
 */
import { ingest, type IngestLimits } from './ingest/index.js';
import { DEFAULT_LIMITS } from './ingest/limits.js';
import type { Finding } from './model/finding.js';
import type { Report } from './model/report.js';
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

/** Reads, parses and checks one file's bytes. Never throws for bad input. */
export async function checkBytes(bytes: Uint8Array, file: string, checker: Checker, limits: IngestLimits = DEFAULT_LIMITS): Promise<FileResult> {
  const report = await parseBytes(bytes, file, limits);
  const findings = await checker.check(report);
  return { file, report, findings };
}
