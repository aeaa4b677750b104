/**
 * Checking many files: in this thread, or in a pool of worker threads (about 2× on 2 cores),
 * sending files in chunks (so each message carries enough work to pay for itself) and yielding
 * results in input order, so output is the same whatever the number of workers.
 */
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { Checker } from '../engine/run.js';
import type { Pack } from '../engine/schema.js';
import type { IngestLimits } from '../ingest/limits.js';
import { processFile, type Processed } from './process.js';
import type { Task, WorkerInit, WorkerMessage } from './worker.js';

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
  /** Files per message to a worker. */
  chunk?: number;
  /** Stop early (Ctrl-C): no new work is sent; finished results are still yielded. */
  signal?: { stopped: boolean };
  /** Input limits (the config's `limits`); the defaults when absent. */
  limits?: IngestLimits;
}

/** The default number of workers: the machine's parallelism. */
export const defaultJobs = (): number => availableParallelism();

/** A file's result, or why it failed in an unexpected way. */
export type PoolResult = { index: number; file: string; processed: Processed } | { index: number; file: string; error: string };

async function* inThread(tasks: readonly Task[], options: PoolOptions): AsyncGenerator<PoolResult> {
  const checkers = new Map<string, Checker>();
  for (const task of tasks) {
    if (options.signal?.stopped) return;
    const key = JSON.stringify(task.settings);
    let checker = checkers.get(key);
    if (!checker) {
      checker = new Checker(options.packs, { locale: options.locale, rules: task.settings });
      checkers.set(key, checker);
    }
    try {
      const processed = await processFile(new Uint8Array(readFileSync(task.file)), task.file, checker, options.snapshotCells, options.keepBody, options.keepReports, options.limits);
      // What a large batch keeps of a file (metadata, findings, snapshot) holds strings cut from
      // the file's text, and V8 keeps a whole string alive for any slice of it: in this thread
      // every report's full text stayed in memory (960 MB peak for 10,000 reports). A structured
      // clone, what a worker's message does anyway, copies them out as small flat strings.
      yield { index: task.index, file: task.file, processed: options.keepReports ? processed : structuredClone(processed) };
    } catch (error) {
      yield { index: task.index, file: task.file, error: (error as Error).message };
    }
  }
}

function workerUrl(): URL {
  // From the compiled CLI the worker is worker.js beside this file; from the TypeScript sources
  // (tests) a small shim registers tsx first and then loads worker.ts.
  return new URL(import.meta.url.endsWith('.ts') ? './worker-dev.mjs' : './worker.js', import.meta.url);
}

async function* inWorkers(tasks: readonly Task[], options: PoolOptions): AsyncGenerator<PoolResult> {
  const chunk = options.chunk ?? 8;
  const init: WorkerInit = { ruleDirs: options.ruleDirs, locale: options.locale, snapshotCells: [...options.snapshotCells], keepBody: options.keepBody, keepReports: options.keepReports, ...(options.limits ? { limits: options.limits } : {}) };
  const url = workerUrl();
  const workers = Array.from({ length: Math.min(options.jobs, Math.ceil(tasks.length / chunk)) }, () => new Worker(url, { workerData: init }));
  const files = new Map(tasks.map((t) => [t.index, t.file]));
  const ready = new Map<number, PoolResult>();
  let next = 0;
  let sent = 0;
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const send = (worker: Worker): void => {
    if (sent >= tasks.length || options.signal?.stopped) return;
    worker.postMessage(tasks.slice(sent, sent + chunk));
    sent += chunk;
  };
  for (const worker of workers) {
    worker.on('message', (message: WorkerMessage) => {
      if ('chunkDone' in message) send(worker);
      else if ('processed' in message) ready.set(message.index, { index: message.index, file: files.get(message.index)!, processed: message.processed });
      else ready.set(message.index, { index: message.index, file: files.get(message.index)!, error: message.error });
      wake?.();
    });
    worker.on('error', (error) => {
      failure = error;
      wake?.();
    });
    // Two chunks in flight per worker keep it busy while the main thread handles results.
    send(worker);
    send(worker);
  }
  try {
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
      if (failure) throw failure;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Checks files, yielding results in input order. */
export function checkFiles(tasks: readonly Task[], options: PoolOptions): AsyncGenerator<PoolResult> {
  return options.jobs > 1 && tasks.length > 1 ? inWorkers(tasks, options) : inThread(tasks, options);
}

export type { Task } from './worker.js';
