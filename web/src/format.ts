/** Words and small formatting helpers shared by the page's views (Chinese, like the CLI). */
import type { Finding, Severity } from '../../src/model/finding.js';

/** Severity names as the CLI prints them. */
export const SEVERITY_ZH: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };

/** Severities, most serious first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Where a finding is in the text view: 第4页 第102行, or 第12行. */
export function whereText(f: Finding): string {
  return f.location.page !== undefined ? `第${f.location.page}页 第${f.location.line}行` : `第${f.location.line}行`;
}

/** What part of a table a finding is about: 表四「行政复议」「总计」, or '' outside tables. */
export function placeText(f: Finding): string {
  const l = f.location;
  if (!l.table) return '';
  return [l.tableLabel ?? l.table, l.rowLabel ? `「${l.rowLabel}」` : '', l.colLabel ? `「${l.colLabel}」` : ''].join('');
}

/** A value as the report would print it (blank for null, which means the cell was left empty). */
export function valueText(v: Finding['actual']): string {
  return v === null || v === undefined || v === '' ? '（空）' : String(v);
}

/** The DOM id of a line in the text view. */
export function lineDomId(line: number): string {
  return `src-line-${line}`;
}
