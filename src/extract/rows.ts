/**
 * `extract`: the canonical tables of a report as rows of one long table, one row per cell
 * (file, agency, year, edition, table, row, column, cell id, raw text, state, value, unit,
 * page/line). A file that was not checked, or has no canonical table, still gets one row that
 * says why, so every input is accounted for. Pure and browser-safe.
 */
import type { BatchRecord, FileStatus } from '../batch/types.js';
import type { Cell, Report, TableInstance } from '../model/report.js';
import { tableLabels } from './labels.js';

/** The columns of the long table, in order (stable keys; headers are localised). */
export const EXTRACT_COLUMNS = [
  'file', 'agency', 'year', 'edition', 'table', 'tableLabel', 'row', 'rowLabel', 'col', 'colLabel', 'cell', 'raw', 'state', 'value', 'unit', 'page', 'line', 'status', 'note',
] as const;

/** A column key. */
export type ExtractColumn = (typeof EXTRACT_COLUMNS)[number];

/** One row: a cell of a report, or a file without cells. */
export type ExtractRow = Record<ExtractColumn, string | number | null>;

const HEADERS: Record<'zh' | 'en', Record<ExtractColumn, string>> = {
  zh: {
    file: '文件', agency: '机关', year: '年度', edition: '版本', table: '表格编号', tableLabel: '表格名称', row: '行编号', rowLabel: '行名称', col: '列编号', colLabel: '列名称',
    cell: '单元格编号', raw: '原文', state: '单元格状态', value: '数值', unit: '单位', page: '页码', line: '行号', status: '文件状态', note: '说明',
  },
  en: Object.fromEntries(EXTRACT_COLUMNS.map((c) => [c, c])) as Record<ExtractColumn, string>,
};

/** The header row in a locale. */
export function extractHeader(locale: 'zh' | 'en'): string[] {
  return EXTRACT_COLUMNS.map((c) => HEADERS[locale][c]);
}

/** Widths (characters) for spreadsheet columns. */
export const EXTRACT_WIDTHS: Readonly<Record<ExtractColumn, number>> = {
  file: 40, agency: 26, year: 7, edition: 8, table: 10, tableLabel: 30, row: 14, rowLabel: 40, col: 12, colLabel: 18, cell: 26, raw: 12, state: 10, value: 10, unit: 8, page: 6, line: 7, status: 12, note: 40,
};

// A unit the column label states, e.g. 本年收费金额（单位：万元）.
const unitInLabel = (label: string): string | undefined => /单位[:：]\s*([^）)]+)/.exec(label)?.[1];

function cellRows(table: TableInstance, base: Pick<ExtractRow, 'file' | 'agency' | 'year' | 'edition' | 'status'>): ExtractRow[] {
  const labels = tableLabels(table);
  const rowOrder = new Map(table.rows.map((r, i) => [r, i]));
  const cells = Object.values(table.cells).sort((a, b) => rank(a) - rank(b) || labels.col(a.col).order - labels.col(b.col).order || a.id.localeCompare(b.id));
  function rank(c: Cell): number {
    return rowOrder.get(c.row) ?? table.rows.length + labels.row(c.row).order;
  }
  return cells.map((cell) => {
    const row = labels.row(cell.row);
    const col = labels.col(cell.col);
    return {
      ...base, table: table.id, tableLabel: table.label, row: cell.row, rowLabel: row.label, col: cell.col, colLabel: col.label, cell: cell.id,
      raw: cell.raw, state: cell.state, value: cell.value, unit: cell.unit ?? row.unit ?? unitInLabel(col.label) ?? null,
      page: cell.at.page ?? null, line: cell.at.line, note: null,
    };
  });
}

/**
 * The rows of one file: its record (status, agency, year, edition) and, for a checked file,
 * its report's tables in report order, each cell in the format's row and column order.
 */
export function extractRows(record: Pick<BatchRecord, 'file' | 'status' | 'statusReason' | 'agency' | 'year' | 'edition'>, report: Report | null, noTables = '没有找到统计表格'): ExtractRow[] {
  const base = { file: record.file, agency: record.agency, year: record.year, edition: record.edition, status: record.status as FileStatus };
  const empty = (note: string | null): ExtractRow => ({
    ...base, table: null, tableLabel: null, row: null, rowLabel: null, col: null, colLabel: null, cell: null, raw: null, state: null, value: null, unit: null, page: null, line: null, note,
  });
  if (record.status !== 'checked' || !report) return [empty(record.statusReason ?? null)];
  const tables = Object.values(report.tables).sort((a, b) => a.at.line - b.at.line || a.id.localeCompare(b.id));
  const rows = tables.flatMap((t) => cellRows(t, base));
  return rows.length ? rows : [empty(noTables)];
}
