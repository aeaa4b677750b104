/**
 * A batch written as JSON with every cross-report rule off keeps no result: each is written as it
 * is checked (issue #21, memory flat with the number of files). The output, the summary lines and
 * the exit code are those of the same run collected whole (forced here by a second output in
 * another format, which needs every result first).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossRulesActive } from '../src/batch/cross.js';
import { runBatch } from '../src/batch/run.js';
import { isCrossRule } from '../src/engine/kinds.js';
import type { ResultEntry } from '../src/report/index.js';
import { builtinPacks } from './helpers/examples.js';
import { runCli } from './helpers/cli.js';

const crossIds = builtinPacks().flatMap((p) => p.rules.filter(isCrossRule).map((r) => r.id));
const NO_CROSS = `rules:\n${crossIds.map((id) => `  ${id}: "off"\n`).join('')}`;

/** A folder of reports with errors, a clean one, a duplicate, an unreadable file, a config without cross-report rules and a waiver. */
function batchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-streamed-'));
  for (const name of ['002-hongze-district-2023.txt', '003-hongze-district-2024.txt', '013-pingtan-2024.txt', '001-huaian-city-2024.txt']) copyFileSync(`fixtures/corpus/text/${name}`, join(dir, name));
  copyFileSync('fixtures/corpus/text/013-pingtan-2024.txt', join(dir, 'z-copy.txt'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'config.yaml'), NO_CROSS);
  writeFileSync(join(dir, '.xxgk-lint-waivers.yaml'), 'waivers:\n  - file: 013-pingtan-2024.txt\n    fingerprint: "12345678"\n    reason: 原件已核实无误，网页转换时出错\n');
  return dir;
}

describe('JSON written as results come', () => {
  it('is byte for byte the collected output, with a missing path, an unused waiver, --quiet and --max-warnings', async () => {
    const dir = batchDir();
    for (const extra of [[], ['--quiet'], ['--max-warnings', '0'], ['--fail-severity', 'warning', '-j', '2']]) {
      const args = ['check', '-c', join(dir, 'config.yaml'), ...extra, dir, join(dir, 'absent.txt')];
      const streamed = await runCli([...args, '-f', 'json']);
      const collected = await runCli([...args, '-f', 'json', '-f', `stylish:${join(dir, 'out.txt')}`]);
      expect(streamed.stdout).toBe(collected.stdout);
      expect(streamed.code).toBe(collected.code);
      const out = JSON.parse(streamed.stdout) as { results: { file: string; status?: string }[]; summary: { files: number; errors: number } };
      expect(out.results[0]!.file).toMatch(/absent\.txt$/);
      expect(out.results.at(-1)!.file).toMatch(/waivers\.yaml$/);
      expect(out.results.some((r) => r.status === 'duplicate')).toBe(true);
      expect(out.summary.files).toBe(out.results.length);
    }
  });

  it('says the same on the terminal when the JSON goes to a file', async () => {
    const dir = batchDir();
    const streamed = await runCli(['check', '-c', join(dir, 'config.yaml'), '-f', `json:${join(dir, 'a.json')}`, dir]);
    const collected = await runCli(['check', '-c', join(dir, 'config.yaml'), '-f', `json:${join(dir, 'b.json')}`, '-f', `markdown:${join(dir, 'b.md')}`, dir]);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(readFileSync(join(dir, 'b.json'), 'utf8'));
    expect(streamed.stderr.replace('a.json', 'X')).toBe(collected.stderr.split('\n').filter((l) => l.includes('b.json')).map((l) => l.replace('b.json', 'X')).join('\n') + '\n');
  });
});

/** More files than a batch keeps in memory with its cross-report rules: each its own report (its table numbers multiplied), two agencies over two years. */
function largeDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-spilled-'));
  const sources = ['002-hongze-district-2023.txt', '003-hongze-district-2024.txt', '013-pingtan-2024.txt'].map((n) => readFileSync(`fixtures/corpus/text/${n}`, 'utf8'));
  for (let i = 0; i < 210; i++) {
    const factor = 1 + Math.floor(i / sources.length);
    writeFileSync(join(dir, `r${String(i).padStart(3, '0')}.txt`), sources[i % sources.length]!.replace(/(?<=\t|\s{2}|\| |^)(\d+)(?=\t|\s{2}| ?\||$)/gm, (d) => String(Number(d) * factor)));
  }
  writeFileSync(join(dir, '.xxgk-lint-waivers.yaml'), 'waivers:\n  - file: r001.txt\n    fingerprint: "12345678"\n    reason: 原件已核实无误，网页转换时出错\n');
  return dir;
}

