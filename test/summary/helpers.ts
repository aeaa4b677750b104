/** Shared by the summary tests: a folder of real reports, and reading CSV and XLSX back. */
import { parse as parseCsvText } from 'csv-parse/sync';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

/**
 * A temp folder with real reports (three corpus texts, two seeds), a byte-for-byte copy of one
 * seed (duplicate), a binary file (unreadable) and a manifest that expects one report nobody sent,
 * under an agency name that a spreadsheet would run as a formula.
 */
export function batchFolder(): { dir: string; manifest: string; missingAgency: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-summary-'));
  // Outputs go elsewhere: a summary written into the folder would be read as an input next time.
  const out = mkdtempSync(join(tmpdir(), 'xxgk-summary-out-'));
  for (const f of ['002-hongze-district-2023.txt', '005-shanghai-stcsm-2024.txt', '013-pingtan-2024.txt']) copyFileSync(`fixtures/corpus/text/${f}`, join(dir, f));
  for (const f of ['001-linzi-2017.txt', '003-ankang-2018.txt']) copyFileSync(`fixtures/seeds/${f}`, join(dir, f));
  copyFileSync('fixtures/seeds/001-linzi-2017.txt', join(dir, 'zz-copy-of-linzi.txt'));
  writeFileSync(join(dir, 'broken.txt'), new Uint8Array(2048).map((_, i) => (i * 31) % 256));
  const missingAgency = '=HYPERLINK("http://example.invalid","某县人民政府")';
  const manifest = join(dir, 'manifest.csv');
  writeFileSync(manifest, `agency,region,year,file\n洪泽区人民政府,淮安,2023,002-hongze-district-2023.txt\n"${missingAgency.replace(/"/g, '""')}",福建,2024,\n`);
  return { dir, manifest, missingAgency, out };
}

/** Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF) into rows of strings. */
export function parseCsv(text: string): string[][] {
  return parseCsvText(text, { bom: true, relax_column_count: true }) as string[][];
}

/** CSV rows as objects keyed by the header. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

/** Reads an .xlsx file: each sheet's rows as objects keyed by its (bold, frozen) header row. */
export async function readXlsx(file: string): Promise<Map<string, { rows: Record<string, unknown>[]; headerBold: boolean; frozen: boolean }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets = new Map<string, { rows: Record<string, unknown>[]; headerBold: boolean; frozen: boolean }>();
  for (const sheet of workbook.worksheets) {
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1);
      rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
    });
    const view = sheet.views[0];
    sheets.set(sheet.name, { rows, headerBold: sheet.getRow(1).font?.bold === true, frozen: view?.state === 'frozen' && (view as { ySplit?: number }).ySplit === 1 });
  }
  return sheets;
}

/** The JSON output of `check --format json`, as far as the tests read it. */
export interface JsonOut {
  results: { file: string; status?: string; report: { agency: string | null }; findings: { ruleId: string; severity: 'error' | 'warning' | 'info'; message: string; related?: { ruleId: string }[] }[] }[];
  summary: { files: number; errors: number; warnings: number; infos: number };
}

/** Findings of the JSON output counted per rule. */
export function perRule(out: JsonOut): Map<string, { error: number; warning: number; info: number; files: number }> {
  const map = new Map<string, { error: number; warning: number; info: number; files: number }>();
  for (const r of out.results) {
    const seen = new Set<string>();
    for (const f of r.findings) {
      const c = map.get(f.ruleId) ?? { error: 0, warning: 0, info: 0, files: 0 };
      c[f.severity]++;
      if (!seen.has(f.ruleId)) c.files++;
      seen.add(f.ruleId);
      map.set(f.ruleId, c);
    }
  }
  return map;
}

/** Findings of checked files in the JSON output counted per agency. */
export function perCheckedAgency(out: JsonOut): Map<string, { error: number; warning: number; info: number; files: number }> {
  const map = new Map<string, { error: number; warning: number; info: number; files: number }>();
  for (const r of out.results.filter((x) => x.status === 'checked')) {
    const key = r.report.agency ?? '';
    const c = map.get(key) ?? { error: 0, warning: 0, info: 0, files: 0 };
    c.files++;
    for (const f of r.findings) c[f.severity]++;
    map.set(key, c);
  }
  return map;
}
