/**
 * The default readable output, in Chinese (or English): grouped by file, each finding with where
 * a person finds it in the original (page and line on it, the Word or web table cell, 全文 for
 * the whole document), the table/row/column it is about (labels as the format prints them), what
 * is wrong, the rule it rests on and its id, and what else the same defect caused. Columns are
 * aligned by display width, so Chinese text lines up in a terminal.
 */
import type { Finding } from '../model/finding.js';
import { summarize, type Formatter, type ResultEntry } from './types.js';
import { cellText, placeText, relatedLines } from './where.js';
import { displayWidth, padDisplay } from './width.js';

const SEVERITY = { zh: { error: '错误', warning: '警告', info: '提示' }, en: { error: 'error  ', warning: 'warning', info: 'info   ' } } as const;
const COLORS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m' } as const;
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

function header(r: ResultEntry, locale: 'zh' | 'en'): string {
  const meta = r.report?.meta;
  const zh = locale === 'zh';
  // An entry without a report (a file not found) has no edition to speak of.
  const edition = r.report ? (meta?.edition ? (zh ? `${meta.edition} 版格式` : `${meta.edition} format`) : zh ? '版本未知' : 'format unknown') : null;
  return [meta?.agency?.name, meta?.year ? (zh ? `${meta.year} 年度` : String(meta.year)) : null, edition].filter(Boolean).join(' · ');
}

/** The lines of one finding: place, severity and labels or message; then message, basis and rule; then related. */
function findingLines(f: Finding, placeWidth: number, locale: 'zh' | 'en', paint: (code: string, text: string) => string): string[] {
  const indent = ' '.repeat(2 + placeWidth + 2 + displayWidth(SEVERITY[locale][f.severity]) + 2);
  const sev = paint(COLORS[f.severity], SEVERITY[locale][f.severity]);
  const cell = cellText(f.location);
  const first = `  ${padDisplay(placeText(f.location, locale), placeWidth)}  ${sev}  `;
  const out = cell ? [first + cell, indent + f.message] : [first + f.message];
  const tail = [f.basis ? (locale === 'zh' ? `依据：${f.basis}` : `basis: ${f.basis}`) : '', f.ruleId].filter(Boolean).join('  ');
  out.push(indent + paint(DIM, tail));
  for (const line of relatedLines(f, locale)) out.push(indent + paint(DIM, line));
  return out;
}

/** Formats results for a terminal or a log. */
export const formatStylish: Formatter = (results, options) => {
  const { locale, color } = options;
  const paint = (code: string, text: string): string => (color ? `${code}${text}${RESET}` : text);
  const out: string[] = [];
  for (const r of results) {
    const head = header(r, locale);
    out.push(`${paint('\u001b[1m', r.file)}${head ? `  ${head}` : ''}`);
    if (r.findings.length === 0) out.push(`  ${locale === 'zh' ? '没有发现问题' : 'no problems found'}`);
    const placeWidth = Math.max(0, ...r.findings.map((f) => displayWidth(placeText(f.location, locale))));
    for (const f of r.findings) out.push(...findingLines(f, placeWidth, locale, paint));
    out.push('');
  }
  const s = summarize(results);
  out.push(
    locale === 'zh'
      ? `${s.errors > 0 ? '✖' : '✔'} ${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 个提示（${s.files} 个文件）`
      : `${s.errors > 0 ? '✖' : '✔'} ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos (${s.files} files)`,
  );
  return out.join('\n');
};
