/**
 * Locations a person can follow in the original (issue 19): the page and the line on it for a
 * PDF, the table, row and column (or the paragraph) for a .docx or a web page, 全文 for findings
 * about the whole document; and the stylish output aligned by display width with the labels.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBytes, type FileResult } from '../../src/check.js';
import { Checker } from '../../src/engine/run.js';
import { readZipDirectory, ZipArchive } from '../../src/ingest/zip.js';
import { formatJunit } from '../../src/report/junit.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { formatSarif } from '../../src/report/sarif.js';
import { formatStylish } from '../../src/report/stylish.js';
import { placeText } from '../../src/report/where.js';
import { displayWidth, padDisplay } from '../../src/report/width.js';
import { builtinPacks, ROOT } from '../helpers/examples.js';
import { zip } from '../helpers/zip.js';

const ZH = { locale: 'zh', color: false, version: 'test' } as const;
const bytes = (path: string): Uint8Array => new Uint8Array(readFileSync(resolve(ROOT, path)));
const check = async (data: Uint8Array, name: string): Promise<FileResult> => checkBytes(data, name, new Checker(builtinPacks()));
const TOTAL_ROW = '（七）总计\t217\t1\t0\t0\t0\t0\t218';

/** The 013 report (a real .docx) with its 表三 （七）总计「总计」 cell changed from 218 to 0 in word/document.xml. */
async function docxWithZeroTotal(): Promise<Uint8Array> {
  const original = bytes('fixtures/corpus/original/013-pingtan-2024.docx');
  const entries = readZipDirectory(original);
  const archive = new ZipArchive(original, entries, 64 * 1024 * 1024);
  const parts = [];
  for (const entry of entries) {
    let data = (await archive.read(entry.name))!;
    if (entry.name === 'word/document.xml') {
      const xml = new TextDecoder().decode(data);
      const at = xml.indexOf('>218<', xml.indexOf('（七）总计'));
      expect(at).toBeGreaterThan(0);
      data = new TextEncoder().encode(`${xml.slice(0, at)}>0<${xml.slice(at + 5)}`);
    }
    parts.push({ name: entry.name, data });
  }
  return zip(parts);
}

/** The 013 report's text as a web page: paragraphs, and its TAB rows as HTML tables. */
function htmlOf(text: string): string {
  const out: string[] = ['<html><head><meta charset="utf-8"><title>平潭综合实验区2024年政府信息公开工作年度报告</title></head><body><div class="article">'];
  let inTable = false;
  for (const line of text.split('\n')) {
    const cells = line.split('\t');
    if (cells.length > 1 !== inTable) {
      out.push(inTable ? '</table>' : '<table>');
      inTable = !inTable;
    }
    if (inTable) out.push(`<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`);
    else if (line.trim()) out.push(`<p>${line}</p>`);
  }
  if (inTable) out.push('</table>');
  out.push('</div></body></html>');
  return out.join('\n');
}

