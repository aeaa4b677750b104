/**
 * `extract`: the canonical tables of many reports as one long table, read back from CSV and
 * XLSX: one row per cell with its raw text, state, value, labels and line; one row for each file
 * that was not checked; the same rows from one thread and from two workers.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { csvObjects, readXlsx } from './helpers.js';

let dir: string;
let out: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-extract-'));
  out = mkdtempSync(join(tmpdir(), 'xxgk-extract-out-'));
  copyFileSync('fixtures/corpus/text/002-hongze-district-2023.txt', join(dir, 'a-hongze-2023.txt'));
  copyFileSync('fixtures/corpus/text/015-pingtan-county-2011.txt', join(dir, 'b-pingtan-2011.txt'));
  copyFileSync('fixtures/seeds/003-ankang-2018.txt', join(dir, 'c-ankang-2018.txt'));
  copyFileSync('fixtures/corpus/text/002-hongze-district-2023.txt', join(dir, 'd-same-as-a.txt'));
  writeFileSync(join(dir, 'e-empty.txt'), '');
  writeFileSync(join(dir, 'f-shopping.txt'), '买菜\n牛奶两盒\n鸡蛋一斤\n');
});

/** The cells `parse` reads from a report (the reference for "one row per cell"). */
async function parsedCells(file: string): Promise<Map<string, { raw: string; state: string; value: number | null; at: { line: number } }>> {
  const run = await runCli(['parse', '--format', 'json', file]);
  const report = JSON.parse(run.stdout) as { tables: Record<string, { cells: Record<string, { raw: string; state: string; value: number | null; at: { line: number } }> }> };
  return new Map(Object.values(report.tables).flatMap((t) => Object.entries(t.cells)));
}

describe('xxgk-lint extract', () => {
  it('writes one CSV row per cell of every report, and one row per file that was not checked', async () => {
    const csv = join(out, 'cells.csv');
    const run = await runCli(['extract', dir, '-o', csv]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = csvObjects(text.slice(1));
    expect(Object.keys(rows[0]!)).toEqual(['文件', '机关', '年度', '版本', '表格编号', '表格名称', '行编号', '行名称', '列编号', '列名称', '单元格编号', '原文', '单元格状态', '数值', '单位', '页码', '行号', '文件状态', '说明']);
    expect(run.stderr).toContain(`已导出 ${rows.length} 行`);

    // 002 (洪泽区 2023): 表四「行政复议」「总计」is written 0 where the parts add to 11.
    const hongze = rows.filter((r) => r['文件']!.endsWith('a-hongze-2023.txt'));
    const total = hongze.filter((r) => r['单元格编号'] === 't4.rev.total');
    expect(total).toEqual([expect.objectContaining({
      机关: '洪泽区人民政府', 年度: '2023', 版本: '2021', 表格编号: 't4', 表格名称: '表四（政府信息公开行政复议、行政诉讼情况）', 行编号: 'rev', 行名称: '行政复议',
      列编号: 'total', 列名称: '总计', 原文: '0', 单元格状态: 'number', 数值: '0', 行号: '149', 文件状态: 'checked',
    })]);
    expect(hongze.filter((r) => r['单元格编号']!.startsWith('t4.rev.')).map((r) => r['数值'])).toEqual(['10', '1', '0', '0', '0']);

    // One row per cell, exactly the cells the parser reads, each with its raw text and line.
    const cells = await parsedCells('fixtures/corpus/text/002-hongze-district-2023.txt');
    expect(hongze).toHaveLength(cells.size);
    expect(new Set(hongze.map((r) => r['单元格编号'])).size).toBe(hongze.length);
    for (const r of hongze) {
      const cell = cells.get(r['单元格编号']!)!;
      expect([r['原文'], r['单元格状态'], r['数值'], r['行号']], r['单元格编号']).toEqual([cell.raw, cell.state, cell.value === null ? '' : String(cell.value), String(cell.at.line)]);
    }
    // 2008-regime 统计表 of another report: its own variant's labels and units.
    const ankang = rows.filter((r) => r['文件']!.endsWith('c-ankang-2018.txt'));
    expect(ankang.find((r) => r['单元格编号'] === 'stat.p1.v')).toMatchObject({ 表格编号: 'stat', 行名称: expect.stringContaining('主动公开政府信息数'), 单位: '条', 版本: '2008' });

    // Files that were not checked: one row each, with the status and why.
    const byFile = (name: string): Record<string, string>[] => rows.filter((r) => r['文件']!.endsWith(name));
    expect(byFile('d-same-as-a.txt')).toEqual([expect.objectContaining({ 文件状态: 'duplicate', 单元格编号: '', 说明: expect.stringContaining('a-hongze-2023.txt') })]);
    expect(byFile('e-empty.txt')).toEqual([expect.objectContaining({ 文件状态: 'unreadable', 单元格编号: '' })]);
    expect(byFile('f-shopping.txt')).toEqual([expect.objectContaining({ 文件状态: 'not-a-report', 单元格编号: '' })]);
    expect(new Set(rows.map((r) => r['文件']!.split('/').pop())).size).toBe(6);
  });

  it('writes the same rows to XLSX from two worker threads (typed values, bold frozen header)', async () => {
    const csv = join(out, 'cells-en.csv');
    const xlsx = join(out, 'cells.xlsx');
    expect((await runCli(['extract', dir, '-o', csv, '--locale', 'en'])).code).toBe(0);
    const run = await runCli(['extract', dir, '-o', xlsx, '--locale', 'en', '--jobs', '2']);
    expect(run.code).toBe(0);
    const sheets = await readXlsx(xlsx);
    expect([...sheets.keys()]).toEqual(['cells']);
    const sheet = sheets.get('cells')!;
    expect([sheet.headerBold, sheet.frozen]).toEqual([true, true]);
    const fromCsv = csvObjects(readFileSync(csv, 'utf8').slice(1));
    expect(sheet.rows).toHaveLength(fromCsv.length);
    const show = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
    expect(sheet.rows.map((r) => `${show(r.file)}|${show(r.cell)}|${show(r.raw)}|${show(r.value)}|${show(r.status)}`)).toEqual(fromCsv.map((r) => `${r.file}|${r.cell}|${r.raw}|${r.value}|${r.status}`));
    const total = sheet.rows.find((r) => String(r.file).endsWith('a-hongze-2023.txt') && r.cell === 't4.rev.total')!;
    expect(total).toMatchObject({ raw: '0', value: 0, state: 'number', line: 149, year: 2023, rowLabel: '行政复议', colLabel: '总计' });
  });

  it('says which format it cannot write', async () => {
    const run = await runCli(['extract', dir, '-o', join(out, 'cells.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.csv 或 .xlsx');
  });
});
