/**
 * Leaving files out and configuring every finding id (issue #18): a README or notes file in a
 * folder of reports must not fail `--max-warnings 0` for good. The built CLI runs in a folder of
 * its own (the working folder decides `.xxgk-lintignore` and `--ignore-pattern`).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_FINDING_IDS } from '../src/cli/finding-ids.js';
import { ignoreMatcher } from '../src/cli/ignore.js';

const BIN = resolve((JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> }).bin['xxgk-lint']!);
const REPORT = resolve('fixtures/corpus/text/013-pingtan-2024.txt');

interface Output { results: { file: string; findings: { ruleId: string; severity: string }[] }[] }

/** A folder of reports with a README, notes and drafts beside them. */
function reportsFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'xxgk-ignore-'));
  const dir = join(root, 'reports');
  for (const sub of ['notes', 'drafts']) mkdirSync(join(dir, sub), { recursive: true });
  copyFileSync(REPORT, join(dir, 'pingtan-2024.txt'));
  writeFileSync(join(dir, 'README.md'), '# 年度报告存档\n\n这里存放各单位的年度报告。\n');
  writeFileSync(join(dir, 'notes', 'todo.txt'), '待办：核对表三\n');
  writeFileSync(join(dir, 'notes', 'keep.txt'), '保留的说明\n');
  copyFileSync(REPORT, join(dir, 'drafts', 'draft.txt'));
  return root;
}

function run(cwd: string, args: string[]): { code: number | null; out: Output | null; stderr: string } {
  if (!existsSync(BIN)) throw new Error('run `npm run build` first');
  const child = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: child.status, out: child.stdout ? (JSON.parse(child.stdout) as Output) : null, stderr: child.stderr };
}
const names = (out: Output | null): string[] => (out?.results ?? []).map((r) => r.file.replace(/^.*reports\//, '')).sort();

describe('ignoring files', () => {
  it('checks everything without patterns: the README is a not-a-report warning', () => {
    const root = reportsFolder();
    const { out } = run(root, ['reports']);
    expect(names(out)).toEqual(['README.md', 'drafts/draft.txt', 'notes/keep.txt', 'notes/todo.txt', 'pingtan-2024.txt']);
    expect(out!.results.find((r) => r.file.endsWith('README.md'))!.findings.map((f) => f.ruleId)).toContain('batch/not-a-report');
  });

  it('leaves out what .xxgk-lintignore, --ignore-pattern and the config\'s ignores name', () => {
    const root = reportsFolder();
    writeFileSync(join(root, '.xxgk-lintignore'), '# not reports\nREADME.md\nreports/notes/\n!reports/notes/keep.txt\n');
    expect(names(run(root, ['reports']).out)).toEqual(['drafts/draft.txt', 'notes/keep.txt', 'pingtan-2024.txt']);
    expect(names(run(root, ['reports', '--ignore-pattern', 'drafts/', '--ignore-pattern', 'keep.txt']).out)).toEqual(['pingtan-2024.txt']);
    writeFileSync(join(root, 'reports', '.xxgk-lint.yaml'), 'ignores:\n  - drafts/\n');
    expect(names(run(root, ['reports']).out)).toEqual(['notes/keep.txt', 'pingtan-2024.txt']);
  });

  it('ignores a named file too, and checks nothing (exit 0) when every named file is ignored', () => {
    const root = reportsFolder();
    const { code, out, stderr } = run(root, ['--ignore-pattern', '*.md', 'reports/README.md']);
    expect(code).toBe(0);
    expect(out!.results).toEqual([]);
    expect(stderr).toContain('忽略');
  });
});

describe('configuring the built-in finding ids', () => {
  it('turns batch/not-a-report off and gives an ingest id another severity', () => {
    const root = reportsFolder();
    writeFileSync(join(root, 'reports', 'scan.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    writeFileSync(join(root, 'reports', '.xxgk-lint.yaml'), 'rules:\n  batch/not-a-report: off\n  ingest/binary: warning\n');
    const { out } = run(root, ['reports']);
    const readme = out!.results.find((r) => r.file.endsWith('README.md'))!;
    expect(readme.findings).toEqual([]);
    expect(out!.results.find((r) => r.file.endsWith('scan.txt'))!.findings).toEqual([expect.objectContaining({ ruleId: 'ingest/binary', severity: 'warning' })]);
  });

  it('reports an unknown id with a suggestion', () => {
    const root = reportsFolder();
    writeFileSync(join(root, 'reports', '.xxgk-lint.yaml'), 'rules:\n  batch/not-a-reprt: off\n');
    const { code, stderr } = run(root, ['reports']);
    expect(code).toBe(2);
    expect(stderr).toContain('batch/not-a-report');
  });

  it('lists every ingest/parse/batch/waiver id the sources emit', () => {
    const ids = new Set<string>();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts')) for (const m of readFileSync(path, 'utf8').matchAll(/'((?:ingest|parse|batch|waiver)\/[a-z0-9-]+)'/g)) ids.add(m[1]!);
      }
    };
    walk('src');
    expect(ids.size).toBeGreaterThan(20);
    expect([...ids].filter((id) => !(BUILTIN_FINDING_IDS as readonly string[]).includes(id))).toEqual([]);
  });
});

describe('ignore patterns (.gitignore syntax)', () => {
  it('matches names at any depth, anchors paths with a slash, takes files back with !, folders with a trailing /', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'xxgk-ignore-unit-'));
    const ignored = ignoreMatcher({ cwd, cliPatterns: ['*.md', '/top.txt', 'a/b/', '!a/b/keep.txt', '\\#hash.txt', 'dir/'] });
    const at = (p: string): boolean => ignored(join(cwd, p));
    expect(at('README.md')).toBe(true);
    expect(at('x/y/notes.md')).toBe(true);
    expect(at('top.txt')).toBe(true);
    expect(at('x/top.txt')).toBe(false);
    expect(at('a/b/c.txt')).toBe(true);
    expect(at('a/b/keep.txt')).toBe(false);
    expect(at('#hash.txt')).toBe(true);
    expect(at('x/dir/report.txt')).toBe(true);
    expect(at('dir.txt')).toBe(false);
    expect(at('node_modules/pkg/readme.txt')).toBe(true);
    expect(at('report.txt')).toBe(false);
    expect(ignored(join(cwd, '..', 'outside.md'))).toBe(false); // patterns apply below their folder only
  });
});