describe('locations in the original', () => {
  it('PDF: the page and the line on that page (002, 表四 总计 on page 4)', async () => {
    const result = await check(bytes('fixtures/corpus/original/002-hongze-district-2023.pdf'), '002.pdf');
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const f of errors) {
      expect(f.location.origin?.page).toBe(4);
      expect(f.location.origin?.pageLine).toBeLessThan(f.location.line);
    }
    expect(placeText(errors[0]!.location, 'zh')).toBe(`第4页 第${errors[0]!.location.origin!.pageLine}行`);
    expect(formatStylish([result], ZH)).toContain(`第4页 第${errors[0]!.location.origin!.pageLine}行`);
  });

  it('.docx: the table, row and column as Word shows them, and paragraphs', async () => {
    const result = await check(await docxWithZeroTotal(), '013.docx');
    const [error] = result.findings.filter((f) => f.severity === 'error');
    expect(error!.location.origin).toMatchObject({ tableIndex: expect.any(Number), tableRow: expect.any(Number), tableCol: expect.any(Number) });
    const place = placeText(error!.location, 'zh');
    expect(place).toMatch(/^表格 \d+ 第 \d+ 行 第 \d+ 列$/);
    expect(placeText(error!.location, 'en')).toMatch(/^table \d+ row \d+ col \d+$/);
    const section = result.findings.find((f) => f.location.section !== undefined && f.location.table === undefined);
    expect(placeText(section!.location, 'zh')).toMatch(/^第\d+段$/);
    for (const text of [formatStylish([result], ZH), formatMarkdown([result], ZH), formatJunit([result], ZH)]) expect(text).toContain(place);
  });

  it('HTML: the table and the cell (the row of the table, the column in it)', async () => {
    const text = readFileSync(resolve(ROOT, 'fixtures/corpus/text/013-pingtan-2024.txt'), 'utf8');
    expect(text).toContain(TOTAL_ROW);
    const html = htmlOf(text.replace(TOTAL_ROW, TOTAL_ROW.replace(/218$/, '0')));
    const result = await check(new TextEncoder().encode(html), '013.html');
    const [error] = result.findings.filter((f) => f.severity === 'error');
    // The 表三 row （七）总计 is its table's row holding that label; 总计 its 8th cell.
    const rows = html.split('<table>').map((t) => t.split('</table>')[0]!.split('<tr>').slice(1));
    const tableIndex = rows.findIndex((t) => t.some((r) => r.includes('（七）总计')));
    const rowIndex = rows[tableIndex]!.findIndex((r) => r.includes('（七）总计'));
    expect(error!.location.origin).toEqual({ tableIndex, tableRow: rowIndex + 1, tableCol: 8 });
  });

  it('findings about the whole document are not placed at line 1 (026: missing 表三, 表四, part 六)', async () => {
    const result = await check(bytes('fixtures/corpus/web/026-hebei-science-tech-2020.txt'), '026.txt');
    const whole = result.findings.filter((f) => ['table3-present', 'table4-present', 'title-present'].includes(f.ruleId));
    expect(whole).toHaveLength(3);
    for (const f of whole) expect(f.location.scope).toBe('document');
    const stylish = formatStylish([result], ZH);
    expect(stylish).toContain('全文');
    expect(stylish).not.toContain('第1行');
    const sarif = JSON.parse(formatSarif([result], ZH)) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region?: unknown } }[] }[] }[] };
    const t3 = sarif.runs[0]!.results.find((r) => r.ruleId === 'table3-present');
    expect(t3!.locations[0]!.physicalLocation.region).toBeUndefined();
  });

  it('folded findings are SARIF related locations and lines under their finding elsewhere', async () => {
    const result = await check(await docxWithZeroTotal(), '013.docx');
    const sarif = JSON.parse(formatSarif([result], ZH)) as { runs: { results: { ruleId: string; relatedLocations?: { message: { text: string } }[] }[] }[] };
    const error = sarif.runs[0]!.results.find((r) => r.ruleId === 'table3-results-total');
    expect(error!.relatedLocations?.map((r) => r.message.text.split(':')[0]).sort()).toEqual(['table3-column-balance', 'table3-row-total']);
    expect(formatStylish([result], ZH)).toContain('同一问题还导致 2 项');
    expect(formatMarkdown([result], ZH)).toContain('同一问题还导致 2 项');
  });
});

describe('stylish output', () => {
  it('measures display width: CJK and fullwidth take two columns, ANSI codes none', () => {
    expect(displayWidth('表三「总计」')).toBe(12);
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('\u001b[31m错误\u001b[0m')).toBe(4);
    expect(displayWidth('（七）')).toBe(6);
    expect(padDisplay('第4页', 8)).toBe('第4页   ');
  });

  it('is what the README shows (its sample output is current)', async () => {
    const file = 'fixtures/corpus/original/002-hongze-district-2023.pdf';
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf(`$ xxgk-lint check ${file}\n`);
    expect(start).toBeGreaterThan(0);
    const shown = readme.slice(readme.indexOf('\n', start) + 1, readme.indexOf('\n```', start));
    expect(formatStylish([await check(bytes(file), file)], ZH)).toBe(shown);
  });

  it('aligns the severity column by display width and shows table/row/column labels', async () => {
    const result = await check(bytes('fixtures/corpus/original/002-hongze-district-2023.pdf'), '002.pdf');
    const lines = formatStylish([result], ZH).split('\n').filter((l) => / {2}(错误|警告|提示) {2}/.test(l));
    expect(lines.length).toBe(result.findings.length);
    const columns = new Set(lines.map((l) => displayWidth(l.slice(0, l.search(/错误|警告|提示/)))));
    expect(columns.size).toBe(1);
    expect(lines.some((l) => l.endsWith('表四「行政复议」「总计」'))).toBe(true);
  });
});
