/**
 * `check --cache`: a file's result is kept on disk and read back on a later run only while
 * everything it depends on is unchanged (the file's name and bytes, its settings, the run's
 * packs, language, limits and code); a damaged or foreign entry is a miss; output is the same
 * with and without the cache; entries no run has read for 30 days are pruned.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { crossCellIds } from '../src/batch/cross.js';
import { checkFiles } from '../src/batch/pool.js';
import { runBatch, type BatchOutcome } from '../src/batch/run.js';
import { processFile, trimmedTo, type Processed } from '../src/batch/process.js';
import { Checker } from '../src/engine/run.js';
import { codeFolder, codeIdentity, dependencyVersions, programIdentity } from '../src/batch/program-identity.js';
import { CACHE_MAX_AGE_DAYS, DEFAULT_CACHE_DIR, fullerRunKeys, pruneCache, ResultCache, runKeyOf, prepareCacheDir, type CacheInput, type RunKeyParts } from '../src/batch/result-cache.js';
import type { RuleSettings } from '../src/engine/run.js';
import { lint, LintSetupError } from '../src/node.js';
import { builtinPacks } from './helpers/examples.js';
import { runCli } from './helpers/cli.js';

const TEXTS = readdirSync('fixtures/corpus/text').map((f) => join('fixtures/corpus/text', f));

const tempDir = (name: string): string => mkdtempSync(join(tmpdir(), `xxgk-cache-${name}-`));

/** The batch's reports copied to a fresh folder (so a test may change one). */
function reportsIn(count: number): string[] {
  const dir = tempDir('reports');
  return Array.from({ length: count }, (_, i) => {
    const file = join(dir, `r${String(i).padStart(2, '0')}.txt`);
    copyFileSync(TEXTS[i % TEXTS.length]!, file);
    return file;
  });
}

interface RunOptions {
  jobs?: number;
  cacheDir?: string;
  settings?: RuleSettings;
  locale?: 'zh' | 'en';
  keepReports?: boolean;
}

const run = (files: string[], options: RunOptions = {}): Promise<BatchOutcome> =>
  runBatch({
    files, packs: builtinPacks(), ruleDirs: [], settingsFor: () => options.settings ?? {}, locale: options.locale ?? 'zh', jobs: options.jobs ?? 1, keepReports: options.keepReports ?? false,
    ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {}),
  });

/** Every entry file of a cache folder. */
const entriesOf = (dir: string): string[] =>
  readdirSync(dir).filter((d) => /^[0-9a-f]{2}$/.test(d)).flatMap((d) => readdirSync(join(dir, d)).filter((f) => f.endsWith('.result')).map((f) => join(dir, d, f)));

const MARK = 'test/from-cache';

/** Adds a finding no check makes to every kept result: a run that shows it read the cache. */
function markEntries(dir: string): void {
  for (const path of entriesOf(dir)) {
    const entry = deserialize(readFileSync(path)) as { key: string; processed: Processed };
    const mark = { ruleId: MARK, severity: 'info' as const, message: 'kept', location: { line: 1 } };
    entry.processed.entry.findings = [...entry.processed.entry.findings, mark];
    entry.processed.record.findings = entry.processed.entry.findings;
    writeFileSync(path, serialize(entry));
  }
}

const marked = (outcome: BatchOutcome): string[] => outcome.entries.filter((e) => e.findings.some((f) => f.ruleId === MARK)).map((e) => e.file);

/** What a run gives, without what differs between two equal runs (nothing should). */
const resultsOf = (outcome: BatchOutcome) => ({ entries: outcome.entries, records: outcome.records });

