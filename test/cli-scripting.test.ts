/**
 * Scripting the CLI (issue #18): a report on standard input, several outputs in one run, the
 * GitLab Code Quality format, --print-config, and Ctrl-C (exit 130, `"interrupted": true` in the
 * JSON with the number of files not checked). Runs the built CLI (package.json bin).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatGitlab } from '../src/report/gitlab.js';

const BIN = resolve((JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> }).bin['xxgk-lint']!);
const REPORT = resolve('fixtures/corpus/text/002-hongze-district-2023.txt');
const CLEAN = resolve('fixtures/corpus/text/013-pingtan-2024.txt');

interface Contract { results: { file: string; findings: { ruleId: string; severity: string }[] }[]; summary: { files: number }; interrupted?: boolean; notChecked?: number }

function run(args: string[], options: { input?: Buffer; cwd?: string } = {}): { code: number | null; stdout: string; stderr: string } {
  if (!existsSync(BIN)) throw new Error('run `npm run build` first');
  const child = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, cwd: options.cwd ?? process.cwd(), env: { ...process.env, NO_COLOR: '1' }, ...(options.input ? { input: options.input } : {}) });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('--stdin', () => {
  it('checks a report from standard input under its --stdin-filename, like the file itself', () => {
    const fromFile = JSON.parse(run(['check', '-f', 'json', REPORT]).stdout) as Contract;
    const piped = run(['check', '-f', 'json', '--stdin', '--stdin-filename', 'reports/hongze.txt'], { input: readFileSync(REPORT) });
    const fromStdin = JSON.parse(piped.stdout) as Contract;
    expect(fromStdin.results.map((r) => r.file)).toEqual(['reports/hongze.txt']);
    expect(fromStdin.results[0]!.findings).toEqual(fromFile.results[0]!.findings);
    expect(piped.code).toBe(run(['check', REPORT]).code);
  });

  it('reads a .docx from standard input by its name, and refuses --stdin with paths', () => {
    const docx = run(['check', '-f', 'json', '--stdin', '--stdin-filename', 'a.docx'], { input: readFileSync('fixtures/corpus/original/013-pingtan-2024.docx') });
    const out = JSON.parse(docx.stdout) as Contract & { results: { report: { year: number | null } }[] };
    expect(out.results[0]!.report.year).toBe(2024);
    expect(run(['check', '--stdin', REPORT], { input: Buffer.from('') }).code).toBe(2);
  });
});

describe('several outputs in one run', () => {
  it('writes stylish to standard output and SARIF, JSON and GitLab files, all from the same findings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-outputs-'));
    const result = run(['check', '-f', 'stylish', '-f', `sarif:${dir}/out.sarif`, '-f', `json:${dir}/out.json`, '-f', `gitlab:${dir}/gl.json`, REPORT]);
    expect(result.stdout).toContain('002-hongze-district-2023.txt');
    const json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as Contract;
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    const gitlab = JSON.parse(readFileSync(join(dir, 'gl.json'), 'utf8')) as { check_name: string }[];
    const count = json.results[0]!.findings.length;
    expect(count).toBeGreaterThan(0);
    expect(sarif.runs[0]!.results).toHaveLength(count);
    expect(gitlab.map((i) => i.check_name)).toEqual(json.results[0]!.findings.map((f) => f.ruleId));
    expect(result.code).toBe(run(['check', REPORT]).code);
  });

  it('refuses two outputs to standard output and unknown formats (exit 2)', () => {
    expect(run(['check', '-f', 'json', '-f', 'markdown', REPORT]).code).toBe(2);
    expect(run(['check', '-f', 'yaml:x.yaml', REPORT]).stderr).toContain('未知的输出格式');
  });
});

describe('GitLab Code Quality', () => {
  it('has an issue per finding with a unique fingerprint, GitLab severities and the line', () => {
    const finding = (line: number, severity: 'error' | 'warning' | 'info') => ({ ruleId: 'r', severity, message: 'm', location: { line }, fingerprint: 'same' });
    const issues = JSON.parse(formatGitlab([{ file: 'a\\b.txt', report: null, findings: [finding(3, 'error'), finding(3, 'warning'), finding(7, 'info')] }], { locale: 'zh', color: false, version: '0' })) as { fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
    expect(issues.map((i) => i.severity)).toEqual(['major', 'minor', 'info']);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(3);
    expect(issues[0]!.location).toEqual({ path: 'a/b.txt', lines: { begin: 3 } });
  });
});

describe('--print-config', () => {
  it('prints the settings after overrides for a file, and whether it is ignored', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-print-'));
    mkdirSync(join(dir, 'old'));
    writeFileSync(join(dir, '.xxgk-lint.yaml'), 'locale: en\nrules:\n  overview-length: off\noverrides:\n  - files: ["old/**"]\n    rules:\n      overview-length: warning\nignores:\n  - drafts/\n');
    const print = (file: string): { configFile: string; rules: Record<string, string>; locale: string; ignored: boolean } => JSON.parse(run(['check', '--print-config', file], { cwd: dir }).stdout);
    expect(print('new.txt')).toMatchObject({ configFile: expect.stringContaining('.xxgk-lint.yaml'), rules: { 'overview-length': 'off' }, locale: 'en', ignored: false });
    expect(print('old/a.txt').rules).toEqual({ 'overview-length': 'warning' });
    expect(print('drafts/a.txt').ignored).toBe(true);
  });
});

describe('Ctrl-C', () => {
  it('exits 130 with "interrupted": true and the number of files not checked in the JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-interrupt-'));
    const total = 1500;
    for (let i = 0; i < total; i++) copyFileSync(i % 2 ? REPORT : CLEAN, join(dir, `r${String(i).padStart(4, '0')}.txt`));
    const child = spawn(process.execPath, [BIN, 'check', '-f', 'json', '--jobs', '1', dir], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    setTimeout(() => child.kill('SIGINT'), 2000);
    const code = await new Promise<number | null>((done) => child.on('close', done));
    const out = JSON.parse(stdout) as Contract;
    expect(code).toBe(130);
    expect(out.interrupted).toBe(true);
    expect(out.notChecked).toBeGreaterThan(0);
    expect(out.results.length + out.notChecked!).toBe(total);
  }, 60_000);
});
