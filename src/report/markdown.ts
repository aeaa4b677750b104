/**
 * A Markdown report, for a pull-request comment, a CI job summary or a file to send on: totals,
 * then per file its metadata and a table of findings. Chinese by default, English with `en`.
 */
import type { Finding } from '../model/finding.js';
import { placeText, relatedLines } from './where.js';
import { summarize, type Formatter, type ResultEntry } from './types.js';

const TEXT = {
  zh: {
    title: '政府信息公开工作年度报告检查结果',
    total: (errors: number, warnings: number, infos: number, files: number) => `共检查 ${files} 个文件：${errors} 个错误，${warnings} 个警告，${infos} 个提示。`,
    overview: ['文件', '错误', '警告', '提示'],
    columns: ['位置', '严重程度', '表格/行/列', '问题', '应为', '实际', '规则'],
    severity: { error: '错误', warning: '警告', info: '提示' },
    clean: '没有发现问题。',
    year: (y: number) => `${y} 年度`,
    edition: (e: string) => `${e} 版格式`,
    unknownEdition: '版本未知',
    basis: '依据：',
    blank: '（空）',
    status: { unreadable: '无法读取', 'not-a-report': '不是年度报告', duplicate: '重复文件', missing: '清单中有，但未找到' } as Record<string, string>,
    statusLabel: '状态：',
  },
  en: {
    title: 'Government information disclosure annual report check',
    total: (errors: number, warnings: number, infos: number, files: number) => `${files} files checked: ${errors} errors, ${warnings} warnings, ${infos} infos.`,
    overview: ['File', 'Errors', 'Warnings', 'Infos'],
    columns: ['Location', 'Severity', 'Table/row/column', 'Problem', 'Expected', 'Actual', 'Rule'],
    severity: { error: 'error', warning: 'warning', info: 'info' },
    clean: 'No problems found.',
    year: (y: number) => String(y),
    edition: (e: string) => `${e} format`,
    unknownEdition: 'format unknown',
    basis: 'Basis: ',
    blank: '(blank)',
    status: { unreadable: 'unreadable', 'not-a-report': 'not a report', duplicate: 'duplicate', missing: 'missing' } as Record<string, string>,
    statusLabel: 'Status: ',
  },
} as const;

type Text = (typeof TEXT)['zh' | 'en'];

/**
 * Escapes text for Markdown (inside a table cell too): backslash-escapes the characters that
 * start emphasis, code, links, strikethrough or end a cell (`|`), writes `&` and `<` as entities
 * so no HTML or entity is read into it, and turns line breaks into `<br>` — a raw newline would
 * end the table row.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/[\\`*_[\]~|>#]/g, (c) => `\\${c}`)
    .replace(/\r\n?|\n/g, '<br>');
}

/** A code span for an id or a path: a fence longer than any backtick run inside; `|` escaped for tables. */
export function codeSpan(s: string): string {
  const flat = s.replace(/\r\n?|\n/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  // GFM splits table rows on `|` before reading code spans, so it must be escaped even here.
  return `${fence}${pad}${flat.replace(/\|/g, '\\|')}${pad}${fence}`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}


function value(v: string | number | null | undefined, t: Text): string {
  if (v === undefined) return '';
  return v === null || v === '' ? t.blank : escapeMarkdown(String(v));
}

function findingRow(f: Finding, t: Text, locale: 'zh' | 'en'): string {
  const l = f.location;
  const cell = [l.tableLabel ?? l.table, l.rowLabel ?? l.row, l.colLabel ?? l.col].filter((s) => s !== undefined);
  const place = cell.length ? cell.join(' / ') : (l.section ?? '');
  // The basis (the clause of the format that requires it) goes with the problem: it is what a
  // clerk needs to judge the finding.
  const problem = escapeMarkdown(f.message) + (f.basis ? `<br>${escapeMarkdown(t.basis + f.basis)}` : '') + relatedLines(f, locale).map((line) => `<br>${escapeMarkdown(line)}`).join('');
  return row([escapeMarkdown(placeText(l, locale)), t.severity[f.severity], escapeMarkdown(place), problem, value(f.expected, t), value(f.actual, t), codeSpan(f.ruleId)]);
}

function heading(r: ResultEntry, t: Text): string {
  const meta = r.report?.meta;
  const parts = [
    codeSpan(r.file),
    meta?.agency?.name !== undefined ? escapeMarkdown(meta.agency.name) : undefined,
    typeof meta?.year === 'number' ? t.year(meta.year) : undefined,
    // An entry without a report (a file not found, a waiver file) has no edition to speak of.
    r.report ? (meta?.edition ? t.edition(meta.edition) : t.unknownEdition) : undefined,
  ].filter((s) => s !== undefined);
  return `## ${parts.join(' · ')}`;
}

function section(r: ResultEntry, t: Text, locale: 'zh' | 'en'): string[] {
  const out = [heading(r, t), ''];
  if (r.status !== undefined && r.status !== 'checked') out.push(`${t.statusLabel}${escapeMarkdown(t.status[r.status] ?? r.status)}`, '');
  if (r.findings.length === 0) {
    out.push(t.clean, '');
    return out;
  }
  out.push(row(t.columns), row(t.columns.map(() => '---')), ...r.findings.map((f) => findingRow(f, t, locale)), '');
  return out;
}

/**
 * Formats results as a Markdown report: a title, the totals and a table of counts per file, then
 * per file a heading (path · agency · year · edition), its status when it was not checked, and a
 * table of findings — location, severity, table/row/column, problem (with its basis), expected,
 * actual, rule — or "没有发现问题" when it has none. Cell text is escaped, so `|` and line breaks
 * in messages cannot break the table.
 */
export const formatMarkdown: Formatter = (results, options) => {
  const t = TEXT[options.locale];
  const s = summarize(results);
  const count = (r: ResultEntry, sev: Finding['severity']): string => String(r.findings.filter((f) => f.severity === sev).length);
  const out = [`# ${t.title}`, '', t.total(s.errors, s.warnings, s.infos, s.files), ''];
  if (results.length > 0) {
    out.push(row(t.overview), row(['---', '---:', '---:', '---:']));
    for (const r of results) out.push(row([codeSpan(r.file), count(r, 'error'), count(r, 'warning'), count(r, 'info')]));
    out.push('');
  }
  for (const r of results) out.push(...section(r, t, options.locale));
  out.push(`<sub>xxgk-lint ${escapeMarkdown(options.version)}</sub>`);
  return out.join('\n');
};
