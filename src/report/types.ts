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

/** Counts findings by severity over all results. */
export function summarize(results: readonly ResultEntry[]): Summary {
  const s: Summary = { files: results.length, errors: 0, warnings: 0, infos: 0 };
  for (const r of results) {
    for (const f of r.findings) {
      if (f.severity === 'error') s.errors++;
      else if (f.severity === 'warning') s.warnings++;
      else s.infos++;
    }
  }
  return s;
}