describe('result cache: the batch', () => {
  it('gives the same results with and without it, then serves every file from it (this thread, then a worker)', async () => {
    // Each report once (a copy would be a duplicate, never checked); with -j 2 a worker takes them all.
    const files = reportsIn(TEXTS.length);
    const plain = await run(files);
    for (const jobs of [1, 2]) {
      const cacheDir = tempDir('dir');
      const first = await run(files, { jobs, cacheDir });
      expect(resultsOf(first)).toEqual(resultsOf(plain));
      expect(entriesOf(cacheDir)).toHaveLength(files.length);
      markEntries(cacheDir);
      const second = await run(files, { jobs, cacheDir });
      // Every file's result came from the cache: in this thread (-j 1), in the worker (-j 2).
      expect(marked(second)).toEqual(files);
      // Apart from the mark, the kept results are the results.
      const unmarked = second.entries.map((e) => ({ ...e, findings: e.findings.filter((f) => f.ruleId !== MARK) }));
      expect(unmarked).toEqual(plain.entries);
    }
  }, 120_000);

  it('checks a file again when its bytes, its settings or the language change, and only that file for its bytes', async () => {
    const files = reportsIn(3);
    const cacheDir = tempDir('dir');
    await run(files, { cacheDir });
    markEntries(cacheDir);
    // One report is revised: a sentence added at its end.
    writeFileSync(files[1]!, `${readFileSync(files[1]!, 'utf8')}\n本报告已修订。\n`);
    const revised = await run(files, { cacheDir });
    expect(marked(revised)).toEqual([files[0], files[2]]);
    expect(revised.entries[1]!.findings).toEqual((await run(files)).entries[1]!.findings);
    // Other settings, another language: every file is checked again.
    const ruleId = revised.entries[0]!.findings.find((f) => f.ruleId !== MARK)?.ruleId ?? 'overview/present';
    expect(marked(await run(files, { cacheDir, settings: { [ruleId]: 'off' } }))).toEqual([]);
    expect(marked(await run(files, { cacheDir, locale: 'en' }))).toEqual([]);
    // The original run still finds its own results.
    expect(marked(await run(files, { cacheDir }))).toEqual([files[0], files[2]]);
  }, 120_000);
});

describe('result cache: a batch that keeps less of each report', () => {
  it('trims what a smaller batch kept (whole models, bodies) to exactly what it would have found itself', async () => {
    const checker = new Checker(builtinPacks());
    const cells = crossCellIds(builtinPacks());
    // Every report kind processFile gives: checked reports, an unreadable file, a text that is no report.
    const inputs: [string, Uint8Array][] = [
      ...TEXTS.map((file): [string, Uint8Array] => [file, new Uint8Array(readFileSync(file))]),
      ['empty.txt', new Uint8Array()],
      ['note.txt', new TextEncoder().encode('会议通知\n请各单位于下周一前报送材料。\n')],
    ];
    const keepings = [true, false].flatMap((keepBody) => [true, false].map((keepReports) => ({ keepBody, keepReports })));
    for (const [file, bytes] of inputs) {
      const fullest = await processFile(bytes, file, checker, cells, true, true);
      for (const keeping of keepings) {
        const own = await processFile(bytes, file, checker, cells, keeping.keepBody, keeping.keepReports);
        expect(trimmedTo(fullest, keeping), `${file} ${JSON.stringify(keeping)}`).toEqual(own);
      }
    }
    // The cases differ: a trimmed result is not the whole one.
    const [file, bytes] = inputs[0]!;
    const fullest = await processFile(bytes, file, checker, cells, true, true);
    expect(trimmedTo(fullest, { keepBody: false, keepReports: false })).not.toEqual(fullest);
  }, 120_000);

  it('serves a batch grown past 200 files (no whole models) or 500 (no bodies) from a smaller one\'s results', async () => {
    const files = reportsIn(TEXTS.length);
    // Past 200 files runBatch keeps no whole model: the same files with keepReports false.
    const cacheDir = tempDir('dir');
    const small = await run(files, { cacheDir, keepReports: true });
    expect(small.entries[0]!.report!.lines.length).toBeGreaterThan(0);
    markEntries(cacheDir);
    const grown = await run(files, { cacheDir });
    expect(marked(grown)).toEqual(files);
    const plain = await run(files);
    expect(grown.entries.map((e) => ({ ...e, findings: e.findings.filter((f) => f.ruleId !== MARK) }))).toEqual(plain.entries);
    // The trimmed results were kept for this run as well: found directly the next time.
    expect(entriesOf(cacheDir)).toHaveLength(2 * files.length);
    // Past 500 files no body either (the pool's own option): in this thread and in a worker.
    for (const jobs of [1, 2]) {
      const dir = tempDir('dir');
      const options = { jobs, packs: builtinPacks(), ruleDirs: [], locale: 'zh' as const, snapshotCells: crossCellIds(builtinPacks()), keepReports: false };
      const tasks = files.map((file, index) => ({ index, file, settings: {} }));
      const collect = async (keepBody: boolean, cache: boolean): Promise<Processed[]> => {
        const out: Processed[] = [];
        for await (const result of checkFiles(tasks, { ...options, keepBody, ...(cache ? { cacheDir: dir } : {}) })) if ('processed' in result) out.push(result.processed);
        return out;
      };
      await collect(true, true);
      markEntries(dir);
      const fromCache = await collect(false, true);
      expect(fromCache.filter((p) => p.entry.findings.some((f) => f.ruleId === MARK))).toHaveLength(files.length);
      const fresh = await collect(false, false);
      expect(fromCache.map((p) => p.snapshot?.body)).toEqual(fresh.map((p) => p.snapshot?.body));
      expect(fresh.every((p) => p.snapshot === null || p.snapshot.body === '')).toBe(true);
      expect(fromCache.map((p) => ({ ...p.snapshot }))).toEqual(fresh.map((p) => ({ ...p.snapshot })));
    }
    // The other way, a batch shrunk below 200 files, has no whole models kept: it checks again.
    const shrunk = tempDir('dir');
    await run(files, { cacheDir: shrunk });
    markEntries(shrunk);
    expect(marked(await run(files, { cacheDir: shrunk, keepReports: true }))).toEqual([]);
  }, 180_000);
});

