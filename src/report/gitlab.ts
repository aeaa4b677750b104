/**
 * GitLab Code Quality report (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format):
 * a JSON array of issues, each with a description, the check name (rule id), a fingerprint unique
 * to the issue, a severity and the file and line. GitLab shows them on merge requests when the
 * file is a job's `artifacts: reports: codequality`.
 */
import { hash } from '../model/hash.js';
import type { Severity } from '../model/finding.js';
import type { Formatter } from './types.js';
import { placePrefix } from './where.js';

const SEVERITY: Readonly<Record<Severity, 'major' | 'minor' | 'info'>> = { error: 'major', warning: 'minor', info: 'info' };

/** Formats results as a GitLab Code Quality report. */
export const formatGitlab: Formatter = (results, options) => {
  const seen = new Map<string, number>();
  const issues = results.flatMap((r) =>
    r.findings.map((f) => {
      const path = r.file.replace(/\\/g, '/');
      // Stable across runs (the finding's own fingerprint, or rule and line), unique in the report.
      const base = `${path}\u0000${f.ruleId}\u0000${f.fingerprint ?? `${f.location.line}\u0000${f.message}`}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      return {
        type: 'issue',
        // The line is one of the extracted text; the place in the original tells the reader where to look.
        description: placePrefix(f.location, options.locale) + f.message,
        check_name: f.ruleId,
        fingerprint: hash(base) + hash(`${base}\u0000${n}`),
        severity: SEVERITY[f.severity],
        location: { path, lines: { begin: f.location.line } },
      };
    }),
  );
  return JSON.stringify(issues, null, 2);
};
