/**
 * What a CI job relies on: waivers (surviving reworded messages and shifted lines, expiring,
 * reported when unused), baselines, per-glob overrides, --max-warnings, --quiet, and rule docs
 * kept current.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { ruleDocs } from '../src/cli/docs.js';
import { builtinPacks } from './helpers/examples.js';

interface Out {
  results: { file: string; findings: { ruleId: string; severity: string; fingerprint: string; message: string; location: { line: number; row?: string } }[] }[];
}

function workspace(): { dir: string; report: string } {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-ci-'));
  const report = join(dir, '002.txt');
  copyFileSync('fixtures/corpus/text/002-hongze-district-2023.txt', report);
  return { dir, report };
}

async function json(args: string[]): Promise<{ code: number; out: Out; stderr: string }> {
  const run = await runCli(['check', '--format', 'json', ...args]);
  return { code: run.code, out: JSON.parse(run.stdout) as Out, stderr: run.stderr };
}

const errorsOf = (out: Out, file: string) => out.results.find((r) => r.file === file)!.findings.filter((f) => f.severity === 'error');

describe('waivers', () => {
  it('waive a finding by fingerprint, surviving shifted lines and a reworded message', async () => {
    const { dir, report } = workspace();
    const first = await json([report]);
    const [rev, after] = errorsOf(first.out, report);
    expect(rev!.location.row).toBe('rev');
    writeFileSync(
      join(dir, '.xxgk-lint-waivers.yaml'),
      `waivers:\n  - file: 002.txt\n    fingerprint: "${rev!.fingerprint}"\n    rule: table4-group-total\n    reason: 已与填报单位核实，原件总计为 11\n    expires: 2999-12-31\n`,
    );
    const waived = await json([report]);
    expect(errorsOf(waived.out, report).map((f) => f.location.row)).toEqual(['lit_after']);

    // Shift every line down and reword every message (English): the waiver still holds.
    writeFileSync(report, '\n\n\n\n' + readFileSync(report, 'utf8'));
    const shifted = await json(['--locale', 'en', report]);
    const remaining = errorsOf(shifted.out, report);
    expect(remaining.map((f) => [f.location.row, f.location.line, f.fingerprint])).toEqual([['lit_after', 153, after!.fingerprint]]);
    expect(remaining[0]!.message).toMatch(/^Table 4/);
  });

  it('stops waiving when expired, and says so', async () => {
    const { dir, report } = workspace();
    const [rev] = errorsOf((await json([report])).out, report);
    writeFileSync(join(dir, '.xxgk-lint-waivers.yaml'), `waivers:\n  - file: 002.txt\n    fingerprint: "${rev!.fingerprint}"\n    reason: 临时豁免，等待更正\n    expires: 2001-01-01\n`);
    const { out } = await json([report]);
    const findings = out.results.find((r) => r.file === report)!.findings;
    expect(findings.filter((f) => f.ruleId === 'table4-group-total')).toHaveLength(2);
    expect(findings.find((f) => f.ruleId === 'waiver/expired')?.message).toContain('2001-01-01');
  });

  it('reports waivers that matched nothing, at their line in the waiver file', async () => {
    const { dir, report } = workspace();
    const waiverFile = join(dir, '.xxgk-lint-waivers.yaml');
    writeFileSync(waiverFile, 'waivers:\n  - file: 002.txt\n    fingerprint: "00000000"\n    reason: 早已改正的问题\n');
    const { out } = await json([report]);
    const entry = out.results.find((r) => r.file === waiverFile);
    expect(entry?.findings).toEqual([expect.objectContaining({ ruleId: 'waiver/unused', severity: 'warning', location: { line: 2 } })]);
  });

  it('requires a reason, with a located error and exit 2', async () => {
    const { dir, report } = workspace();
    writeFileSync(join(dir, '.xxgk-lint-waivers.yaml'), 'waivers:\n  - file: 002.txt\n    fingerprint: "00000000"\n    reason: ""\n');
    const run = await runCli(['check', report]);
    expect(run.code).toBe(2);
    // Located at the empty reason itself (line 4, column 13), no longer at the waiver's first line.
    expect(run.stderr).toMatch(/\.xxgk-lint-waivers\.yaml:4:13 {2}waivers\.0\.reason：豁免必须写明理由/);
  });

  it('a waiver file with a tab is located in Chinese, and in English with --locale en', async () => {
    const { dir, report } = workspace();
    writeFileSync(join(dir, '.xxgk-lint-waivers.yaml'), 'waivers:\n\t- file: 002.txt\n');
    const zh = await runCli(['check', report]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/豁免文件有错误：\n.*\.xxgk-lint-waivers\.yaml:2:1 {2}YAML 语法错误：用了 TAB 缩进（YAML 只能用空格缩进/);
    const en = await runCli(['check', '--locale', 'en', report]);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/the waiver file has errors:\n.*\.xxgk-lint-waivers\.yaml:2:1 {2}YAML syntax error: Tabs are not allowed as indentation（YAML is indented with spaces only/);
  });
});

describe('baseline', () => {
  it('records findings, then fails only on new ones', async () => {
    const { dir, report } = workspace();
    const baseline = join(dir, 'baseline.json');
    const write = await runCli(['check', '--baseline-write', baseline, report]);
    expect(write.code).toBe(0);
    const again = await json(['--baseline', baseline, report]);
    expect(again.code).toBe(0);
    expect(again.out.results[0]!.findings).toEqual([]);
    // A new error: 表四 直接起诉 总计 changed from 0 to 9.
    const text = readFileSync(report, 'utf8').replace('10    1      0   0    0   0    0   0   0    0', '10    1      0   0    0   0    0   0   0    9');
    writeFileSync(report, text);
    const next = await json(['--baseline', baseline, report]);
    expect(next.code).toBe(1);
    expect(errorsOf(next.out, report).map((f) => f.location.row)).toEqual(['lit_direct']);
  });
});

describe('config overrides, --max-warnings and --quiet', () => {
  it('applies overrides to matching files only', async () => {
    const { dir, report } = workspace();
    mkdirSync(join(dir, 'old'));
    const other = join(dir, 'old', '002.txt');
    copyFileSync(report, other);
    writeFileSync(join(dir, '.xxgk-lint.yaml'), 'overrides:\n  - files: ["old/**"]\n    rules:\n      table4-group-total: "off"\n');
    const { out } = await json([dir]);
    const count = (file: string) => out.results.find((r) => r.file.endsWith(file))!.findings.filter((f) => f.ruleId === 'table4-group-total').length;
    expect(count('/002.txt') + count('old/002.txt')).toBe(2);
    expect(out.results.find((r) => r.file.endsWith('old/002.txt'))!.findings.some((f) => f.ruleId === 'table4-group-total')).toBe(false);
  });

  it('fails when warnings exceed --max-warnings, and --quiet shows errors only', async () => {
    const file = 'fixtures/corpus/text/003-hongze-district-2024.txt';
    expect((await runCli(['check', '--format', 'json', file])).code).toBe(0);
    expect((await runCli(['check', '--format', 'json', '--max-warnings', '0', file])).code).toBe(1);
    expect((await runCli(['check', '--format', 'json', '--max-warnings', '10', file])).code).toBe(0);
    const quiet = await json(['--quiet', 'fixtures/corpus/text/002-hongze-district-2023.txt']);
    expect(quiet.out.results[0]!.findings.every((f) => f.severity === 'error')).toBe(true);
    expect(quiet.out.results[0]!.findings).toHaveLength(2);
  });
});

describe('rule docs', () => {
  it('docs/rules is what `xxgk-lint rules --format markdown` writes (run it after changing a rule)', async () => {
    const pages = await ruleDocs(builtinPacks());
    const onDisk = readdirSync('docs/rules').sort();
    expect(onDisk).toEqual([...pages.keys()].sort());
    for (const [name, text] of pages) expect(readFileSync(join('docs/rules', name), 'utf8'), name).toBe(text);
    const page = pages.get('table4-group-total.md')!;
    expect(page).toContain('## 不通过的例子');
    expect(page).toContain('表四「行政复议」：结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11，但「总计」填的是 0');
    expect(page).toContain('## 通过的例子');
  });
});

describe('check --format and --output', () => {
  const report = 'fixtures/corpus/text/002-hongze-district-2023.txt';
  // What each format must show of 002's 表四 error, in its own syntax.
  const markers: Record<string, (out: string) => boolean> = {
    stylish: (out) => out.includes('table4-group-total') && out.includes('第149行'),
    json: (out) => (JSON.parse(out) as Out).results[0]!.findings.some((f) => f.ruleId === 'table4-group-total'),
    sarif: (out) => (JSON.parse(out) as { version: string; runs: { results: { ruleId: string }[] }[] }).runs[0]!.results.some((r) => r.ruleId === 'table4-group-total'),
    junit: (out) => out.startsWith('<?xml') && out.includes('<failure') && out.includes('table4-group-total'),
    github: (out) => /^::error file=.*002-hongze-district-2023\.txt,line=149/m.test(out),
    markdown: (out) => /^\| 第149行 .*table4-group-total/m.test(out),
    html: (out) => out.startsWith('<!DOCTYPE html>') && out.includes('data-cell="t4.rev.total"'),
  };

  for (const [format, shows] of Object.entries(markers)) {
    it(`writes ${format} to a file with --output, exit code as for stylish`, async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'xxgk-fmt-')), `out.${format}`);
      const run = await runCli(['check', '--format', format, '--no-color', '--output', out, report]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(shows(readFileSync(out, 'utf8'))).toBe(true);
    });
  }

  it('rejects an unknown format with exit 2 and lists the known ones', async () => {
    const run = await runCli(['check', '--format', 'pdf', report]);
    expect(run.code).toBe(2);
    for (const format of Object.keys(markers)) expect(run.stderr).toContain(format);
  });
});

describe('serve', () => {
  it('rejects a bad port with exit 2', async () => {
    const run = await runCli(['serve', '--port', '70000']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--port');
  });
});
