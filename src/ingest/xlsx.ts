/**
 * An Excel workbook (.xlsx) holding a report's 统计表 → lines: per worksheet, its name as a
 * paragraph line, then one TAB-separated line per row (a merged cell's text at its top-left
 * position, the cells it covers empty), the layout the .docx reader gives tables. Used for a
 * workbook attached beside a report (attachments.ts), never as a report on its own.
 */
import type { IngestProblem, SourceLine, SourceText } from '../model/source.js';
import type { IngestLimits } from './limits.js';
import { checkZipBomb, DocxError, readZipDirectory } from './zip.js';

/** The text of a worksheet cell as a CSV would hold it (numbers, dates, rich text, formula results). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
  if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
  if (v.result !== undefined) return cellText(v.result);
  if (v.text !== undefined) return cellText(v.text);
  return '';
}

function failed(message: string, messageEn: string, id = 'ingest/unreadable'): SourceText {
  const problem: IngestProblem = { id, message, messageEn, severity: 'error' };
  return { lines: [], kind: 'unknown', meta: {}, problems: [problem] };
}

/** Reads every worksheet of an .xlsx as table lines. Never throws. */
export async function ingestXlsx(bytes: Uint8Array, limits: IngestLimits): Promise<SourceText> {
  if (bytes.length > limits.maxFileBytes) {
    return failed(`Excel 文件大小 ${bytes.length} 字节，超过上限 ${limits.maxFileBytes} 字节，未读取。`,
      `The Excel file is ${bytes.length} bytes, over the ${limits.maxFileBytes}-byte limit; not read.`, 'ingest/too-large');
  }
  try {
    // The same zip-bomb check as for .docx, before exceljs inflates anything.
    const bomb = checkZipBomb(readZipDirectory(bytes), limits.maxDocxUncompressedBytes);
    if (bomb !== undefined) return { lines: [], kind: 'unknown', meta: {}, problems: [bomb] };
    // exceljs is large: loaded only when a workbook is read.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const lines: SourceLine[] = [];
    workbook.worksheets.forEach((sheet, s) => {
      const rows: string[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row, number) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          // A merged range's other cells repeat the master's value in exceljs: empty, as in .docx.
          const covered = cell.isMerged && cell.master.address !== cell.address;
          cells[column - 1] = covered ? '' : cellText(cell.value).replace(/[\t\r\n]+/g, ' ').trim();
        });
        rows[number - 1] = Array.from(cells, (c) => c ?? '');
      });
      const width = Math.max(0, ...rows.map((r) => r?.length ?? 0));
      const filled = Array.from(rows, (r) => r ?? []).filter((r) => r.some((c) => c !== ''));
      if (filled.length === 0) return;
      lines.push({ text: sheet.name, origin: { line: lines.length + 1, paragraph: s + 1 } });
      filled.forEach((row, r) => {
        const padded = Array.from({ length: width }, (_, i) => row[i] ?? '');
        lines.push({ text: padded.join('\t'), origin: { line: lines.length + 1, tableIndex: s + 1, tableRow: r + 1 } });
      });
    });
    if (lines.length > limits.maxLines) lines.length = limits.maxLines;
    return { lines, kind: 'unknown', meta: {}, problems: [] };
  } catch (error) {
    if (error instanceof DocxError) return { lines: [], kind: 'unknown', meta: {}, problems: [error.problem] };
    const detail = error instanceof Error ? error.message : String(error);
    return failed(`Excel 文件无法读取（${detail}）。请用 Excel 或 WPS 重新保存为 .xlsx。`, `The Excel file could not be read (${detail}). Save it again as .xlsx.`);
  }
}
