/**
 * Checking many files: in this thread, or in a pool of worker threads (about 2× on 2 cores),
 * sending files in chunks (so each message carries enough work to pay for itself) and yielding
 * results in input order, so output is the same whatever the number of workers.
 */
import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Pack } from '../engine/schema.js';
import { isPdfFileName } from '../ingest/index.js';
import type { IngestLimits } from '../ingest/limits.js';
import { limitHeapGrowth } from './heap-growth.js';
import type { Processed } from './process.js';
import { programIdentity } from './program-identity.js';
import { fullerRunKeys, ResultCache, runKeyOf, type ResultCacheInit } from './result-cache.js';
import { taskChecker, type Task } from './task.js';
import type { WorkerInit, WorkerMessage } from './worker.js';

/** Options of {@link checkFiles}. */
export interface PoolOptions {
  /** Worker threads; 1 checks in this thread. */
  jobs: number;
  packs: readonly Pack[];
  ruleDirs: string[];
  locale: 'zh' | 'en';
  snapshotCells: ReadonlySet<string>;
  keepBody: boolean;
  /** Keep each report's whole model (else metadata only, trimmed where it is checked). */
  keepReports: boolean;
  /** False when the batch keeps no result once it is handed on (see `keepResults` of runBatch); true by default. */
  resultsKept?: boolean;
  /** Files per message to a worker. */
  chunk?: number;
  /** Files a worker checks before a fresh one takes its place ({@link RETIRE_AFTER_FILES} by default). */
  retireAfter?: number;
  /** Stop early (Ctrl-C): no new work is sent; finished results are still yielded. */
  signal?: { stopped: boolean };
  /** Input limits (the config's `limits`); the defaults when absent. */
  limits?: IngestLimits;
  /** The worker script (tests give a stand-in); the batch worker by default. */
  workerUrl?: URL;
  /**
   * Whether this thread checks files too, as one of the `jobs` (default true): false starts
   * `jobs` workers and leaves every file to them (the pool tests, whose stand-in workers decide
   * what becomes of each file).
   */
  mainThreadChecks?: boolean;
  /** Keep each file's result in this folder, and read it back while the file is unchanged (`check --cache`). */
  cacheDir?: string;
}

/** Chunks sent ahead to each worker. */
const IN_FLIGHT = 4;

/**
 * Each worker's young generation, in MB (V8 splits it into three: two semi-spaces and one for
 * large objects). A report's parse and check allocate a few MB that die at once, so a small young
 * generation costs little time; 96 MB per worker made the two workers' heaps more than half of a
 * 10,000-report batch's peak memory (measured with --trace-gc). 16 MB rather than 32: 1,000 PDFs
 * with `-j 2` peaked at 503 and 511 MB against 522 and 527 MB, in the same CPU time (89.4 s
 * against 89.9 s, runs alternated); 8 MB gave 490 MB but up to 4 % more CPU time.
 */
const WORKER_YOUNG_GENERATION_MB = 16;

/**
 * Each worker's old-generation limit, in MB: just under 2 GB (or Node's own limit, where that is
 * lower). Between full collections V8 lets the old generation grow to a multiple of what was live
 * after the last one, and caps that multiple at 4 when the limit is 2 GB or more (64-bit V8's
 * `kMaxSize`, 1,024 MB times its pointer multiplier 2), at 2 just below it. Node's limit is
 * 4 GB on this 24 GB machine, so a worker that read PDFs held up to four times its live data (the
 * garbage of pdf.js's fonts and pages). 300 PDFs with `-j 2` (this thread checking too): 394 and
 * 392 MB peak at 2,047 MB against 466 MB at 2,048 MB, in the same CPU time (26.1–26.5 s). Lower
 * limits trade CPU time for memory (1,000 PDFs, `-j 2`): 1,536 MB peaked at 301–303 MB against
 * 314–316 MB for 2–4 % more CPU time, 1,024 MB at 283 MB for 10 % more. A report that needs 2 GB
 * of live data is far beyond the 20 MB file limit. In a batch with PDFs the factor is fixed lower
 * still, for every heap of the process, while the batch runs (heap-growth.ts).
 */
function workerOldGenerationMb(): number {
  return Math.min(2047, Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20));
}

/**
 * Files a worker checks before it is replaced by a fresh one: a guard against memory that a long
 * batch might leave behind in a thread, at a price: a fresh worker loads pdf.js again and runs
 * it unoptimised until V8 has compiled it (about 1.5 s of CPU time). With 200, 1,000 PDFs with
 * `-j 2` took 103.5 s of CPU time against 83.1 s without replacement, and peaked higher (324 MB
 * against 308 MB): since a worker's old generation is limited ({@link workerOldGenerationMb}), it
 * no longer grows with the files read (3,000 PDFs, never replaced: peak RSS rose by 10 KB per PDF,
 * what the batch keeps of each result).
 */
export const RETIRE_AFTER_FILES = 2000;

