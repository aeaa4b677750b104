/**
 * The CLI users get: package.json's `bin`, the esbuild bundle that `npm run build` writes to
 * dist/bundle (scripts/bundle.mjs). Each run spawns it with Node and compares what it prints with
 * the same command run in-process from the sources, so a bundle that lost a file (the worker, the
 * pack cache, a lazily loaded chunk) or an external dependency (pdf.js, cheerio, exceljs) fails here.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../src/cli/formats.js';
import { FORMATTERS } from '../src/report/index.js';
import { runCli, type CliRun } from './helpers/cli.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
const BIN = pkg.bin['xxgk-lint']!;
const TEXT = 'fixtures/corpus/text';
const ORIGINAL = 'fixtures/corpus/original';

/** Runs the built CLI in a child process, as `xxgk-lint <args>` would. */
function runBundle(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  if (!existsSync(BIN)) throw new Error(`${BIN} (package.json "bin") is missing: run \`npm run build\` first`);
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, CI: 'true', NO_COLOR: '1', ...env } });
  if (run.error) throw run.error;
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** The same command through the bundle and in-process: same exit code, output and messages. */
async function expectSameAsInProcess(args: string[]): Promise<CliRun> {
  const bundled = runBundle(args);
  const direct = await runCli(args);
  expect(bundled.stderr).toBe(direct.stderr);
  expect(bundled.code).toBe(direct.code);
  if (args.includes('json') && direct.stdout !== '') expect(JSON.parse(bundled.stdout)).toEqual(JSON.parse(direct.stdout));
  else expect(bundled.stdout).toBe(direct.stdout);
  return bundled;
}

