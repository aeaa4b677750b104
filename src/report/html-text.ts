/**
 * Text helpers of the HTML report: escaping, the interface strings in Chinese and English, and
 * how a finding's place and severity are written.
 */
import type { Finding, Severity } from '../model/finding.js';
import { placeText } from './where.js';

/**
 * Escapes text for HTML element content and quoted attribute values. Reports contain `<`, `&`
 * and quotes (「<」 in labels, `&` in agency names), so every piece of report text goes through it.
 */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A place in the source: line and, for PDF input, page. */
type Place = { line: number; page?: number | undefined };

/** The interface strings of the report in one locale. */
export interface HtmlStrings {
  lang: string;
  title: string;
  severity: Record<Severity, string>;
  counts: (e: number, w: number, i: number) => string;
  files: (n: number) => string;
  agency: string;
  year: string;
  edition: string;
  published: string;
  status: string;
  unknown: string;
  notFound: string;
  yearValue: (y: number) => string;
  editionValue: (e: string) => string;
  statuses: Record<string, string>;
  findings: (n: number) => string;
  noFindings: string;
  tables: string;
  noTables: string;
  unreadableReport: string;
  where: (f: Finding) => string;
  /** The heading of the findings folded into one (`related`). */
  related: (n: number) => string;
  expected: string;
  actual: string;
  /** Separates 应为 from 实际. */
  sep: string;
  /** Follows a label: 依据：… */
  colon: string;
  /** Wraps an aside: （空）. */
  paren: (t: string) => string;
  /** A count on a header badge: 2 错误, 2 errors. */
  countBadge: (n: number, severity: Severity) => string;
  /**
   * Marks text in the format's own Chinese (labels, basis, agency) when the page is in English,
   * so screen readers switch voice; empty in Chinese pages.
   */
  zhAttr: string;
  /** The page's language, for texts made of the rules' messages (why a row is unreadable). */
  locale: 'zh' | 'en';
  basis: string;
  rule: string;
  toCell: string;
  toTable: string;
  shouldBe: (v: string) => string;
  relation: (e: string, a: string) => string;
  blank: string;
  missing: string;
  missingRow: string;
  stateTitle: Record<'blank' | 'dash' | 'na' | 'text' | 'missing', string>;
  printedAs: (s: string) => string;
  /** Where a table starts or a row is: 第4页 第98行. */
  at: (a: Place) => string;
  tableAt: (a: Place) => string;
  tableNotes: string;
  unreadableRows: string;
  legend: string;
  legendItems: { error: string; warning: string; info: string; tint: string; state: string };
  generated: (v: string) => string;
  contents: string;
  statLabel: string;
  statUnit: string;
  t2Corner: string;
  findingNo: (n: number) => string;
}

const ZH_AT = (a: Place): string => (a.page !== undefined ? `第${a.page}页 第${a.line}行` : `第${a.line}行`);
const EN_AT = (a: Place): string => (a.page !== undefined ? `p. ${a.page}, line ${a.line}` : `line ${a.line}`);

const ZH_SEVERITY: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

const ZH: HtmlStrings = {
  lang: 'zh-CN',
  title: '政府信息公开工作年度报告检查结果',
  severity: ZH_SEVERITY,
  counts: (e, w, i) => `${e} 个错误，${w} 个警告，${i} 个提示`,
  files: (n) => `${n} 个文件`,
  agency: '机关',
  year: '年度',
  edition: '格式',
  published: '发布日期',
  status: '状态',
  unknown: '未知',
  notFound: '未找到',
  yearValue: (y) => `${y} 年度`,
  editionValue: (e) => `${e} 版格式`,
  statuses: { checked: '已检查', unreadable: '无法读取', 'not-a-report': '不是年度报告', duplicate: '重复文件', missing: '文件不存在' },
  findings: (n) => `发现的问题（${n}）`,
  noFindings: '没有发现问题。',
  tables: '报告中的表格',
  noTables: '报告中没有识别出统计表格。',
  unreadableReport: '未能读取这份报告的内容，只列出问题。',
  where: (f) => (f.location.section ? `${placeText(f.location, 'zh')} · ${f.location.section}` : placeText(f.location, 'zh')),
  related: (n) => `同一问题还导致 ${n} 项`,
  expected: '应为',
  actual: '实际',
  sep: '，',
  colon: '：',
  paren: (t) => `（${t}）`,
  countBadge: (n, sev) => `${n} ${ZH_SEVERITY[sev]}`,
  zhAttr: '',
  locale: 'zh',
  basis: '依据',
  rule: '规则',
  toCell: '在表中查看',
  toTable: '查看所在表格',
  shouldBe: (v) => `→ 应为 ${v}`,
  relation: (e, a) => `（${e} ≠ ${a}）`,
  blank: '空',
  missing: '未见',
  missingRow: '报告中没有这一行',
  stateTitle: { blank: '空白：未填写', dash: '横线：填的不是数字', na: '填的是“不适用”或“无”', text: '填的是文字，不是数字', missing: '报告中没有这个单元格' },
  printedAs: (s) => `报告写作「${s}」`,
  at: ZH_AT,
  tableAt: (a) => `${ZH_AT(a)}起`,
  tableNotes: '本表的问题',
  unreadableRows: '无法读取的行',
  legend: '图例',
  legendItems: { error: '错误', warning: '警告', info: '提示', tint: '整行或整列有问题', state: '空白、横线、不适用或文字（照原样显示）' },
  generated: (v) => `由 xxgk-lint ${v} 生成`,
  contents: '文件',
  statLabel: '统计指标',
  statUnit: '计量单位',
  t2Corner: '信息内容',
  findingNo: (n) => `问题 ${n}`,
};

