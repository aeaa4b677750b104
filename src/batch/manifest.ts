/**
 * The optional manifest of a batch: which reports are expected (agency, region, parent, year,
 * file), as CSV (with a header row), an Excel workbook (.xlsx, first sheet, header row) or YAML
 * (a list). Its bytes are decoded like reports: UTF-8 with or without BOM, or GBK/GB18030 as
 * Excel and WPS save CSV on Chinese Windows. Errors are located.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from '../zod.js';
import type { LoadError } from '../engine/load.js';
import type { ManifestEntry } from './types.js';
import { decodeText } from '../ingest/text.js';
import { cellText } from '../ingest/xlsx.js';
import { located, readYaml, zodErrors, type YamlPath, type YamlSource } from '../yaml-source.js';

/** One row of a table-shaped manifest (CSV or a worksheet): its cells and the line (row) it starts on. */
interface ManifestRow {
  cells: string[];
  line: number;
}

const EntrySchema = z.strictObject({
  agency: z.string().trim().min(1, { error: 'agency（机关名称）不能为空' }),
  region: z.string().optional(),
  parent: z.string().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  file: z.string().optional(),
  url: z.string().optional(),
});

const HEADER_ALIASES: Record<string, keyof z.infer<typeof EntrySchema>> = {
  agency: 'agency', 机关: 'agency', 单位: 'agency', 机关名称: 'agency',
  region: 'region', 地区: 'region', 区域: 'region',
  parent: 'parent', 上级: 'parent', 汇总单位: 'parent',
  year: 'year', 年度: 'year',
  file: 'file', 文件: 'file',
  url: 'url', 网址: 'url', 链接: 'url',
};

/** Where manifests are described, the hint when no other fits. */
const MANIFEST_DOCS = { zh: '清单的写法见 README 的“Many reports at once”一节：每项有 agency，可选 region、parent、year、file、url', en: 'see the "Many reports at once" section of the README: each entry has agency, and optionally region, parent, year, file, url' };

/** Where a manifest entry was written: a table row (line only), or an item of a YAML list. */
type EntryPlace = { line: number } | { source: YamlSource; path: YamlPath };

/** Validates one manifest entry; it goes to `entries`, or its problems to `errors`. */
function addEntry(raw: unknown, place: EntryPlace, file: string, entries: ManifestEntry[], errors: LoadError[]): void {
  const line = 'line' in place ? place.line : place.source.at(place.path).line;
  const result = EntrySchema.safeParse(raw);
  if (!result.success) {
    if ('source' in place) errors.push(...zodErrors(place.source, result.error.issues, { base: place.path, data: raw, docs: MANIFEST_DOCS, rootName: '(项)' }));
    else for (const issue of result.error.issues) errors.push({ file, line, column: 1, message: `${issue.path.join('.') || '(行)'}：${issue.message}` });
    return;
  }
  const e = result.data;
  entries.push({ agency: e.agency, line, ...(e.region ? { region: e.region } : {}), ...(e.parent ? { parent: e.parent } : {}), ...(e.year !== undefined ? { year: e.year } : {}), ...(e.file ? { file: e.file } : {}), ...(e.url ? { url: e.url } : {}) });
}

/** Reads a YAML manifest: a list of entries, or `reports:` and a list. */
function loadManifestYaml(text: string, file: string): { entries: ManifestEntry[]; errors: LoadError[] } {
  const entries: ManifestEntry[] = [];
  const { source, errors } = readYaml(text, file, { what: { zh: '清单', en: 'manifest' }, emptyHint: { zh: '写一个列表，每项一个机关：- agency: 某县人民政府', en: 'write a list with one agency per item: - agency: …' } });
  if (!source) return { entries, errors };
  const value = source.value;
  const base: YamlPath = Array.isArray(value) ? [] : ['reports'];
  const list = Array.isArray(value) ? value : value !== null && typeof value === 'object' ? (value as { reports?: unknown }).reports : undefined;
  if (!Array.isArray(list)) {
    return { entries, errors: [located(file, source.at(base), '清单应为一个列表（或 reports: 列表）', '每项一个机关：- agency: 某县人民政府', 'a manifest is a list (or reports: and a list)', 'one agency per item: - agency: …')] };
  }
  list.forEach((item, i) => addEntry(item, { source, path: [...base, i] }, file, entries, errors));
  return { entries, errors };
}