describe('JSON of a large batch with cross-report rules, parked on disk until their findings are known', () => {
  it('is byte for byte the collected output, with --quiet and with two threads, and has the cross-report findings', async () => {
    const dir = largeDir();
    for (const extra of [[], ['--quiet'], ['-j', '2']]) {
      const args = ['check', '--no-progress', ...extra, dir];
      const streamed = await runCli([...args, '-f', 'json']);
      const collected = await runCli([...args, '-f', 'json', '-f', `stylish:${join(dir, 'out.txt')}`]);
      expect(streamed.stdout).toBe(collected.stdout);
      expect(streamed.code).toBe(collected.code);
      if (extra.length === 0) {
        const out = JSON.parse(streamed.stdout) as { results: { findings: { ruleId: string }[] }[] };
        expect(out.results).toHaveLength(211);
        expect(out.results.flatMap((r) => r.findings).filter((f) => crossIds.includes(f.ruleId)).length).toBeGreaterThan(10);
      }
    }
  }, 120_000);
});

describe('a batch that keeps no result', () => {
  const files = ['fixtures/corpus/text/002-hongze-district-2023.txt', 'fixtures/corpus/text/013-pingtan-2024.txt', 'fixtures/corpus/text/003-hongze-district-2024.txt'];
  const off = Object.fromEntries(crossIds.map((id) => [id, 'off' as const]));

  it('hands every result on in input order and keeps none', async () => {
    const seen: ResultEntry[] = [];
    const outcome = await runBatch({ files, packs: builtinPacks(), ruleDirs: [], settingsFor: () => off, locale: 'zh', jobs: 1, keepReports: false, keepResults: false, onResult: (entry) => void seen.push(entry) });
    expect(seen.map((e) => e.file)).toEqual(files);
    expect(seen[0]!.findings.length).toBeGreaterThan(0);
    expect(seen[0]!.report?.lines).toEqual([]);
    expect(outcome).toMatchObject({ entries: [], records: [], done: 3, interrupted: false });
  });

  it('returns the cross-report findings apart, the same as a run that keeps its results adds to them', async () => {
    expect(crossRulesActive(builtinPacks(), [off, off])).toBe(false);
    expect(crossRulesActive(builtinPacks(), [off, { ...off, [crossIds[0]!]: 'warning' }])).toBe(true);
    expect(crossRulesActive(builtinPacks(), [{}])).toBe(true);
    // Last year's report and this year's with its figures doubled: the continuity rules find the breaks.
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-cross-apart-'));
    const pair = [join(dir, 'a.txt'), join(dir, 'b.txt')];
    copyFileSync(files[0]!, pair[0]!);
    writeFileSync(pair[1]!, readFileSync(files[2]!, 'utf8').replace(/(?<=\t|\s{2}|\| |^)(\d+)(?=\t|\s{2}| ?\||$)/gm, (d) => String(Number(d) * 2)));
    const params = { files: pair, packs: builtinPacks(), ruleDirs: [], settingsFor: () => ({}), locale: 'zh' as const, jobs: 1, keepReports: false };
    const apart = await runBatch({ ...params, keepResults: false });
    const kept = await runBatch(params);
    const crossOf = (file: string) => kept.entries.find((e) => e.file === file)!.findings.filter((f) => crossIds.includes(f.ruleId));
    expect(apart.cross.get(pair[1]!)?.length).toBeGreaterThan(0);
    for (const file of pair) expect(apart.cross.get(file) ?? []).toEqual(crossOf(file));
    expect(kept.cross.size).toBe(0);
    await expect(runBatch({ ...params, keepResults: false, manifest: { entries: [], file: 'm.csv' } })).rejects.toThrow(/manifest/);
  });
});

describe('Ctrl-C while results are written as they come', () => {
  it('writes results before the end, and still ends the JSON with "interrupted" and the count not checked', async () => {
    const bin = resolve((JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> }).bin['xxgk-lint']!);
    if (!existsSync(bin)) throw new Error('run `npm run build` first');
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-streamed-int-'));
    const total = 1500;
    for (let i = 0; i < total; i++) copyFileSync(`fixtures/corpus/text/${i % 2 ? '002-hongze-district-2023' : '013-pingtan-2024'}.txt`, join(dir, `r${String(i).padStart(4, '0')}.txt`));
    writeFileSync(join(dir, 'config.yaml'), NO_CROSS);
    const child = spawn(process.execPath, [bin, 'check', '-f', 'json', '-c', join(dir, 'config.yaml'), '--jobs', '1', dir], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    // Stopped as soon as the first results arrive: collected whole, nothing would arrive before the end.
    child.stdout.once('data', () => child.kill('SIGINT'));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    const out = JSON.parse(stdout) as { results: unknown[]; interrupted?: boolean; notChecked?: number };
    expect(code).toBe(130);
    expect(out.interrupted).toBe(true);
    expect(out.notChecked).toBeGreaterThan(0);
    expect(out.results.length + out.notChecked!).toBe(total);
  }, 60_000);
});
