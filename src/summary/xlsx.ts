/**
 * The summary as an Excel workbook (exceljs): one sheet per table (概览, 按规则, 按机关, 按年度,
 * 缺报, 同一报告, 一年多份, 文件), header row bold and frozen with a filter, columns sized for their content. Cells
 * are typed (counts as numbers, everything else as text), so nothing is ever read as a formula.
 */
import ExcelJS from 'exceljs';
import type { BatchSummary } from './aggregate.js';
import { localTimestamp } from './time.js';
import { words, type Locale } from './labels.js';
import { summaryTables, type CellValue, type SummaryTable, type TableId } from './tables.js';

const SHEET: Record<TableId, 'sheetOverview' | 'sheetRules' | 'sheetAgencies' | 'sheetYears' | 'sheetMissing' | 'sheetSame' | 'sheetMultiple' | 'sheetFiles'> = {
  overview: 'sheetOverview', rules: 'sheetRules', agencies: 'sheetAgencies', years: 'sheetYears', missing: 'sheetMissing', same: 'sheetSame', multiple: 'sheetMultiple', files: 'sheetFiles',
};

/** Adds one table as a sheet: bold frozen header, auto filter, widths from the content. */
export function addTableSheet(workbook: ExcelJS.Workbook, name: string, table: Pick<SummaryTable, 'columns' | 'rows'>): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => ({ header: c.label, key: `c${i}`, width: columnWidth(c.label, c.width, table.rows.map((r) => r[i] ?? null)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((v) => v ?? null));
  table.columns.forEach((c, i) => {
    if (c.numeric) sheet.getColumn(i + 1).alignment = { horizontal: 'right' };
  });
  if (table.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return sheet;
}

// Excel widths are in characters of the default font; a Chinese character takes about two.
function columnWidth(label: string, hint: number, values: readonly CellValue[]): number {
  const width = (s: string): number => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  let max = width(label) + 2;
  for (const v of values.slice(0, 2000)) if (v !== null) max = Math.max(max, width(String(v)) + 1);
  return Math.min(Math.max(max, 6), Math.max(hint, 12), 80);
}

/** Renders the summary as an .xlsx file's bytes. */
export async function renderSummaryXlsx(summary: BatchSummary, options: { locale: Locale }): Promise<Uint8Array> {
  const w = words(options.locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'xxgk-lint';
  if (summary.generatedAt) workbook.created = new Date(summary.generatedAt);
  for (const table of summaryTables(summary, options.locale, 'all')) {
    const rows = table.id === 'overview'
      ? [...table.rows, ...(summary.generatedAt ? [[w.generated, localTimestamp(summary.generatedAt, summary.timeZone ?? undefined)]] : []), ...(summary.tool.version ? [[w.version, summary.tool.version]] : []), ...(summary.interrupted ? [[w.interrupted, null]] : [])]
      : table.rows;
    addTableSheet(workbook, w[SHEET[table.id]], { columns: table.columns, rows });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