describe('result cache: entries', () => {
  const parts: RunKeyParts = { code: 'c', packs: [], locale: 'zh', limits: undefined, snapshotCells: new Set(['t3.a']), keepBody: true, keepReports: false };
  const input: CacheInput = { file: 'a.txt', bytes: new TextEncoder().encode('报告'), settings: {}, attachments: [] };
  const processed = {
    entry: { file: 'a.txt', report: null, findings: [] },
    record: { file: 'a.txt', status: 'checked', agency: '某县', year: 2024, edition: '2021', publishedAt: null, findings: [], counts: { error: 0, warning: 0, info: 0 }, identity: { cells: Uint32Array.of(1, 2, 3), text: Uint32Array.of(7), before: [] } },
    snapshot: null,
    digest: 'd',
  } as unknown as Processed;

  it('keys a run by everything it names, and a file by its name, bytes, settings, page metadata and attachments', () => {
    const base = runKeyOf(parts);
    expect(runKeyOf({ ...parts, snapshotCells: new Set(['t3.a']) })).toBe(base);
    const runChanges: Partial<RunKeyParts>[] = [{ code: 'd' }, { locale: 'en' }, { limits: { maxBytes: 1 } as never }, { snapshotCells: new Set() }, { keepBody: false }, { keepReports: true }, { packs: [{ id: 'p' }] as never }];
    const runKeys = runChanges.map((change) => runKeyOf({ ...parts, ...change }));
    expect(new Set([base, ...runKeys]).size).toBe(runChanges.length + 1);
    // The runs keeping more of each report: every other combination for one keeping least, none for one keeping most.
    const least = { ...parts, keepBody: false, keepReports: false };
    const more = [{ keepBody: true, keepReports: false }, { keepBody: false, keepReports: true }, { keepBody: true, keepReports: true }];
    expect(fullerRunKeys(least)).toEqual(more.map((keeping) => runKeyOf({ ...parts, ...keeping })));
    expect(fullerRunKeys({ ...parts, keepBody: true, keepReports: false })).toEqual([runKeyOf({ ...parts, keepBody: true, keepReports: true })]);
    expect(fullerRunKeys({ ...parts, keepBody: true, keepReports: true })).toEqual([]);

    const cache = new ResultCache({ dir: tempDir('keys'), runKey: base });
    const key = cache.keysOf(input).own;
    expect(cache.keysOf({ ...input, bytes: new TextEncoder().encode('报告') }).own).toBe(key);
    const fileChanges: Partial<CacheInput>[] = [
      { file: 'b.txt' }, { bytes: new TextEncoder().encode('报告。') }, { settings: { 'some/rule': 'off' } }, { meta: { title: '标题' } as never },
      { attachments: [{ name: 'a.xlsx', bytes: new Uint8Array([1]) }] },
    ];
    const fileKeys = fileChanges.map((change) => cache.keysOf({ ...input, ...change }).own);
    expect(new Set([key, ...fileKeys]).size).toBe(fileChanges.length + 1);
    // The same attachment name with other bytes is another key.
    expect(cache.keysOf({ ...input, attachments: [{ name: 'a.xlsx', bytes: new Uint8Array([2]) }] }).own).not.toBe(fileKeys.at(-1));
    expect(new ResultCache({ dir: '.', runKey: runKeys[0]! }).keysOf(input).own).not.toBe(key);
    // A file's keys in the runs keeping more are the keys those runs give it.
    const withFuller = new ResultCache({ dir: '.', runKey: base, fuller: runKeys.slice(0, 2) });
    expect(withFuller.keysOf(input)).toEqual({ own: key, fuller: runKeys.slice(0, 2).map((runKey) => new ResultCache({ dir: '.', runKey }).keysOf(input).own) });
  });

  it('reads back what it kept, typed arrays included, and nothing for a missing, damaged or foreign entry', () => {
    const dir = tempDir('entries');
    const cache = new ResultCache({ dir, runKey: 'r' });
    const key = cache.keysOf(input).own;
    expect(cache.get(key)).toBeUndefined();
    cache.set(key, processed);
    const back = cache.get(key)!;
    expect(back).toEqual(processed);
    expect(back.record.identity!.cells).toBeInstanceOf(Uint32Array);
    const [path] = entriesOf(dir);
    // Damaged: cut short.
    const whole = readFileSync(path!);
    writeFileSync(path!, whole.subarray(0, whole.length >> 1));
    expect(cache.get(key)).toBeUndefined();
    // Foreign: another key's entry under this key's name (a copy, a collision, a hand edit).
    writeFileSync(path!, serialize({ key: 'other', processed }));
    expect(cache.get(key)).toBeUndefined();
    writeFileSync(path!, serialize({ key }));
    expect(cache.get(key)).toBeUndefined();
    // Kept again: whole again, and no temporary file left.
    cache.set(key, processed);
    expect(cache.get(key)).toEqual(processed);
    expect(readdirSync(join(dir, key.slice(0, 2)))).toEqual([`${key}.result`]);
  });

  it('goes on without keeping when the folder cannot be written, and says why a location cannot be a cache', () => {
    const file = join(tempDir('file'), 'not-a-folder');
    writeFileSync(file, 'x');
    const cache = new ResultCache({ dir: file, runKey: 'r' });
    expect(() => cache.set(cache.keysOf(input).own, processed)).not.toThrow();
    expect(cache.get(cache.keysOf(input).own)).toBeUndefined();
    expect(prepareCacheDir(file)).toMatch(/EEXIST|ENOTDIR/);
    expect(prepareCacheDir(join(file, 'below'))).toMatch(/ENOTDIR|EEXIST/);
    const fresh = join(tempDir('fresh'), 'a', 'b');
    expect(prepareCacheDir(fresh)).toBeNull();
    expect(statSync(fresh).isDirectory()).toBe(true);
    expect(readdirSync(fresh)).toEqual([]);
  });

  it('prunes entries unread for 30 days and temporary files a killed run left, at most once a day', () => {
    const dir = tempDir('prune');
    const cache = new ResultCache({ dir, runKey: 'r' });
    const now = new Date('2026-12-03T12:00:00Z');
    const daysAgo = (days: number): Date => new Date(now.getTime() - days * 24 * 3600 * 1000);
    const keys = ['old.txt', 'recent.txt', 'read.txt'].map((file) => {
      const key = cache.keysOf({ ...input, file }).own;
      cache.set(key, processed);
      return key;
    });
    const pathOf = (key: string): string => join(dir, key.slice(0, 2), `${key}.result`);
    utimesSync(pathOf(keys[0]!), daysAgo(CACHE_MAX_AGE_DAYS + 1), daysAgo(CACHE_MAX_AGE_DAYS + 1));
    utimesSync(pathOf(keys[1]!), daysAgo(CACHE_MAX_AGE_DAYS - 1), daysAgo(CACHE_MAX_AGE_DAYS - 1));
    utimesSync(pathOf(keys[2]!), daysAgo(CACHE_MAX_AGE_DAYS + 5), daysAgo(CACHE_MAX_AGE_DAYS + 5));
    // Reading an entry keeps it (its time is now the real clock's, after `now`).
    expect(cache.get(keys[2]!)).toEqual(processed);
    const shard = join(dir, keys[0]!.slice(0, 2));
    mkdirSync(shard, { recursive: true });
    writeFileSync(join(shard, 'x.result.1.0.tmp'), '');
    utimesSync(join(shard, 'x.result.1.0.tmp'), daysAgo(2), daysAgo(2));
    writeFileSync(join(shard, 'y.result.2.0.tmp'), '');
    utimesSync(join(shard, 'y.result.2.0.tmp'), now, now);
    expect(pruneCache(dir, now)).toBe(2);
    expect(existsSync(pathOf(keys[0]!))).toBe(false);
    expect(existsSync(pathOf(keys[1]!))).toBe(true);
    expect(existsSync(pathOf(keys[2]!))).toBe(true);
    expect(existsSync(join(shard, 'x.result.1.0.tmp'))).toBe(false);
    expect(existsSync(join(shard, 'y.result.2.0.tmp'))).toBe(true);
    // Within a day of the last pruning nothing is looked at; a day later the recent one has aged.
    expect(pruneCache(dir, daysAgo(-0.5))).toBe(0);
    expect(existsSync(pathOf(keys[1]!))).toBe(true);
    expect(pruneCache(dir, daysAgo(-2))).toBe(2);
    expect(existsSync(pathOf(keys[1]!))).toBe(false);
    expect(existsSync(join(shard, 'y.result.2.0.tmp'))).toBe(false);
  });

  it('knows the program by the bytes of its code files, below its folder too, not by other files', () => {
    const dir = tempDir('code');
    mkdirSync(join(dir, 'parse'));
    writeFileSync(join(dir, 'main.js'), 'a');
    writeFileSync(join(dir, 'packs.json'), '{}');
    writeFileSync(join(dir, 'parse', 'rows.ts'), 'r');
    const first = codeIdentity(dir);
    writeFileSync(join(dir, 'notes.txt'), 'anything');
    mkdirSync(join(dir, 'empty.js'));
    expect(codeIdentity(dir)).toBe(first);
    for (const [file, changed] of [['main.js', 'b'], ['packs.json', '{"x":1}'], ['parse/rows.ts', 's']] as const) {
      const before = readFileSync(join(dir, file), 'utf8');
      writeFileSync(join(dir, file), changed);
      expect(codeIdentity(dir), file).not.toBe(first);
      writeFileSync(join(dir, file), before);
    }
    expect(codeIdentity(dir)).toBe(first);
    // The bundle's flat folder is the program; a module in batch/ stands for the tree above it.
    expect(codeFolder('/x/dist/bundle')).toBe('/x/dist/bundle');
    expect(codeFolder('/x/dist/src/batch')).toBe('/x/dist/src');
    expect(codeFolder('/x/src/batch')).toBe('/x/src');
  });

  it('knows the packages the program loads by their installed versions, found as Node finds them', () => {
    const root = tempDir('program');
    const bundle = join(root, 'app', 'dist', 'bundle');
    mkdirSync(bundle, { recursive: true });
    writeFileSync(join(bundle, 'main.js'), 'code');
    writeFileSync(join(root, 'app', 'package.json'), JSON.stringify({ name: 'xxgk-lint', dependencies: { 'pdfjs-dist': '5', exceljs: '4', absent: '1' } }));
    const install = (dir: string, name: string, version: string): void => {
      mkdirSync(join(dir, 'node_modules', name), { recursive: true });
      writeFileSync(join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }));
    };
    install(join(root, 'app'), 'pdfjs-dist', '5.6.205');
    install(root, 'exceljs', '4.4.0'); // hoisted above the program's folder
    expect(dependencyVersions(bundle)).toEqual([['absent', null], ['exceljs', '4.4.0'], ['pdfjs-dist', '5.6.205']]);
    const first = programIdentity(bundle);
    install(join(root, 'app'), 'pdfjs-dist', '5.7.0');
    expect(dependencyVersions(bundle)).toContainEqual(['pdfjs-dist', '5.7.0']);
    expect(programIdentity(bundle)).not.toBe(first);
    install(join(root, 'app'), 'pdfjs-dist', '5.6.205');
    expect(programIdentity(bundle)).toBe(first);
    writeFileSync(join(bundle, 'main.js'), 'other code');
    expect(programIdentity(bundle)).not.toBe(first);
  });
});