/** How many crashed workers are replaced before the files left are given up as failed. */
const MAX_RESTARTS = 8;

/** The default number of workers: the machine's parallelism. */
export const defaultJobs = (): number => availableParallelism();

/** A file's result, or why it failed in an unexpected way. */
export type PoolResult = { index: number; file: string; processed: Processed } | { index: number; file: string; error: string };

/** Checks one file in this thread. */
async function checkHere(task: Task, check: (task: Task) => Promise<Processed>, options: PoolOptions): Promise<PoolResult> {
  try {
    const processed = await check(task);
    // What a large batch keeps of a file (metadata, findings, snapshot) holds strings cut from
    // the file's text, and V8 keeps a whole string alive for any slice of it: in this thread
    // every report's full text stayed in memory (960 MB peak for 10,000 reports). A structured
    // clone, what a worker's message does anyway, copies them out as small flat strings.
    // A batch that keeps no result (written as it comes) needs no copy.
    const copy = !options.keepReports && options.resultsKept !== false;
    return { index: task.index, file: task.file, processed: copy ? structuredClone(processed) : processed };
  } catch (error) {
    return { index: task.index, file: task.file, error: (error as Error).message };
  }
}

async function* inThread(tasks: readonly Task[], options: PoolOptions, cache: ResultCacheInit | null): AsyncGenerator<PoolResult> {
  const check = checkerHere(options, cache);
  for (const task of tasks) {
    // Reading and checking a file never waits on the event loop, so without this turn a Ctrl-C
    // (the SIGINT handler that sets `stopped`) was only seen after the last file.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (options.signal?.stopped) return;
    yield await checkHere(task, check, options);
  }
}

/** This thread's checker of tasks (see task.ts). */
function checkerHere(options: PoolOptions, cache: ResultCacheInit | null): (task: Task) => Promise<Processed> {
  const { packs, locale, snapshotCells, keepBody, keepReports, limits } = options;
  return taskChecker({ packs, locale, snapshotCells, keepBody, keepReports, limits, cache: cache ? new ResultCache(cache) : null });
}

function workerUrl(): URL {
  // From the compiled CLI the worker is worker.js beside this file; from the TypeScript sources
  // (tests) a small shim registers tsx first and then loads worker.ts.
  return new URL(import.meta.url.endsWith('.ts') ? './worker-dev.mjs' : './worker.js', import.meta.url);
}

