/**
 * CSV output: UTF-8 with a byte-order mark (without it Excel reads Chinese as mojibake), RFC 4180
 * quoting and CRLF line ends, and text cells that a spreadsheet would run as a formula defused.
 * The summary is one long ("tidy") table with a `section` column, so it filters and pivots.
 */
import type { BatchSummary } from './aggregate.js';
import { FILE_STATUSES } from './aggregate.js';
import { statusLabel, words, type Locale } from './labels.js';
import type { CellValue } from './tables.js';
import { agencyName, yearName } from './tables.js';

/** The byte-order mark that tells Excel the file is UTF-8. */
export const CSV_BOM = '\ufeff';

// Plain numbers ("-3", "+1.5") and runs of dashes (a "-" cell) cannot be formulas; leaving them
// alone keeps raw report values as written.
const HARMLESS = /^(?:[-+]?\d+(?:\.\d+)?|-+)$/;

/**
 * One CSV field. Text starting with `=`, `+`, `-`, `@` (or a tab or carriage return, which
 * some spreadsheets skip before one of those) gets a leading `'` so it is shown, not evaluated
 * (OWASP "CSV injection"); numbers are written as numbers.
 */
export function csvField(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = /^[=+\-@\t\r]/.test(v) && !HARMLESS.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, with its CRLF. */
export function csvLine(cells: readonly CellValue[]): string {
  return cells.map(csvField).join(',') + '\r\n';
}

/** Stable keys of the summary CSV's columns (the header is in the locale's words). */
export const SUMMARY_CSV_COLUMNS = ['section', 'rank', 'key', 'label', 'agency', 'region', 'parent', 'year', 'edition', 'status', 'files', 'checked', 'missing', 'errors', 'warnings', 'infos', 'note'] as const;

type Column = (typeof SUMMARY_CSV_COLUMNS)[number];

const HEADERS: Record<Locale, Record<Column, string>> = {
  zh: { section: '类别', rank: '排名', key: '键', label: '名称或说明', agency: '机关', region: '地区', parent: '上级机关', year: '年度', edition: '版本', status: '状态', files: '文件数', checked: '已检查', missing: '缺报', errors: '错误', warnings: '警告', infos: '提示', note: '备注' },
  en: Object.fromEntries(SUMMARY_CSV_COLUMNS.map((c) => [c, c])) as Record<Column, string>,
};

const SECTIONS: Record<Locale, Record<'overview' | 'rule' | 'agency' | 'year' | 'missing' | 'same' | 'multiple' | 'file', string>> = {
  zh: { overview: '概览', rule: '规则', agency: '机关', year: '年度', missing: '缺报', same: '同一报告', multiple: '一年多份', file: '文件' },
  en: { overview: 'overview', rule: 'rule', agency: 'agency', year: 'year', missing: 'missing', same: 'same-report', multiple: 'several-per-year', file: 'file' },
};

/** The header of the summary CSV in a locale. */
export function summaryCsvHeader(locale: Locale): string[] {
  return SUMMARY_CSV_COLUMNS.map((c) => HEADERS[locale][c]);
}

/** Renders the summary as CSV text (starting with the BOM). */
export function renderSummaryCsv(summary: BatchSummary, options: { locale: Locale }): string {
  const { locale } = options;
  const w = words(locale);
  const sec = SECTIONS[locale];
  const row = (values: Partial<Record<Column, CellValue>>): string => csvLine(SUMMARY_CSV_COLUMNS.map((c) => values[c] ?? null));
  let out = CSV_BOM + csvLine(summaryCsvHeader(locale));
  const t = summary.totals;
  out += row({ section: sec.overview, key: 'files', label: w.inputFiles, files: t.files, checked: summary.statuses.checked, missing: summary.statuses.missing, errors: t.error, warnings: t.warning, infos: t.info, note: summary.interrupted ? w.interrupted : null });
  for (const st of FILE_STATUSES) out += row({ section: sec.overview, key: st, label: statusLabel(st, locale), status: statusLabel(st, locale), files: summary.statuses[st] });
  out += row({ section: sec.overview, key: 'agencies', label: w.agencies, files: t.agencies });
  for (const r of summary.rules) out += row({ section: sec.rule, key: r.ruleId, label: r.description ?? r.example, files: r.files, errors: r.error, warnings: r.warning, infos: r.info });
  for (const a of summary.agencies) {
    const name = agencyName(a.agency, locale);
    out += row({ section: sec.agency, rank: a.rank, key: name, agency: name, region: a.region, year: a.years.join(' '), files: a.files, missing: a.missing, errors: a.error, warnings: a.warning, infos: a.info, note: a.aliases.length ? `${w.aliases}: ${a.aliases.join(' ')}` : null });
  }
  for (const y of summary.years) out += row({ section: sec.year, key: yearName(y.year, locale), year: y.year, files: y.files, checked: y.checked, missing: y.missing, errors: y.error, warnings: y.warning, infos: y.info });
  for (const m of summary.missing) out += row({ section: sec.missing, key: agencyName(m.agency, locale), label: m.file, agency: m.agency, region: m.region, parent: m.parent, year: m.year, status: statusLabel('missing', locale), note: m.reason });
  for (const g of summary.sameReports) out += row({ section: sec.same, key: g.file, label: g.copies.join(' '), agency: g.agency, year: g.year, files: g.copies.length + 1 });
  for (const m of summary.multipleReports) out += row({ section: sec.multiple, key: agencyName(m.agency, locale), label: m.files.join(' '), agency: m.agency, year: m.year, files: m.files.length });
  for (const f of summary.files) {
    out += row({ section: sec.file, key: f.file, agency: f.agency, region: f.region, year: f.year, edition: f.edition, status: statusLabel(f.status, locale), errors: f.error, warnings: f.warning, infos: f.info, note: f.reason });
  }
  return out;
}
