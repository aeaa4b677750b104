/**
 * The default readable output, in Chinese (or English): grouped by file, each finding with where
 * it is (page or line, table, row, column), what is wrong, the rule it rests on, and its id.
 */
import type { Finding } from '../model/finding.js';
import { summarize, type Formatter } from './types.js';

const SEVERITY = { zh: { error: '错误', warning: '警告', info: '提示' }, en: { error: 'error', warning: 'warning', info: 'info' } } as const;
const COLORS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m' } as const;
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

function where(f: Finding, locale: 'zh' | 'en'): string {
  const l = f.location;
  if (locale === 'en') return l.page !== undefined ? `p.${l.page} l.${l.line}` : `line ${l.line}`;
  return l.page !== undefined ? `第${l.page}页 第${l.line}行` : `第${l.line}行`;
}

/** Formats results for a terminal or a log. */
export const formatStylish: Formatter = (results, options) => {
  const { locale, color } = options;
  const paint = (code: string, text: string): string => (color ? `${code}${text}${RESET}` : text);
  const out: string[] = [];
  for (const r of results) {
    const meta = r.report?.meta;
    const edition = meta?.edition ? (locale === 'zh' ? `${meta.edition} 版格式` : `${meta.edition} format`) : locale === 'zh' ? '版本未知' : 'format unknown';
    const head = [meta?.agency?.name, meta?.year ? (locale === 'zh' ? `${meta.year} 年度` : String(meta.year)) : null, edition].filter(Boolean).join(' · ');
    out.push(`${paint('\u001b[1m', r.file)}  ${head}`);
    if (r.findings.length === 0) out.push(`  ${locale === 'zh' ? '没有发现问题' : 'no problems found'}`);
    for (const f of r.findings) {
      const sev = paint(COLORS[f.severity], SEVERITY[locale][f.severity].padEnd(locale === 'zh' ? 2 : 7));
      out.push(`  ${where(f, locale).padEnd(locale === 'zh' ? 12 : 12)} ${sev}  ${f.message}`);
      const tail = [f.basis ? (locale === 'zh' ? `依据：${f.basis}` : `basis: ${f.basis}`) : '', f.ruleId].filter(Boolean).join('  ');
      out.push(`  ${' '.repeat(12)} ${paint(DIM, tail)}`);
    }
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
