/**
 * The command line on real reports: the JSON contract, the readable output, exit codes, locale,
 * config, user rule packs and located errors.
 */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const TEXT = 'fixtures/corpus/text';

describe('xxgk-lint check', () => {
  it('prints the JSON contract for every file of a folder', async () => {
    const run = await runCli(['check', '--format', 'json', TEXT]);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.tool.name).toBe('xxgk-lint');
    expect(out.results).toHaveLength(11);
    const byName = new Map(out.results.map((r: { file: string }) => [r.file.split('/').pop(), r]));
    const hongze = byName.get('002-hongze-district-2023.txt') as { report: Record<string, unknown>; findings: { ruleId: string; severity: string; message: string; expected: number; actual: number; location: { line: number; table: string; row: string; col: string } }[] };
    expect(hongze.report).toMatchObject({ edition: '2021', year: 2023, agency: '洪泽区人民政府', publishedAt: null });
    const errors = hongze.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.ruleId, f.location.row, f.expected, f.actual])).toEqual([
      ['table4-group-total', 'rev', 11, 0],
      ['table4-group-total', 'lit_after', 5, 0],
    ]);
    expect(errors[0]!.location).toMatchObject({ line: 149, table: 't4', col: 'total' });
    expect(out.summary.files).toBe(11);
    expect(out.summary.errors).toBe(out.results.reduce((n: number, r: { findings: { severity: string }[] }) => n + r.findings.filter((f) => f.severity === 'error').length, 0));
  });

  it('exits 0 on a clean report and prints a readable Chinese summary', async () => {
    const run = await runCli(['check', '--no-color', `${TEXT}/013-pingtan-2024.txt`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('平潭综合实验区 · 2024 年度 · 2021 版格式');
    expect(run.stdout).toMatch(/✔ 0 个错误/);
  });

  it('says where and why in the readable output, and in English with --locale en', async () => {
    const zh = await runCli(['check', '--no-color', `${TEXT}/002-hongze-district-2023.txt`]);
    expect(zh.stdout).toContain('表四「行政复议」：结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11，但「总计」填的是 0');
    expect(zh.stdout).toContain('第149行');
    expect(zh.stdout).toContain('table4-group-total');
    const en = await runCli(['check', '--no-color', '--locale', 'en', `${TEXT}/002-hongze-district-2023.txt`]);
    expect(en.stdout).toContain('Table 4 "行政复议": 结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11, but the total says 0');
  });

  it('fails on warnings with --fail-severity warning', async () => {
    expect((await runCli(['check', '--format', 'json', `${TEXT}/003-hongze-district-2024.txt`])).code).toBe(0);
    expect((await runCli(['check', '--format', 'json', '--fail-severity', 'warning', `${TEXT}/003-hongze-district-2024.txt`])).code).toBe(1);
  });

  it('reports a missing file as a finding and still checks the others', async () => {
    const run = await runCli(['check', '--format', 'json', `${TEXT}/013-pingtan-2024.txt`, 'no/such/report.txt']);
    const out = JSON.parse(run.stdout);
    expect(out.results.map((r: { file: string }) => r.file)).toEqual(['no/such/report.txt', `${TEXT}/013-pingtan-2024.txt`]);
    expect(out.results[0].findings[0].ruleId).toBe('ingest/not-found');
    expect(run.code).toBe(1);
  });

  it('exits 2 on usage errors', async () => {
    expect((await runCli(['check', '--format', 'nope', TEXT])).code).toBe(2);
    expect((await runCli(['check'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });

  it('applies a config file: rules off and severities changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-config-'));
    const cfg = join(dir, 'cfg.yaml');
    writeFileSync(cfg, 'rules:\n  table4-group-total: warning\n  date-present: "off"\n');
    const run = await runCli(['check', '--format', 'json', '--config', cfg, `${TEXT}/002-hongze-district-2023.txt`]);
    const findings = JSON.parse(run.stdout).results[0].findings as { ruleId: string; severity: string }[];
    expect(findings.filter((f) => f.ruleId === 'table4-group-total').map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(findings.some((f) => f.ruleId === 'date-present')).toBe(false);
    expect(run.code).toBe(0);
  });

  it('locates config errors and suggests rule ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-config-'));
    const cfg = join(dir, 'cfg.yaml');
    writeFileSync(cfg, 'rules:\n  table4-group-totl: warning\n  deadline: loud\n');
    const run = await runCli(['check', '--config', cfg, `${TEXT}/013-pingtan-2024.txt`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${cfg}:3:13`);
    expect(run.stderr).toMatch(/未知的规则「table4-group-totl」.*table4-group-total/);
  });

  it('loads a user rule pack with --rules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-rules-'));
    mkdirSync(join(dir, 'pack'));
    writeFileSync(
      join(dir, 'pack', 'local.yaml'),
      [
        'pack: local',
        'description: 本地规则',
        'rules:',
        '  - id: local-permits-positive',
        '    description: 行政许可处理决定数量应大于 0',
        '    severity: warning',
        '    editions: ["2021"]',
        '    basis: 本地要求',
        '    check: { kind: relation, assert: "t2.a5.permit.decisions > 0" }',
        '    message: { zh: "行政许可处理决定数量为 {{lhs}}", en: "Permits: {{lhs}}" }',
        '    examples:',
        '      invalid: [{ fixture: fixtures/corpus/text/023-shuyang-county-fgj-2023.txt }]',
        '      valid: [{ fixture: fixtures/corpus/text/013-pingtan-2024.txt }]',
      ].join('\n'),
    );
    const run = await runCli(['check', '--format', 'json', '--rules', join(dir, 'pack'), `${TEXT}/023-shuyang-county-fgj-2023.txt`]);
    const findings = JSON.parse(run.stdout).results[0].findings as { ruleId: string; message: string }[];
    expect(findings.find((f) => f.ruleId === 'local-permits-positive')?.message).toBe('行政许可处理决定数量为 0');
  });
});

describe('xxgk-lint parse', () => {
  it('prints the model as JSON', async () => {
    const run = await runCli(['parse', '--format', 'json', `${TEXT}/013-pingtan-2024.txt`]);
    const model = JSON.parse(run.stdout);
    expect(model.meta.edition).toBe('2021');
    expect(model.tables.t3.cells['t3.new.total']).toMatchObject({ value: 218, state: 'number', at: { line: 34 } });
  });

  it('prints a readable outline with the tables', async () => {
    const run = await runCli(['parse', `${TEXT}/013-pingtan-2024.txt`]);
    expect(run.stdout).toContain('三、收到和处理政府信息公开申请情况');
    expect(run.stdout).toMatch(/一、本年新收政府信息公开申请数量\s+217\s+1\s+0/);
  });
});

describe('xxgk-lint rules', () => {
  it('lists every built-in rule', async () => {
    const run = await runCli(['rules', '--format', 'json']);
    const rules = JSON.parse(run.stdout) as { id: string }[];
    expect(rules.map((r) => r.id)).toContain('table3-column-balance');
  });
});