const EN: HtmlStrings = {
  lang: 'en',
  title: 'Government information disclosure annual report check',
  severity: { error: 'error', warning: 'warning', info: 'info' },
  counts: (e, w, i) => `${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}, ${i} ${i === 1 ? 'info' : 'infos'}`,
  files: (n) => `${n} ${n === 1 ? 'file' : 'files'}`,
  agency: 'Agency',
  year: 'Year',
  edition: 'Format',
  published: 'Published',
  status: 'Status',
  unknown: 'unknown',
  notFound: 'not found',
  yearValue: (y) => String(y),
  editionValue: (e) => `${e} format`,
  statuses: { checked: 'checked', unreadable: 'unreadable', 'not-a-report': 'not an annual report', duplicate: 'duplicate', missing: 'missing' },
  findings: (n) => `Findings (${n})`,
  noFindings: 'No problems found.',
  tables: 'Tables in the report',
  noTables: 'No statistical tables were recognised in the report.',
  unreadableReport: 'The report could not be read; only its findings are listed.',
  where: (f) => (f.location.section ? `${placeText(f.location, 'en')} · ${f.location.section}` : placeText(f.location, 'en')),
  related: (n) => `${n} more finding${n > 1 ? 's' : ''} from the same problem`,
  expected: 'expected',
  actual: 'actual',
  sep: ', ',
  colon: ': ',
  paren: (t) => `(${t})`,
  countBadge: (n, sev) => `${n} ${sev}${n === 1 ? '' : 's'}`,
  zhAttr: ' lang="zh-CN"',
  locale: 'en',
  basis: 'basis',
  rule: 'rule',
  toCell: 'show in table',
  toTable: 'show table',
  shouldBe: (v) => `→ expected ${v}`,
  relation: (e, a) => `(${e} ≠ ${a})`,
  blank: 'blank',
  missing: 'absent',
  missingRow: 'the report has no such row',
  stateTitle: { blank: 'blank: nothing written', dash: 'a dash, not a number', na: '“not applicable” or “none” written', text: 'words, not a number', missing: 'the report has no such cell' },
  printedAs: (s) => `printed as 「${s}」`,
  at: EN_AT,
  tableAt: (a) => `from ${EN_AT(a)}`,
  tableNotes: 'Findings about this table',
  unreadableRows: 'Unreadable rows',
  legend: 'Legend',
  legendItems: { error: 'error', warning: 'warning', info: 'info', tint: 'the whole row or column has a finding', state: 'blank, dash, n/a or words (shown as written)' },
  generated: (v) => `Generated by xxgk-lint ${v}`,
  contents: 'Files',
  statLabel: 'Indicator',
  statUnit: 'Unit',
  t2Corner: '信息内容',
  findingNo: (n) => `finding ${n}`,
};

/** The strings for a locale. */
export function stringsFor(locale: 'zh' | 'en'): HtmlStrings {
  return locale === 'en' ? EN : ZH;
}

/** Severities, most serious first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The most serious severity among the given findings. */
export function worst(findings: readonly Finding[]): Severity {
  for (const s of SEVERITIES) if (findings.some((f) => f.severity === s)) return s;
  return 'info';
}