describe('result cache: the command line', () => {
  it('prints the same with --cache on a second run, and refuses a location that cannot be a folder', async () => {
    const files = reportsIn(3);
    const cacheDir = join(tempDir('cli'), 'cache');
    const args = ['check', '--format', 'json', '--cache-location', cacheDir, ...files];
    const first = await runCli(args);
    expect(entriesOf(cacheDir)).toHaveLength(3);
    const second = await runCli(args);
    expect(second).toEqual(first);
    expect(first.code).toBe((await runCli(['check', '--format', 'json', ...files])).code);
    const notAFolder = join(tempDir('cli'), 'file');
    writeFileSync(notAFolder, '');
    const refused = await runCli(['check', '--cache-location', notAFolder, files[0]!]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`无法使用缓存文件夹 ${notAFolder}`);
  }, 60_000);
});

describe('result cache: the built command', () => {
  const BIN = resolve((JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> }).bin['xxgk-lint']!);
  const cli = (args: string[], cwd: string, input?: Buffer) => {
    if (!existsSync(BIN)) throw new Error('run `npm run build` first');
    return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' }, ...(input ? { input } : {}) });
  };

  it('keeps results in .xxgk-lint-cache of the working folder, prints the same from them, and keeps nothing of standard input', () => {
    const files = reportsIn(2).map((f) => resolve(f));
    const cwd = tempDir('cwd');
    const first = cli(['check', '--cache', '--format', 'json', ...files], cwd);
    const cacheDir = join(cwd, DEFAULT_CACHE_DIR);
    expect(entriesOf(cacheDir)).toHaveLength(2);
    markEntries(cacheDir);
    const second = cli(['check', '--cache', '--format', 'json', ...files], cwd);
    const findingsOf = (stdout: string) => (JSON.parse(stdout) as { results: { findings: { ruleId: string }[] }[] }).results.map((r) => r.findings.map((f) => f.ruleId));
    // The second run printed the kept results: each with the mark, and otherwise the same findings.
    const sorted = (lists: string[][]) => lists.map((ids) => [...ids].sort());
    expect(sorted(findingsOf(second.stdout))).toEqual(sorted(findingsOf(first.stdout).map((ids) => [...ids, MARK])));
    expect(second.status).toBe(first.status);
    const stdinDir = tempDir('stdin');
    const piped = cli(['check', '--cache', '--format', 'json', '--stdin', '--stdin-filename', 'a.txt'], stdinDir, readFileSync(files[0]!));
    expect(piped.status).toBe(cli(['check', files[0]!], stdinDir).status);
    expect(JSON.parse(piped.stdout)).toHaveProperty('results.0.file', 'a.txt');
    expect(existsSync(join(stdinDir, DEFAULT_CACHE_DIR))).toBe(false);
  }, 60_000);
});

describe('result cache: the Node library', () => {
  it('lint() keeps results in cacheDir and gives the same results from them; a folder it cannot write is a setup error', async () => {
    const files = reportsIn(2);
    const cacheDir = join(tempDir('lib'), 'kept');
    const first = await lint(files, { cacheDir });
    expect(entriesOf(cacheDir)).toHaveLength(2);
    markEntries(cacheDir);
    const second = await lint(files, { cacheDir });
    expect(second.results.map((r) => r.findings.filter((f) => f.ruleId !== MARK))).toEqual(first.results.map((r) => r.findings));
    expect(second.results.every((r) => r.findings.some((f) => f.ruleId === MARK))).toBe(true);
    // Without cacheDir nothing is kept or read.
    expect((await lint(files)).results.map((r) => r.findings)).toEqual(first.results.map((r) => r.findings));
    const notAFolder = join(tempDir('lib'), 'file');
    writeFileSync(notAFolder, '');
    await expect(lint(files, { cacheDir: notAFolder })).rejects.toBeInstanceOf(LintSetupError);
  }, 60_000);
});
