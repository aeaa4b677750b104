/** The data of a batch run: one record per input file, and the manifest of expected reports. */
import type { Finding } from '../model/finding.js';
import type { Edition } from '../model/report.js';
import type { ReportIdentity } from '../summary/identity.js';

/**
 * What became of an input file: checked; unreadable (ingest failed); not a report (readable, but
 * nothing of an annual report in it); a duplicate of an earlier file (same bytes); or missing (the
 * manifest names it, but it is not there).
 */
export type FileStatus = 'checked' | 'unreadable' | 'not-a-report' | 'duplicate' | 'missing';

/** One input file's outcome, small enough to keep for tens of thousands of reports. */
export interface BatchRecord {
  file: string;
  status: FileStatus;
  /** Why the status is not `checked`, in Chinese. */
  statusReason?: string;
  agency: string | null;
  year: number | null;
  edition: Edition | null;
  publishedAt: string | null;
  /** From the manifest, when one is given. */
  region?: string;
  parent?: string;
  findings: Finding[];
  counts: { error: number; warning: number; info: number };
  /** A checked report's content identity, to recognise the same report in another file format. */
  identity?: ReportIdentity;
  /** For a duplicate: the earlier file holding the same report (same bytes, or same content in another format). */
  sameAs?: string;
}

/** One line of a manifest: a report the auditor expects. */
export interface ManifestEntry {
  agency: string;
  region?: string;
  /** The agency whose consolidated report includes this one. */
  parent?: string;
  year?: number;
  /** The file, relative to the manifest's folder. */
  file?: string;
  /** The report's web address (fetched when there is no file; see `xxgk-lint crawl`). */
  url?: string;
  /** 1-based line in the manifest, for messages. */
  line: number;
}

/** Counts findings by severity. */
export function countFindings(findings: readonly Finding[]): BatchRecord['counts'] {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