describe('the bundled CLI (package.json bin)', () => {
  it('lists the output formats without loading them, in the formatters\' order', () => {
    expect([...FORMAT_NAMES]).toEqual(Object.keys(FORMATTERS));
  });

  it('is the bundle, with its worker and the built-in pack cache beside it', () => {
    expect(BIN).toBe('dist/bundle/main.js');
    const dir = BIN.slice(0, BIN.lastIndexOf('/'));
    for (const file of ['worker.js', 'builtin-packs.json']) expect(existsSync(join(dir, file)), `${dir}/${file}`).toBe(true);
  });

  it('keeps YAML, zod and the lazily used packages out of the chunks loaded at start-up', () => {
    // dist/bundle-meta.json is esbuild's metafile, written by scripts/bundle.mjs. A static import
    // of a module that uses zod or yaml (e.g. importing from engine/load.js instead of expand.js)
    // puts them back on every start: about 60 ms of issue #9's 300 ms budget.
    const meta = JSON.parse(readFileSync('dist/bundle-meta.json', 'utf8')) as { outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> }> };
    const loaded = new Set<string>();
    const external = new Set<string>();
    const todo = [BIN];
    while (todo.length > 0) {
      const output = todo.pop()!;
      if (loaded.has(output)) continue;
      loaded.add(output);
      for (const i of meta.outputs[output]?.imports ?? []) {
        if (i.kind !== 'import-statement') continue;
        if (i.external) external.add(i.path);
        else todo.push(i.path);
      }
    }
    const inputs = [...loaded].flatMap((o) => Object.keys(meta.outputs[o]!.inputs));
    expect(inputs.length).toBeGreaterThan(50);
    expect(inputs.filter((i) => /node_modules\/(?:zod|yaml|csv-parse|picomatch|tinyglobby)\//.test(i))).toEqual([]);
    expect(inputs.filter((i) => /dist\/src\/(?:engine\/(?:load|schema)|config|cli\/(?:setup|waivers|baseline)|report\/(?:index|html|sarif))\.js$/.test(i))).toEqual([]);
    expect([...external].filter((e) => !e.startsWith('node:') && !['fs', 'path', 'url', 'module', 'os'].includes(e))).toEqual([]);
  });

  it('checks a .txt report as the sources do (JSON contract)', async () => {
    const run = await expectSameAsInProcess(['check', '--format', 'json', `${TEXT}/013-pingtan-2024.txt`]);
    expect(JSON.parse(run.stdout).results).toHaveLength(1);
  });

  it('prints the same readable output, exit code 1 on errors', async () => {
    const run = await expectSameAsInProcess(['check', '--no-color', `${TEXT}/002-hongze-district-2023.txt`]);
    expect(run.code).toBe(1);
  });

  it('writes every other output format as the sources do (formatters loaded on demand)', async () => {
    for (const format of FORMAT_NAMES.filter((f) => f !== 'json' && f !== 'stylish')) {
      await expectSameAsInProcess(['check', '--format', format, `${TEXT}/002-hongze-district-2023.txt`]);
    }
  });

  it('reads .pdf, .docx and .html through the external pdf.js and cheerio', async () => {
    const run = await expectSameAsInProcess(['check', '--format', 'json', `${ORIGINAL}/002-hongze-district-2023.pdf`, `${ORIGINAL}/013-pingtan-2024.docx`, `${ORIGINAL}/013-pingtan-2024.html`]);
    const results = JSON.parse(run.stdout).results as { report: { agency: string | null } | null }[];
    expect(results.map((r) => r.report?.agency)).toEqual(['洪泽区人民政府', '平潭综合实验区', '平潭综合实验区']);
  });

  it('checks a batch on 2 worker threads (the bundled worker) with the same results', async () => {
    const files = [`${TEXT}/002-hongze-district-2023.txt`, `${TEXT}/013-pingtan-2024.txt`];
    const bundled = runBundle(['check', '--no-progress', '--format', 'json', '-j', '2', ...files]);
    const direct = await runCli(['check', '--no-progress', '--format', 'json', '-j', '1', ...files]);
    expect(bundled.stderr).toBe('');
    expect(bundled.code).toBe(direct.code);
    expect(JSON.parse(bundled.stdout)).toEqual(JSON.parse(direct.stdout));
  });

  it('loads the config, waiver and baseline readers (YAML, zod) when those files are given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-bundle-'));
    const report = join(dir, 'hongze.txt');
    writeFileSync(report, readFileSync(`${TEXT}/002-hongze-district-2023.txt`));
    writeFileSync(join(dir, '.xxgk-lint.yaml'), 'rules:\n  date-present: "off"\noverrides:\n  - files: ["*.txt"]\n    rules: { government-accountability: info }\n');
    const fingerprint = (JSON.parse((await runCli(['check', '--format', 'json', report])).stdout).results[0].findings as { ruleId: string; fingerprint: string }[]).find((f) => f.ruleId === 'table4-group-total')!.fingerprint;
    writeFileSync(join(dir, '.xxgk-lint-waivers.yaml'), `waivers:\n  - file: hongze.txt\n    fingerprint: "${fingerprint}"\n    reason: 原件总计为 11，已核实\n`);
    const baseline = join(dir, 'baseline.json');
    await expectSameAsInProcess(['check', '--format', 'json', '--baseline-write', baseline, report]);
    const run = await expectSameAsInProcess(['check', '--format', 'json', '--baseline', baseline, report]);
    expect(JSON.parse(run.stdout).results[0].findings).toEqual([]);
    // A broken config is still a located usage error.
    writeFileSync(join(dir, '.xxgk-lint.yaml'), 'rules:\n  no-such-rule: "off"\n');
    expect((await expectSameAsInProcess(['check', '--format', 'json', report])).code).toBe(2);
  });

  it('validates a waiver file with Chinese messages when nothing else loaded zod', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-bundle-'));
    writeFileSync(join(dir, 'r.txt'), readFileSync(`${TEXT}/013-pingtan-2024.txt`));
    writeFileSync(join(dir, '.xxgk-lint-waivers.yaml'), 'waivers:\n  - file: r.txt\n    fingerprint: 12345678\n    reason: 原件已核实无误\n');
    const run = await expectSameAsInProcess(['check', '--format', 'json', join(dir, 'r.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('waivers.0.fingerprint：无效输入');
  });

  it('lists the rules, prints the pack schema and writes an Excel summary (external exceljs)', async () => {
    await expectSameAsInProcess(['rules', '--format', 'json']);
    await expectSameAsInProcess(['rules', '--schema']);
    const out = join(mkdtempSync(join(tmpdir(), 'xxgk-bundle-')), 'summary.xlsx');
    const run = runBundle(['check', '--format', 'json', '--summary', out, `${TEXT}/013-pingtan-2024.txt`]);
    expect(run.stderr).toContain(out);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('stops quietly when the reader closes the output early (`| head`)', async () => {
    // 300 different reports (each with its own 上年结转 figure, so none is a copy of another):
    // their JSON is far more than a pipe holds, so the CLI is still writing when the reader goes away.
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-bundle-'));
    const text = readFileSync(`${TEXT}/013-pingtan-2024.txt`, 'utf8');
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `r${i}.txt`), text.replace(/(二、上年结转政府信息公开申请数量\t)0/, `$1${i + 1}`));
    const child = spawn(process.execPath, [BIN, 'check', '--no-progress', '--format', 'json', '-j', '1', dir], { env: { ...process.env, CI: 'true' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(141);
  });
});
