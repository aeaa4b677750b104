/**
 * `check --summary`: the batch summary in every format, read back (CSV parsed, XLSX opened with
 * exceljs) and compared with the JSON the same run prints, on a folder of real reports with an
 * unreadable file, a duplicate and a manifest that expects a report nobody sent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../../src/summary/csv.js';
import { runCli } from '../helpers/cli.js';
import { batchFolder, csvObjects, perCheckedAgency, perRule, readXlsx, type JsonOut } from './helpers.js';

let folder: ReturnType<typeof batchFolder>;

beforeAll(() => {
  folder = batchFolder();
});

/** Runs `check --format json --manifest … <dir> --summary <file>`; returns the JSON and the exit code. */
async function checkWithSummary(file: string, ...extra: string[]): Promise<{ out: JsonOut; code: number; stderr: string }> {
  const run = await runCli(['check', '--format', 'json', '--manifest', folder.manifest, folder.dir, '--summary', file, ...extra]);
  return { out: JSON.parse(run.stdout) as JsonOut, code: run.code, stderr: run.stderr };
}

describe('check --summary', () => {
  it('writes a CSV (BOM, RFC 4180, formulas defused) whose counts per rule, agency and status match the JSON', async () => {
    const file = join(folder.out, 'nested', 'summary.csv');
    const { out, code, stderr } = await checkWithSummary(file);
    expect(code).toBe(1);
    expect(stderr).toContain('已写入汇总');
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = csvObjects(text.slice(1));
    const section = (name: string): Record<string, string>[] => rows.filter((r) => r['类别'] === name);

    // Per rule: every rule of the JSON, with the same counts and number of files.
    const expected = perRule(out);
    const rules = section('规则');
    expect(rules.map((r) => r['键']).sort()).toEqual([...expected.keys()].sort());
    for (const r of rules) {
      const e = expected.get(r['键']!)!;
      expect([Number(r['错误']), Number(r['警告']), Number(r['提示']), Number(r['文件数'])], r['键']).toEqual([e.error, e.warning, e.info, e.files]);
    }
    expect(rules.find((r) => r['键'] === 'table4-group-total')!['名称或说明']).toContain('表四');
    expect(rules.find((r) => r['键'] === 'batch/missing')!['名称或说明']).toBe('清单列出的报告没有找到');

    // Per agency: checked reports as in the JSON; the duplicate adds its one info to its agency.
    const agencies = new Map(section('机关').map((r) => [r['键'], r]));
    for (const [agency, e] of perCheckedAgency(out)) {
      const row = agencies.get(agency)!;
      const dup = agency === '临淄区科技局' ? 1 : 0;
      expect([Number(row['错误']), Number(row['警告']), Number(row['提示']), Number(row['文件数'])], agency).toEqual([e.error, e.warning, e.info + dup, e.files + dup]);
    }
    // Ranked by errors, then warnings.
    const ranked = section('机关').map((r) => [Number(r['错误']), Number(r['警告'])] as const);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]![0] > ranked[i]![0] || (ranked[i - 1]![0] === ranked[i]![0] && ranked[i - 1]![1] >= ranked[i]![1])).toBe(true);
    expect(section('机关').map((r) => Number(r['排名']))).toEqual(section('机关').map((_, i) => i + 1));

    // Statuses and totals.
    const overview = new Map(section('概览').map((r) => [r['键'], r]));
    const statusCount = (s: string): number => out.results.filter((r) => r.status === s).length;
    for (const s of ['checked', 'unreadable', 'not-a-report', 'duplicate', 'missing']) expect(Number(overview.get(s)!['文件数']), s).toBe(statusCount(s));
    expect([statusCount('checked'), statusCount('unreadable'), statusCount('duplicate'), statusCount('missing')]).toEqual([5, 1, 1, 1]);
    const totals = overview.get('files')!;
    expect([Number(totals['错误']), Number(totals['警告']), Number(totals['提示'])]).toEqual([out.summary.errors, out.summary.warnings, out.summary.infos]);
    expect(Number(totals['文件数'])).toBe(7);
    // Counts are of defects: the findings folded into another (one blank cell, the sums it
    // leaves unchecked) are not counted again, in the totals or under their own rule.
    const folded = out.results.flatMap((r) => r.findings.flatMap((f) => f.related ?? []));
    expect(folded.length).toBeGreaterThan(0);
    const topLevel = out.results.flatMap((r) => r.findings);
    expect(Number(totals['错误']) + Number(totals['警告']) + Number(totals['提示'])).toBe(topLevel.length);
    for (const ruleId of new Set(folded.map((f) => f.ruleId))) {
      const counted = rules.find((r) => r['键'] === ruleId);
      const own = topLevel.filter((f) => f.ruleId === ruleId).length;
      expect(counted ? Number(counted['错误']) + Number(counted['警告']) + Number(counted['提示']) : 0, ruleId).toBe(own);
    }

    // The missing report, under a name that would be a formula: shown, not run.
    const missing = section('缺报');
    expect(missing).toHaveLength(1);
    expect(missing[0]!['机关']).toBe(`'${folder.missingAgency}`);
    expect(missing[0]!['地区']).toBe('福建');
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(section('文件').map((r) => r['状态']).sort()).toEqual(['已检查', '已检查', '已检查', '已检查', '已检查', '无法读取', '缺报', '重复文件'].sort());
  });

  it('writes an XLSX with the eight sheets (bold frozen header) whose counts match the JSON', async () => {
    const file = join(folder.out, 'summary.xlsx');
    const { out } = await checkWithSummary(file);
    const sheets = await readXlsx(file);
    expect([...sheets.keys()]).toEqual(['概览', '按规则', '按机关', '按年度', '缺报', '同一报告', '一年多份', '文件']);
    for (const [name, s] of sheets) expect([name, s.headerBold, s.frozen]).toEqual([name, true, true]);

    const expected = perRule(out);
    const rules = sheets.get('按规则')!.rows;
    expect(rules.map((r) => r['规则']).sort()).toEqual([...expected.keys()].sort());
    for (const r of rules) {
      const e = expected.get(String(r['规则']))!;
      expect([r['错误'], r['警告'], r['提示'], r['涉及文件']], String(r['规则'])).toEqual([e.error, e.warning, e.info, e.files]);
    }
    const agencies = new Map(sheets.get('按机关')!.rows.map((r) => [r['机关'], r]));
    for (const [agency, e] of perCheckedAgency(out)) {
      const dup = agency === '临淄区科技局' ? 1 : 0;
      const row = agencies.get(agency)!;
      expect([row['错误'], row['警告'], row['提示']], agency).toEqual([e.error, e.warning, e.info + dup]);
    }
    expect(agencies.get(folder.missingAgency)).toMatchObject({ 缺报: 1, 错误: 1, 地区: '福建' });
    const overview = new Map(sheets.get('概览')!.rows.map((r) => [r['项目'], r['数量']]));
    expect([overview.get('错误'), overview.get('警告'), overview.get('提示'), overview.get('无法读取'), overview.get('缺报')]).toEqual([out.summary.errors, out.summary.warnings, out.summary.infos, 1, 1]);
    // Years are numbers; their files add up to the input files.
    const years = sheets.get('按年度')!.rows;
    expect(years.map((y) => y['年度'])).toEqual([2017, 2018, 2023, 2024, '未识别']);
    expect(years.reduce((n, y) => n + Number(y['文件数']), 0)).toBe(7);
    expect(sheets.get('缺报')!.rows).toEqual([expect.objectContaining({ 机关: folder.missingAgency, 年度: 2024 })]);
    expect(sheets.get('文件')!.rows).toHaveLength(8);
  });

  it('writes Markdown and HTML, and keeps the normal output on stdout', async () => {
    const md = join(folder.out, 'summary.md');
    const run = await runCli(['check', '--no-color', '--manifest', folder.manifest, folder.dir, '--summary', md]);
    expect(run.stdout).toContain('002-hongze-district-2023.txt  洪泽区人民政府 · 2023 年度');
    expect(run.stdout).toMatch(/✖ \d+ 个错误/);
    const text = readFileSync(md, 'utf8');
    expect(text).toContain('# 政府信息公开工作年度报告检查汇总');
    expect(text).toMatch(/\| table4-group-total \| 表四[^|]+\| 2 \| 0 \| 0 \| 2 \| 1 \|/);
    expect(text).toContain('## 缺报');
    expect(text).toContain('broken.txt');

    const html = join(folder.out, 'summary.html');
    const { out } = await checkWithSummary(html);
    const page = readFileSync(html, 'utf8');
    const withErrors = [...perRule(out)].filter(([, c]) => c.error > 0).map(([id]) => id);
    const bars = [...page.matchAll(/<g class="bar"(?: data-key="[^"]+")? data-label="([^"]+)" data-value="(\d+)">/g)];
    const ruleChart = page.slice(page.indexOf('id="chart-rules"'), page.indexOf('id="chart-agencies"'));
    expect([...ruleChart.matchAll(/data-key="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(withErrors.sort());
    // The bars are labelled with the rules' Chinese descriptions, not their ids.
    expect(ruleChart).toMatch(/data-key="table4-group-total" data-label="表四[^"]+"/);
    expect(bars.length).toBeGreaterThan(withErrors.length);
    // Self-contained and inert: no script, nothing loaded, report text escaped.
    expect(page).not.toMatch(/<script|\b(?:src|href)=/);
    expect(page).toContain('=HYPERLINK(&quot;http://example.invalid&quot;');
  });

  it('writes text in English with --locale en, takes --summary-format, and rejects an unknown extension', async () => {
    const file = join(folder.out, 'summary.report');
    const run = await runCli(['check', '--format', 'json', '--locale', 'en', folder.dir, '--summary', file, '--summary-format', 'txt']);
    expect(JSON.parse(run.stdout).results).toHaveLength(7);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Annual report check summary');
    expect(text).toContain('== By rule ==');
    expect(text).toMatch(/unreadable\s+1/);

    const bad = await runCli(['check', folder.dir, '--summary', join(folder.out, 'summary.pdf')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--summary-format');
    const alone = await runCli(['check', folder.dir, '--summary-format', 'csv']);
    expect(alone.code).toBe(2);
  });

  it('defuses formula-like text in CSV fields but keeps numbers and quoting per RFC 4180', () => {
    expect(['=1+1', '+1 cmd', '-x', '@SUM(A1)', '\t=1'].map(csvField)).toEqual(["'=1+1", "'+1 cmd", "'-x", "'@SUM(A1)", "'\t=1"]);
    expect(['-3', '+1.5', '-', '——', 'a,"b"', '两行\n文字'].map(csvField)).toEqual(['-3', '+1.5', '-', '——', '"a,""b"""', '"两行\n文字"']);
    expect([csvField(-3), csvField(null), csvField(0)]).toEqual(['-3', '', '0']);
  });
});
