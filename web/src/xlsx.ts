/**
 * The Excel download: one sheet of findings (typed cells, frozen header, filter) and one sheet
 * about the report. Loaded on demand: exceljs is the largest part of the page's code.
 */
import ExcelJS from 'exceljs';
import { summarize, type ResultEntry } from '../../src/report/types.js';
import { VERSION } from '../../src/version.js';
import { groupFindings } from './findings.js';
import { SEVERITY_ZH, valueText } from './format.js';

// Fills for the severity column, the same hues as the page and the HTML report.
const FILL = { error: 'FFFDE0DD', warning: 'FFFFF0C2', info: 'FFDCEBFB' } as const;

// Excel widths are in characters of the default font; a Chinese character takes about two.
const width = (s: string): number => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/** The workbook of one checked file, as .xlsx bytes. */
export async function findingsWorkbook(entry: ResultEntry): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `xxgk-lint ${VERSION}`;
  workbook.created = new Date();

  const groupOf = new Map<number, string>();
  for (const g of groupFindings(entry.findings, entry.report)) for (const i of g.findings) groupOf.set(i, g.title);
  const sheet = workbook.addWorksheet('问题', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns: [string, number][] = [
    ['序号', 6], ['严重程度', 9], ['页', 5], ['行', 6], ['所在部分', 22], ['表格', 12], ['行项目', 24], ['列', 14],
    ['问题', 70], ['应为', 10], ['实际', 10], ['依据', 40], ['规则', 26],
  ];
  sheet.columns = columns.map(([header, w], i) => ({ header, key: `c${i}`, width: w }));
  sheet.getRow(1).font = { bold: true };
  entry.findings.forEach((f, i) => {
    const l = f.location;
    const row = sheet.addRow([
      i + 1, SEVERITY_ZH[f.severity], l.page ?? null, l.line, groupOf.get(i) ?? '', l.tableLabel ?? '', l.rowLabel ?? '', l.colLabel ?? '',
      f.message, f.expected ?? null, f.actual === undefined ? null : typeof f.actual === 'number' ? f.actual : valueText(f.actual), f.basis ?? '', f.ruleId,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[f.severity] } };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  const meta = entry.report?.meta;
  const counts = summarize([entry]);
  const about = workbook.addWorksheet('报告');
  const facts: [string, string | number][] = [
    ['文件', entry.file],
    ['标题', meta?.title?.text ?? '（未找到）'],
    ['机关', meta?.agency?.name ?? '（未找到）'],
    ['年度', meta?.year ?? '（未知）'],
    ['格式', meta?.edition ? `${meta.edition} 版` : '（未知）'],
    ['发布日期', meta?.publishedAt?.iso ?? '（未找到）'],
    ['错误', counts.errors],
    ['警告', counts.warnings],
    ['提示', counts.infos],
    ['检查工具', `xxgk-lint ${VERSION}（网页版，在浏览器中检查）`],
    ['检查时间', new Date().toLocaleString('zh-CN')],
  ];
  for (const fact of facts) about.addRow(fact);
  about.getColumn(1).font = { bold: true };
  about.getColumn(1).width = 10;
  about.getColumn(2).width = Math.min(80, Math.max(20, ...facts.map(([, v]) => width(String(v)) + 2)));
  return workbook.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}