async function* inWorkers(tasks: readonly Task[], options: PoolOptions, cache: ResultCacheInit | null): AsyncGenerator<PoolResult> {
  const chunk = options.chunk ?? 8;
  const init: WorkerInit = { ruleDirs: options.ruleDirs, locale: options.locale, snapshotCells: [...options.snapshotCells], keepBody: options.keepBody, keepReports: options.keepReports, ...(options.limits ? { limits: options.limits } : {}), ...(cache ? { cache } : {}) };
  const url = options.workerUrl ?? workerUrl();
  const oldGenerationMb = workerOldGenerationMb();
  const files = new Map(tasks.map((t) => [t.index, t.file]));
  const ready = new Map<number, PoolResult>();
  // The files each live worker was sent and has not answered yet: what a crash would take with it.
  const pending = new Map<Worker, Set<number>>();
  // Files sent to each worker so far, and the workers that were sent their last files.
  const sentTo = new Map<Worker, number>();
  const retiring = new Set<Worker>();
  const retireAfter = options.retireAfter ?? RETIRE_AFTER_FILES;
  let next = 0;
  let sent = 0;
  let restarts = 0;
  let closing = false;
  let wake: (() => void) | null = null;
  const fail = (index: number, why: string): void => {
    ready.set(index, { index, file: files.get(index)!, error: why });
  };
  const send = (worker: Worker): void => {
    const held = pending.get(worker);
    // A dead worker's last messages can arrive after its crash was handled: send it nothing more.
    if (!held || retiring.has(worker) || sent >= tasks.length || options.signal?.stopped) return;
    const batch = tasks.slice(sent, sent + chunk);
    for (const task of batch) held.add(task.index);
    worker.postMessage(batch);
    sent += chunk;
    const total = (sentTo.get(worker) ?? 0) + batch.length;
    sentTo.set(worker, total);
    if (total >= retireAfter && sent < tasks.length) retiring.add(worker);
  };
  /** A retiring worker that has answered for all its files is ended, and a fresh one started. */
  const retireIfDone = (worker: Worker): void => {
    if (!retiring.has(worker) || (pending.get(worker)?.size ?? 1) > 0 || closing) return;
    pending.delete(worker);
    retiring.delete(worker);
    sentTo.delete(worker);
    void worker.terminate();
    if (sent < tasks.length && !options.signal?.stopped) start();
  };
  /**
   * A worker that dies (out of memory, a native crash) loses only the files it was working on:
   * each gets a failure of its own, a new worker takes its place, and the batch goes on.
   */
  const crashed = (worker: Worker, why: string): void => {
    const lost = pending.get(worker);
    if (closing || !lost) return;
    pending.delete(worker);
    for (const index of lost) if (!ready.has(index)) fail(index, `检查线程意外退出（${why}），这个文件未能检查完`);
    if (restarts < MAX_RESTARTS) {
      restarts++;
      start();
    } else if (pending.size === 0) {
      // Workers keep dying: say so for every file not yet sent, rather than wait for ever.
      for (const task of tasks.slice(sent)) fail(task.index, `检查线程反复意外退出（${why}），未能检查`);
      sent = tasks.length;
    }
    wake?.();
  };
  function start(): void {
    const worker = new Worker(url, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: oldGenerationMb } });
    pending.set(worker, new Set());
    worker.on('message', (message: WorkerMessage) => {
      // Once a worker's crash is handled its files have their failure; later messages are late.
      if (!pending.has(worker)) return;
      if ('chunkDone' in message) send(worker);
      else {
        pending.get(worker)?.delete(message.index);
        if ('processed' in message) ready.set(message.index, { index: message.index, file: files.get(message.index)!, processed: message.processed });
        else fail(message.index, message.error);
      }
      retireIfDone(worker);
      wake?.();
    });
    worker.on('error', (error) => crashed(worker, error.message));
    worker.on('exit', (code) => crashed(worker, `退出码 ${code}`));
    // Chunks in flight per worker keep it busy while the main thread handles results and
    // collects its garbage (a major collection of a large batch's heap takes a while).
    for (let k = 0; k < IN_FLIGHT; k++) send(worker);
  }
  // This thread is one of the `jobs`: it checks files too, whenever the next result in order has
  // not arrived. Two worker threads beside a main thread that mostly waits were three V8 heaps for
  // two cores; one worker with this thread checking takes the same time and 30 MB less memory
  // (10,000 reports, in the benchmark), and its results do not cross threads.
  // Not in a batch with PDFs: this thread's old generation cannot be limited once the process
  // runs (see workerOldGenerationMb), and after PDFs it grew to four times its live data, a
  // worker's to about twice. 300 PDFs with `-j 2`: 327 and 332 MB peak with two workers against
  // 392 MB with one and this thread, both with the limit; 1,000 PDFs: 314 and 316 MB against
  // 491 MB before (this thread checking, no limit, workers replaced every 200 files), in the
  // same wall time (42.8 and 43.9 s against 43.7 s).
  const withPdfs = tasks.some((task) => isPdfFileName(task.file));
  const here = options.mainThreadChecks ?? !withPdfs;
  // Workers reading PDFs keep their old generations close to their live data (heap-growth.ts).
  const releaseHeapGrowth = withPdfs ? limitHeapGrowth() : null;
  try {
    for (let k = 0; k < Math.min(here ? options.jobs - 1 : options.jobs, Math.ceil(tasks.length / chunk)); k++) start();
    const check = here ? checkerHere(options, cache) : null;
    // Once stopped, the chunks already sent are finished and yielded; nothing more is sent.
    const limit = (): number => (options.signal?.stopped ? Math.min(sent, tasks.length) : tasks.length);
    while (next < limit()) {
      const result = ready.get(tasks[next]!.index);
      if (result) {
        ready.delete(tasks[next]!.index);
        next++;
        yield result;
        continue;
      }
      if (here && sent < tasks.length && !options.signal?.stopped) {
        const task = tasks[sent++]!;
        ready.set(task.index, await checkHere(task, check!, options));
        // Let the workers' messages in (a finished chunk is answered with the next one): a check
        // here runs without giving the event loop a turn.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
    }
  } finally {
    closing = true;
    await Promise.all([...pending.keys()].map((w) => w.terminate()));
    releaseHeapGrowth?.();
  }
}

/** The identity of the program running ({@link programIdentity}), once read. */
let runningProgram: string | undefined;

/**
 * The cache of a run, when it has one: its folder and the key of everything the run's results
 * depend on besides each file, the program itself included.
 */
function cacheOf(options: PoolOptions): ResultCacheInit | null {
  if (options.cacheDir === undefined) return null;
  // Read once per process (a batch with --prev runs the pool twice): the program does not change.
  runningProgram ??= programIdentity(fileURLToPath(new URL('.', import.meta.url)));
  const code = runningProgram;
  const { packs, locale, limits, snapshotCells, keepBody, keepReports } = options;
  const parts = { code, packs, locale, limits, snapshotCells, keepBody, keepReports };
  const runKey = runKeyOf(parts);
  return { dir: options.cacheDir, runKey, fuller: fullerRunKeys(parts, runKey) };
}

/** Checks files, yielding results in input order. */
export function checkFiles(tasks: readonly Task[], options: PoolOptions): AsyncGenerator<PoolResult> {
  const cache = cacheOf(options);
  return options.jobs > 1 && tasks.length > 1 ? inWorkers(tasks, options, cache) : inThread(tasks, options, cache);
}

export type { Task } from './task.js';
