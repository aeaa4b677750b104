/**
 * Manifest files as Excel and WPS save them (issue #18): CSV in GBK (Chinese Windows' default),
 * UTF-8 with a BOM, or an .xlsx workbook; read from bytes like reports are.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadManifestBytes } from '../src/batch/manifest.js';
import { runCli } from './helpers/cli.js';
import { encodeGbk } from './helpers/gbk.js';

const CSV = '机关,地区,年度,文件\n平潭综合实验区,福建,2024,a.txt\n某县人民政府,福建,2024,\n';
const EXPECTED = [['平潭综合实验区', 2024, 'a.txt', 2], ['某县人民政府', 2024, null, 3]];
const rows = (entries: { agency: string; year?: number; file?: string; line: number }[]): unknown[] => entries.map((e) => [e.agency, e.year, e.file ?? null, e.line]);

async function xlsx(data: unknown[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('清单');
  for (const row of data) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('manifest bytes', () => {
  it('reads the same entries from UTF-8, UTF-8 with BOM and GBK CSV', async () => {
    for (const bytes of [new TextEncoder().encode(CSV), new TextEncoder().encode('\ufeff' + CSV), encodeGbk(CSV)]) {
      const { entries, errors } = await loadManifestBytes(bytes, 'm.csv');
      expect(errors).toEqual([]);
      expect(rows(entries)).toEqual(EXPECTED);
    }
  });

  it('reads the first sheet of an .xlsx, numbers as numbers and rows by row number', async () => {
    const bytes = await xlsx([['机关', '地区', '年度', '文件'], ['平潭综合实验区', '福建', 2024, 'a.txt'], ['某县人民政府', '福建', 2024, null], [], ['某县财政局', '福建', '明年', null]]);
    const { entries, errors } = await loadManifestBytes(bytes, 'm.xlsx');
    expect(rows(entries)).toEqual(EXPECTED);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'm.xlsx', line: 5 });
  });

  it('refuses a damaged manifest at the line of the bad byte, and a broken workbook', async () => {
    const good = new TextEncoder().encode(CSV);
    const cut = CSV.indexOf('某县');
    const damaged = new Uint8Array([...new TextEncoder().encode(CSV.slice(0, cut)), 0xff, ...good.subarray(new TextEncoder().encode(CSV.slice(0, cut)).length)]);
    const bad = await loadManifestBytes(damaged, 'm.csv');
    expect(bad.entries).toEqual([]);
    expect(bad.errors[0]).toMatchObject({ line: 3 });
    const broken = await loadManifestBytes(new TextEncoder().encode('not a zip'), 'm.xlsx');
    expect(broken.errors[0]!.message).toContain('Excel');
  });

  it('takes a GBK CSV manifest on the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-manifest-'));
    writeFileSync(join(dir, 'manifest.csv'), encodeGbk('机关,地区,年度,文件\n某县人民政府,福建,2024,\n另一县人民政府,福建,2024,\n'));
    writeFileSync(join(dir, 'a.txt'), '某县人民政府2024年政府信息公开工作年度报告\n');
    const run = await runCli(['check', '--format', 'json', '--manifest', join(dir, 'manifest.csv'), join(dir, 'a.txt')]);
    expect(run.stderr).not.toContain('清单');
    const out = JSON.parse(run.stdout) as { results: { findings: { ruleId: string }[] }[] };
    expect(out.results.flatMap((r) => r.findings.map((f) => f.ruleId))).toContain('batch/missing');
  });
});
