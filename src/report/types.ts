/** What formatters receive: the results of a run, ready to print. */
import type { Finding } from '../model/finding.js';
import type { Report } from '../model/report.js';

/** One checked file. */
export interface ResultEntry {
  file: string;
  report: Report | null;
  findings: Finding[];
  /** In batch runs: checked, unreadable, not-a-report, duplicate or missing. */
  status?: string;
}

/** Options every formatter accepts. */
export interface FormatOptions {
  locale: 'zh' | 'en';
  color: boolean;
  version: string;
}

/** A formatter: a pure function from results to text. */
export type Formatter = (results: readonly ResultEntry[], options: FormatOptions) => string;

/** Counts of findings by severity. */
export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Adds `findings` to `counts`, by severity. */
function addCounts(counts: Omit<Summary, 'files'>, findings: readonly Finding[]): void {
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
}

/** Counts findings by severity over all results. */
export function summarize(results: readonly ResultEntry[]): Summary {
  const s: Summary = { files: results.length, errors: 0, warnings: 0, infos: 0 };
  for (const r of results) addCounts(s, r.findings);
  return s;
}

/** Counts one file's findings by severity. */
export function findingCounts(findings: readonly Finding[]): Omit<Summary, 'files'> {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  addCounts(counts, findings);
  return counts;
}