/** Reads a manifest's text (CSV, or YAML for a .yaml/.yml file name). */
export function loadManifestText(text: string, file: string): { entries: ManifestEntry[]; errors: LoadError[] } {
  if (/\.ya?ml$/i.test(file)) return loadManifestYaml(text, file);
  const entries: ManifestEntry[] = [];
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    // csv-parse handles RFC 4180 quoting (quoted commas, doubled quotes, line breaks in quotes);
    // `info` gives the line each record ends on; its raw text tells how many lines it spans.
    records = parseCsv(text, { bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number; column?: number };
    return { entries, errors: [{ file, line: e.lines ?? 1, column: 1, message: `CSV 错误：${e.message}` }] };
  }
  const rows = records.map(({ record, raw, info }) => ({ cells: record, line: info.lines - (raw.replace(/^[\r\n]+|[\r\n]+$/g, '').match(/\n/g)?.length ?? 0) }));
  return entriesFromRows(rows, file);
}

/** Entries from a header row and data rows (CSV records or worksheet rows). */
function entriesFromRows(rows: readonly ManifestRow[], file: string): { entries: ManifestEntry[]; errors: LoadError[] } {
  const errors: LoadError[] = [];
  const entries: ManifestEntry[] = [];
  const [first, ...rest] = rows;
  const header = (first?.cells ?? []).map((h) => HEADER_ALIASES[h.trim().toLowerCase()] ?? HEADER_ALIASES[h.trim()]);
  if (!header.includes('agency')) return { entries, errors: [{ file, line: first?.line ?? 1, column: 1, message: '清单第一行应为列名，至少要有 agency（或“机关”）列', hint: '例如：agency,region,parent,year,file' } as LoadError] };
  for (const { cells, line } of rest) {
    const fields: Record<string, string> = {};
    header.forEach((h, k) => {
      const cell = cells[k]?.trim();
      if (h && cell) fields[h] = cell;
    });
    addEntry(fields, { line }, file, entries, errors);
  }
  return { entries, errors };
}

/** Reads the first worksheet of an .xlsx manifest; rows are located by their row number. */
async function loadManifestXlsx(bytes: Uint8Array, file: string): Promise<{ entries: ManifestEntry[]; errors: LoadError[] }> {
  // exceljs is loaded only for an .xlsx manifest (it is large; see src/cli/main.ts on start-up).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    return { entries: [], errors: [{ file, line: 1, column: 1, message: `无法读取 Excel 清单：${(error as Error).message}`, hint: '清单可以是 .xlsx、.csv 或 .yaml 文件' }] };
  }
  const sheet = workbook.worksheets[0];
  const rows: ManifestRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    const filled = Array.from(cells, (c) => c ?? '');
    if (filled.some((c) => c.trim() !== '')) rows.push({ cells: filled, line: number });
  });
  return entriesFromRows(rows, file);
}

/**
 * Reads a manifest file's bytes: .xlsx as a workbook; .csv, .yaml and others as text decoded like
 * a report (UTF-8, UTF-8 with BOM, UTF-16 with BOM, GBK/GB18030).
 */
export async function loadManifestBytes(bytes: Uint8Array, file: string): Promise<{ entries: ManifestEntry[]; errors: LoadError[] }> {
  if (/\.xlsx$/i.test(file)) return loadManifestXlsx(bytes, file);
  const decoded = decodeText(bytes);
  const hint = '在 Excel/WPS 中另存为“CSV UTF-8”或 .xlsx';
  if (decoded === null) return { entries: [], errors: [{ file, line: 1, column: 1, message: '清单不是可读的文本（UTF-8 或 GBK 编码的 CSV、YAML）', hint }] };
  // A damaged byte in an agency name would silently mismatch reports: refused, with its line.
  if (decoded.replaced) return { entries: [], errors: [{ file, line: decoded.replaced.lines[0] ?? 1, column: 1, message: `清单第 ${decoded.replaced.lines.join('、')} 行有无效字节（不是有效的 ${decoded.encoding.startsWith('utf-8') ? 'UTF-8' : 'GBK'} 编码）`, hint }] };
  return loadManifestText(decoded.text, file);
}
