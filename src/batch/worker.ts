/**
 * A batch worker thread: loads the rule packs once, then checks the files it is sent (it reads
 * them itself, so no bytes cross threads) and posts each result back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { IngestLimits } from '../ingest/limits.js';
import { pdfReadingOnly } from '../ingest/pdf-load.js';
import { loadRuleDirsLazily } from '../rule-dirs.js';
import { oneAtATime } from './one-at-a-time.js';
import type { Processed } from './process.js';
import { ResultCache, type ResultCacheInit } from './result-cache.js';
import { taskChecker, type Task } from './task.js';

/** What the worker is started with. */
export interface WorkerInit {
  ruleDirs: string[];
  locale: 'zh' | 'en';
  snapshotCells: string[];
  keepBody: boolean;
  keepReports: boolean;
  /** Input limits (the config's `limits`); the defaults when absent. */
  limits?: IngestLimits;
  /** Where results are kept between runs, and the run's key (`check --cache`). */
  cache?: ResultCacheInit;
}

/** A message from the worker. */
export type WorkerMessage = { index: number; processed: Processed } | { index: number; error: string } | { chunkDone: true };

// Nothing but this worker's checks runs in its thread, and they read PDFs without drawing them.
pdfReadingOnly();
const init = workerData as WorkerInit;
// The built-in packs come validated from the build's cache: a worker loads the YAML parser and
// zod only for extra rule folders (each worker starts faster, and holds less).
const { packs } = await loadRuleDirsLazily(init.ruleDirs);
const check = taskChecker({
  packs, locale: init.locale, snapshotCells: new Set(init.snapshotCells), keepBody: init.keepBody, keepReports: init.keepReports, limits: init.limits,
  cache: init.cache ? new ResultCache(init.cache) : null,
});

async function checkChunk(tasks: readonly Task[]): Promise<void> {
  for (const task of tasks) {
    try {
      parentPort!.postMessage({ index: task.index, processed: await check(task) } satisfies WorkerMessage);
    } catch (error) {
      parentPort!.postMessage({ index: task.index, error: (error as Error).message } satisfies WorkerMessage);
    }
  }
  parentPort!.postMessage({ chunkDone: true } satisfies WorkerMessage);
}

// One file at a time. The pool sends chunks ahead (pool.ts, IN_FLIGHT) so that the next is here
// when one ends; an async listener would start each chunk as it arrived, and the files would
// interleave at every wait of a PDF read (pdf.js reads CMaps and fonts from disk): up to four
// PDFs open at once in one worker, each with its fonts and pages in memory.
parentPort!.on('message', oneAtATime(checkChunk, (error) => {
  // Thrown outside the chain, as an async listener's rejection would be: it ends this thread,
  // and the pool gives its files a failure of their own and starts another worker.
  setImmediate(() => {
    throw error;
  });
}));
