/** The worker pool loses nothing when a worker dies: only the files it held fail, and the batch goes on. */
import { describe, expect, it } from 'vitest';
import { heapGrowthLimited } from '../src/batch/heap-growth.js';
import { checkFiles, type PoolOptions, type PoolResult } from '../src/batch/pool.js';

const standIn = new URL('./helpers/crashing-worker.mjs', import.meta.url);

/** Two jobs with the stand-in worker; whether this thread checks files is left to the pool. */
function poolDecides(chunk: number): PoolOptions {
  return { jobs: 2, packs: [], ruleDirs: [], locale: 'zh', snapshotCells: new Set(), keepBody: false, keepReports: false, chunk, workerUrl: standIn };
}

function options(chunk: number): PoolOptions {
  return { ...poolDecides(chunk), mainThreadChecks: false };
}

async function run(files: string[], chunk = 2): Promise<PoolResult[]> {
  const out: PoolResult[] = [];
  for await (const result of checkFiles(files.map((file, index) => ({ index, file, settings: {} })), options(chunk))) out.push(result);
  return out;
}

const reason = (r: PoolResult): string => ('error' in r ? r.error : 'processed');

describe('worker pool', () => {
  it('gives the files a crashed worker held a failure each, replaces it and checks the rest, in order', async () => {
    const files = Array.from({ length: 40 }, (_, i) => (i === 5 ? 'f5-exit.txt' : i === 12 ? 'f12-throw.txt' : `f${i}.txt`));
    const results = await run(files);
    expect(results.map((r) => r.file)).toEqual(files);
    const byFile = new Map(results.map((r) => [r.file, reason(r)]));
    expect(byFile.get('f5-exit.txt')).toMatch(/检查线程意外退出（退出码 3）/);
    expect(byFile.get('f12-throw.txt')).toMatch(/检查线程意外退出（stand-in crash on f12-throw\.txt）/);
    // Every other file is either checked or lost with the worker that held it (at most the four
    // chunks of two files a worker has in flight, per crash); the files sent after the crashes
    // go to the replacement workers: the last files, sent long after both crashes, are checked.
    const lost = files.filter((f) => byFile.get(f)!.startsWith('检查线程意外退出'));
    for (const f of files) if (!lost.includes(f)) expect(byFile.get(f)).toBe(`stand-in saw ${f}`);
    expect(lost.length).toBeLessThanOrEqual(16);
    for (let i = 36; i < 40; i++) expect(byFile.get(`f${i}.txt`)).toBe(`stand-in saw f${i}.txt`);
  });

  it('checks files in this thread too while waiting for the workers, and still yields in input order', async () => {
    // The stand-in answers "stand-in saw …" for what it is sent; what this thread checks is a
    // real check of the real file. The first files go to the worker before anything can come
    // back, so this thread checks at least the next one, and the worker answers its own.
    const fixture = 'fixtures/seeds/000-jiangyou-2017.txt';
    const tasks = Array.from({ length: 30 }, (_, index) => ({ index, file: fixture, settings: {} }));
    const out: PoolResult[] = [];
    for await (const result of checkFiles(tasks, { ...options(2), mainThreadChecks: true })) out.push(result);
    expect(out.map((r) => r.index)).toEqual(tasks.map((t) => t.index));
    const here = out.filter((r) => 'processed' in r);
    const there = out.filter((r) => reason(r) === `stand-in saw ${fixture}`);
    expect(here.length).toBeGreaterThan(0);
    expect(there.length).toBeGreaterThan(0);
    expect(here.length + there.length).toBe(30);
    for (const r of here) expect('processed' in r && r.processed.record.agency).toBeTruthy();
  });

  it('replaces each worker by a fresh one after its share of files, losing none and keeping the order', async () => {
    const files = Array.from({ length: 40 }, (_, i) => `f${i}.txt`);
    const tasks = files.map((file, index) => ({ index, file, settings: {} }));
    const out: PoolResult[] = [];
    const retireAfter = 4;
    for await (const result of checkFiles(tasks, { ...options(2), workerUrl: new URL('./helpers/thread-worker.mjs', import.meta.url), retireAfter })) out.push(result);
    expect(out.map((r) => r.file)).toEqual(files);
    const threads = new Map<string, number>();
    for (const [i, r] of out.entries()) {
      const m = /^thread (\d+) saw (.+)$/.exec(reason(r));
      expect(m?.[2]).toBe(files[i]);
      threads.set(m![1]!, (threads.get(m![1]!) ?? 0) + 1);
    }
    // A worker is sent no more chunks once it has had `retireAfter` files (a chunk may cross it).
    for (const count of threads.values()) expect(count).toBeLessThanOrEqual(retireAfter + 1);
    expect(threads.size).toBeGreaterThanOrEqual(Math.ceil(files.length / (retireAfter + 1)));
  });

  it('leaves a batch with PDFs to the workers, each with an old generation under 2 GB', async () => {
    // Without `mainThreadChecks`, the pool decides; the stand-in answers for what workers get,
    // and this thread, had it checked any of these (missing) files, would have answered otherwise.
    const files = Array.from({ length: 24 }, (_, i) => (i % 3 === 0 ? `r${i}.PDF` : `r${i}.txt`));
    const tasks = files.map((file, index) => ({ index, file, settings: {} }));
    const out: PoolResult[] = [];
    for await (const result of checkFiles(tasks, { ...poolDecides(2), workerUrl: new URL('./helpers/limits-worker.mjs', import.meta.url) })) out.push(result);
    expect(out.map((r) => r.file)).toEqual(files);
    const threads = new Set<string>();
    for (const [i, r] of out.entries()) {
      const m = /^thread (\d+) \(old generation (\d+) MB\) saw (.+)$/.exec(reason(r));
      expect(m?.[3], reason(r)).toBe(files[i]);
      threads.add(m![1]!);
      // Below V8's 2 GB step, where the old generation may grow to 4 times its live data.
      expect(Number(m![2])).toBeGreaterThan(0);
      expect(Number(m![2])).toBeLessThan(2048);
    }
    expect(threads.size).toBe(2); // `jobs` workers, none of them this thread
  });

  it('checks a batch without PDFs in this thread too, by default', async () => {
    const fixture = 'fixtures/seeds/000-jiangyou-2017.txt';
    const tasks = Array.from({ length: 30 }, (_, index) => ({ index, file: fixture, settings: {} }));
    const out: PoolResult[] = [];
    for await (const result of checkFiles(tasks, poolDecides(2))) out.push(result);
    expect(out.map((r) => r.index)).toEqual(tasks.map((t) => t.index));
    expect(out.filter((r) => 'processed' in r).length).toBeGreaterThan(0);
  });

  it('gives up on every file left when workers keep dying, instead of hanging', async () => {
    // More files than the first workers and all their replacements have in flight.
    const files = Array.from({ length: 100 }, (_, i) => `f${i}-exit.txt`);
    const results = await run(files, 1);
    expect(results).toHaveLength(100);
    expect(results.every((r) => /检查线程(?:意外退出|反复意外退出)/.test(reason(r)))).toBe(true);
    expect(results.some((r) => reason(r).includes('反复意外退出'))).toBe(true);
  });

  it('limits heap growth while a batch with PDFs runs in workers, and only then', async () => {
    const seen = async (files: string[]): Promise<boolean[]> => {
      const during: boolean[] = [];
      const tasks = files.map((file, index) => ({ index, file, settings: {} }));
      for await (const result of checkFiles(tasks, options(2))) {
        expect(reason(result)).toBe(`stand-in saw ${result.file}`);
        during.push(heapGrowthLimited());
      }
      return during;
    };
    expect(await seen(['a.txt', 'b.pdf', 'c.txt', 'd.PDF'])).toEqual([true, true, true, true]);
    expect(heapGrowthLimited()).toBe(false);
    expect(await seen(['a.txt', 'b.html', 'c.docx', 'd.md'])).toEqual([false, false, false, false]);
  });
});
