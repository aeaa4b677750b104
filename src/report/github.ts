/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the file and line in
 * the pull request and the run summary.
 */
import type { Finding, Severity } from '../model/finding.js';
import type { Formatter } from './types.js';
import { placePrefix } from './where.js';

const COMMAND: Readonly<Record<Severity, 'error' | 'warning' | 'notice'>> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a command's message, as the Actions runner's `escapeData` does. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property value, as the runner's `escapeProperty` does (also `:` and `,`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(file: string, f: Finding, locale: 'zh' | 'en'): string {
  const l = f.location;
  const props: [string, string | number | undefined][] = [
    ['file', file.replace(/\\/g, '/')],
    ['line', l.line],
    ['endLine', l.endLine !== undefined && l.endLine >= l.line ? l.endLine : undefined],
    ['col', l.column],
    ['title', f.ruleId],
  ];
  const list = props.filter((p): p is [string, string | number] => p[1] !== undefined).map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  // For a PDF, .docx or web page the line is a line of the extracted text, which the annotation
  // cannot show on the file: the place in the original (page and line, table and cell) says where to look.
  return `::${COMMAND[f.severity]} ${list}::${escapeData(placePrefix(l, locale) + f.message)}`;
}

/**
 * Formats results as GitHub Actions workflow commands, one line a finding:
 * `::error file=F,line=L,col=C,title=RULE::MESSAGE` (`::warning` for warnings, `::notice` for
 * infos; `col` and `endLine` only when known). Values are escaped as the runner expects: `%`, CR
 * and LF in the message; additionally `:` and `,` in properties. A PDF finding's message starts
 * with its place in the original (第4页 第14行, 表格 2 第 3 行 第 2 列, 全文). Files without findings print nothing, so a clean run prints nothing.
 */
export const formatGithub: Formatter = (results, options) =>
  results.flatMap((r) => r.findings.map((f) => command(r.file, f, options.locale))).join('\n');
