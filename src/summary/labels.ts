/** The words of the summary in Chinese and English, shared by every renderer. */
import type { FileStatus } from '../batch/types.js';

/** A summary's language. */
export type Locale = 'zh' | 'en';

const ZH = {
  title: '政府信息公开工作年度报告检查汇总',
  generated: '生成时间',
  version: '检查工具版本',
  interrupted: '检查被中断：只汇总了已检查的文件，缺报名单不完整',
  overview: '概览',
  byRule: '按规则',
  byAgency: '按机关',
  byYear: '按年度',
  missing: '缺报',
  files: '文件',
  statuses: '文件状态',
  noMissing: '清单中的报告都已找到（或未提供清单）',
  noFindings: '没有发现问题',
  inputFiles: '输入文件',
  agencies: '机关数',
  rules: '涉及规则数',
  error: '错误',
  warning: '警告',
  info: '提示',
  total: '合计',
  count: '数量',
  item: '项目',
  rank: '排名',
  agency: '机关',
  region: '地区',
  parent: '上级机关',
  year: '年度',
  years: '年度',
  edition: '版本',
  publishedAt: '发布日期',
  file: '文件',
  fileCount: '文件数',
  missingCount: '缺报',
  checked: '已检查',
  status: '状态',
  reason: '说明',
  rule: '规则',
  description: '规则说明',
  ruleFiles: '涉及文件',
  unknownAgency: '（未识别机关）',
  unknownYear: '未识别',
  chartRules: '各规则发现的错误数',
  chartRulesDesc: (n: number, shown: number): string => `横向条形图：${n} 条规则有错误${shown < n ? `，图中显示错误最多的 ${shown} 条` : ''}；条越长错误越多。数据见图下的表格。`,
  chartAgencies: (n: number): string => `错误最多的 ${n} 个机关`,
  chartAgenciesDesc: (n: number, shown: number): string => `横向条形图：${n} 个机关有错误，图中显示错误最多的 ${shown} 个；条越长错误越多。数据见图下的表格。`,
  charts: '图表',
  chartData: '图表数据',
  noErrors: '没有错误，无需作图。',
  sheetOverview: '概览',
  sheetRules: '按规则',
  sheetAgencies: '按机关',
  sheetYears: '按年度',
  sheetMissing: '缺报',
  sheetFiles: '文件',
  section: '类别',
  key: '键',
  label: '名称或说明',
  note: '备注',
};

const EN: typeof ZH = {
  title: 'Annual report check summary',
  generated: 'Generated',
  version: 'Checker version',
  interrupted: 'The run was interrupted: only the files checked are summarised and the list of missing reports is incomplete',
  overview: 'Overview',
  byRule: 'By rule',
  byAgency: 'By agency',
  byYear: 'By year',
  missing: 'Missing reports',
  files: 'Files',
  statuses: 'File statuses',
  noMissing: 'Every report in the manifest was found (or no manifest was given)',
  noFindings: 'No problems found',
  inputFiles: 'Input files',
  agencies: 'Agencies',
  rules: 'Rules with findings',
  error: 'Errors',
  warning: 'Warnings',
  info: 'Infos',
  total: 'Total',
  count: 'Count',
  item: 'Item',
  rank: 'Rank',
  agency: 'Agency',
  region: 'Region',
  parent: 'Parent agency',
  year: 'Year',
  years: 'Years',
  edition: 'Edition',
  publishedAt: 'Published',
  file: 'File',
  fileCount: 'Files',
  missingCount: 'Missing',
  checked: 'Checked',
  status: 'Status',
  reason: 'Note',
  rule: 'Rule',
  description: 'Description',
  ruleFiles: 'Files affected',
  unknownAgency: '(agency not identified)',
  unknownYear: 'unknown',
  chartRules: 'Errors per rule',
  chartRulesDesc: (n: number, shown: number): string => `Horizontal bar chart: ${n} rules have errors${shown < n ? `; the ${shown} with most errors are drawn` : ''}; longer bars mean more errors. The data is in the table below the chart.`,
  chartAgencies: (n: number): string => `Top ${n} agencies by errors`,
  chartAgenciesDesc: (n: number, shown: number): string => `Horizontal bar chart: ${n} agencies have errors; the ${shown} with most errors are drawn; longer bars mean more errors. The data is in the table below the chart.`,
  charts: 'Charts',
  chartData: 'Chart data',
  noErrors: 'No errors: nothing to chart.',
  sheetOverview: 'Overview',
  sheetRules: 'By rule',
  sheetAgencies: 'By agency',
  sheetYears: 'By year',
  sheetMissing: 'Missing',
  sheetFiles: 'Files',
  section: 'section',
  key: 'key',
  label: 'label',
  note: 'note',
};

/** The words of a locale. */
export function words(locale: Locale): typeof ZH {
  return locale === 'en' ? EN : ZH;
}

const STATUS: Record<Locale, Record<FileStatus, string>> = {
  zh: { checked: '已检查', unreadable: '无法读取', 'not-a-report': '不是年度报告', duplicate: '重复文件', missing: '缺报' },
  en: { checked: 'checked', unreadable: 'unreadable', 'not-a-report': 'not a report', duplicate: 'duplicate', missing: 'missing' },
};

/** A file status in words. */
export function statusLabel(status: FileStatus, locale: Locale): string {
  return STATUS[locale][status];
}

/**
 * Descriptions of the finding ids the batch and the reader produce themselves (they belong to
 * no rule pack), so the per-rule table explains every line.
 */
export function builtinDescriptions(locale: Locale): Map<string, string> {
  const zh: [string, string, string][] = [
    ['batch/missing', '清单列出的报告没有找到', 'A report the manifest lists was not found'],
    ['batch/duplicate', '与另一个文件内容完全相同，未重复检查', 'Same bytes as another file; not checked again'],
    ['batch/not-a-report', '文件可以读取，但不像政府信息公开工作年度报告', 'Readable, but not an annual report'],
    ['batch/failed', '检查这个文件时出了内部错误', 'Internal error while checking the file'],
    ['ingest/not-found', '找不到文件', 'File not found'],
  ];
  return new Map(zh.map(([id, z, e]) => [id, locale === 'en' ? e : z]));
}
