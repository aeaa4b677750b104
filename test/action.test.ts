/**
 * The GitHub Action (action.yml, issue #18): inputs reach the scripts only through the
 * environment (no `${{ }}` pasted into a script: script injection), it installs the packed CLI
 * instead of building the clone, and its check script runs the CLI with the inputs as separate
 * arguments, writes the step outputs, the SARIF file and the job summary. The script runs here
 * with a `xxgk-lint` on PATH that is the built bin.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface Step { name: string; run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, string>; if?: string }
const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown>; runs: { using: string; steps: Step[] } };
const BIN = resolve((JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> }).bin['xxgk-lint']!);
const REPORT = resolve('fixtures/corpus/text/002-hongze-district-2023.txt');

function runCheckScript(env: Record<string, string>): { dir: string; output: string; summary: string; status: number | null; stderr: string } {
  if (!existsSync(BIN)) throw new Error('run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-action-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'xxgk-lint'), `#!/usr/bin/env bash\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'xxgk-lint'), 0o755);
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary.md'), RUNNER_TEMP: join(dir, 'tmp') };
  mkdirSync(files.RUNNER_TEMP);
  const run = spawnSync('bash', [resolve('scripts/action-check.sh')], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PATH: `${bin}:${process.env.PATH ?? ''}`, ...files, ...env } });
  const read = (file: string): string => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  return { dir, output: read(files.GITHUB_OUTPUT), summary: read(files.GITHUB_STEP_SUMMARY), status: run.status, stderr: run.stderr };
}

describe('action.yml', () => {
  it('passes every input through env, never inside a script', () => {
    for (const step of action.runs.steps) if (step.run) expect(step.run, step.name).not.toContain('${{');
    const envValues = action.runs.steps.flatMap((s) => Object.values(s.env ?? {}));
    for (const input of ['paths', 'format', 'fail-severity', 'args', 'upload-sarif', 'summary', 'cache', 'package']) expect(envValues).toContain(`\${{ inputs.${input} }}`);
  });

  it('installs the packed CLI without building the clone or the web page', () => {
    const scripts = [...action.runs.steps.map((s) => s.run ?? ''), readFileSync('scripts/action-install.sh', 'utf8'), readFileSync('scripts/action-check.sh', 'utf8')].join('\n');
    expect(scripts).not.toMatch(/npm (ci|run build)|vite/);
    expect(readFileSync('scripts/action-install.sh', 'utf8')).toMatch(/npm install --global/);
    expect(action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))?.with?.sarif_file).toContain('steps.check.outputs.sarif-file');
  });

  it('runs the check with SARIF and a job summary of the counts, exit code as a step output', () => {
    const run = runCheckScript({ XXGK_PATHS: REPORT, XXGK_FORMAT: 'github', XXGK_FAIL_SEVERITY: 'error', XXGK_ARGS: '--locale zh', XXGK_SARIF: 'true', XXGK_SUMMARY: 'true' });
    expect(run.status).toBe(0); // the step succeeds; the action's last step exits with the code
    const json = JSON.parse(readFileSync(join(run.dir, 'tmp', 'xxgk-lint.json'), 'utf8')) as { summary: { errors: number; warnings: number; infos: number } };
    expect(run.output).toContain(`exit-code=${json.summary.errors > 0 ? 1 : 0}`);
    expect(run.output).toContain(`sarif-file=${join(run.dir, 'tmp', 'xxgk-lint.sarif')}`);
    expect(JSON.parse(readFileSync(join(run.dir, 'tmp', 'xxgk-lint.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(run.summary).toContain(`${json.summary.errors} 个错误，${json.summary.warnings} 个警告，${json.summary.infos} 个提示`);
    expect(run.summary).toContain('002-hongze-district-2023.txt');
  });

  it('keeps results in .xxgk-lint-cache with the cache input, restored and saved by actions/cache, and prints the same from them', () => {
    const restore = action.runs.steps.find((s) => s.uses?.startsWith('actions/cache@'));
    expect(restore?.with?.path).toBe('.xxgk-lint-cache');
    expect(restore?.if).toContain("inputs.cache == 'true'");
    expect(action.inputs).toHaveProperty('cache.default', 'false');
    const env = { XXGK_PATHS: REPORT, XXGK_FORMAT: 'json', XXGK_SARIF: 'false', XXGK_SUMMARY: 'false' };
    const plain = runCheckScript(env);
    expect(existsSync(join(plain.dir, '.xxgk-lint-cache'))).toBe(false);
    const cached = runCheckScript({ ...env, XXGK_CACHE: 'true' });
    expect(readdirSync(join(cached.dir, '.xxgk-lint-cache')).some((d) => /^[0-9a-f]{2}$/.test(d))).toBe(true);
    expect(cached.output).toBe(plain.output);
    const results = (run: typeof plain) => (JSON.parse(readFileSync(join(run.dir, 'tmp', 'xxgk-lint.json'), 'utf8')) as { results: unknown }).results;
    expect(results(cached)).toEqual(results(plain));
  });

  it('keeps shell syntax in the inputs as plain arguments (no injection)', () => {
    const run = runCheckScript({ XXGK_PATHS: `${REPORT} $(touch pwned-paths) ;touch pwned-semicolon`, XXGK_ARGS: '--max-warnings `touch pwned-args`', XXGK_FORMAT: 'json', XXGK_SARIF: 'false' });
    expect(readdirSync(run.dir).filter((f) => f.startsWith('pwned'))).toEqual([]);
    expect(run.output).toContain('exit-code=2'); // `touch pwned-args` is not a number: a usage error
    expect(run.output).not.toContain('sarif-file=');
  });
});
