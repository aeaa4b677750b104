/**
 * Where `extract` rows go as files are read: a CSV file written line by line, or an XLSX file
 * through exceljs's streaming writer (rows are committed and leave memory). Node only.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { CSV_BOM, csvLine } from '../summary/csv.js';
import { EXTRACT_COLUMNS, EXTRACT_WIDTHS, type ExtractRow } from './rows.js';

/** Receives rows, then is closed once. */
export interface RowSink {
  write(rows: readonly ExtractRow[]): Promise<void>;
  close(): Promise<void>;
  /** Rows written so far. */
  readonly count: number;
}

/** A CSV file (UTF-8 with BOM, RFC 4180, formula-like text defused) with the given header. */
export function csvSink(file: string, header: readonly string[]): RowSink {
  const fd = openSync(file, 'w');
  writeSync(fd, CSV_BOM + csvLine(header));
  let count = 0;
  return {
    get count() {
      return count;
    },
    async write(rows) {
      if (rows.length === 0) return;
      writeSync(fd, rows.map((r) => csvLine(EXTRACT_COLUMNS.map((c) => r[c]))).join(''));
      count += rows.length;
    },
    async close() {
      closeSync(fd);
    },
  };
}

// An Excel sheet holds 1,048,576 rows; a big batch continues on a new sheet.
const SHEET_ROWS = 1_048_575;

/** An XLSX file written as a stream: header bold and frozen, filter, widths; new sheet when full. */
export function xlsxSink(file: string, header: readonly string[], sheetName: string): RowSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  let sheet: ExcelJS.Worksheet | null = null;
  let sheets = 0;
  let inSheet = 0;
  let count = 0;
  const open = (): ExcelJS.Worksheet => {
    sheets++;
    const ws = workbook.addWorksheet(sheets === 1 ? sheetName : `${sheetName} ${sheets}`, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    ws.columns = EXTRACT_COLUMNS.map((c, i) => ({ header: header[i] ?? c, key: c, width: EXTRACT_WIDTHS[c] }));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXTRACT_COLUMNS.length } };
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.commit();
    inSheet = 0;
    return ws;
  };
  return {
    get count() {
      return count;
    },
    async write(rows) {
      for (const row of rows) {
        if (!sheet || inSheet >= SHEET_ROWS) {
          if (sheet) sheet.commit();
          sheet = open();
        }
        sheet.addRow(EXTRACT_COLUMNS.map((c) => row[c])).commit();
        inSheet++;
        count++;
      }
    },
    async close() {
      (sheet ?? open()).commit();
      await workbook.commit();
    },
  };
}
