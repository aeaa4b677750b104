/**
 * A batch worker thread: loads the rule packs once, then checks the files it is sent (it reads
 * them itself, so no bytes cross threads) and posts each result back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Checker, type RuleSettings } from '../engine/run.js';
import type { IngestLimits } from '../ingest/limits.js';
import { pdfReadingOnly } from '../ingest/pdf-load.js';
import type { SourceMeta } from '../model/source.js';
import { loadRuleDirsLazily } from '../rule-dirs.js';
import { readInput } from './inputs.js';
import { processFile, type Processed } from './process.js';
import { cachedResult, ResultCache, type ResultCacheInit } from './result-cache.js';

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

/** One file to check. */
export interface Task {
  index: number;
  file: string;
  settings: RuleSettings;
  /** Metadata from outside the file (a fetched report's page), over the file's own. */
  meta?: SourceMeta;
}

/** A message from the worker. */
export type WorkerMessage = { index: number; processed: Processed } | { index: number; error: string } | { chunkDone: true };

// Nothing but this worker's checks runs in its thread, and they read PDFs without drawing them.
pdfReadingOnly();
const init = workerData as WorkerInit;
// The built-in packs come validated from the build's cache: a worker loads the YAML parser and
// zod only for extra rule folders (each worker starts faster, and holds less).
const { packs } = await loadRuleDirsLazily(init.ruleDirs);
const cells = new Set(init.snapshotCells);
const checkers = new Map<string, Checker>();
const results = init.cache ? new ResultCache(init.cache) : null;

parentPort!.on('message', async (tasks: Task[]) => {
  for (const task of tasks) {
    try {
      const key = JSON.stringify(task.settings);
      let checker = checkers.get(key);
      if (!checker) {
        checker = new Checker(packs, { locale: init.locale, rules: task.settings });
        checkers.set(key, checker);
      }
      const input = await readInput(task.file);
      const meta = task.meta ?? input.meta;
      // A page's report (a fetched URL's staged copy) is staged anew on each run: not kept.
      const processed = await cachedResult(task.meta === undefined ? results : null, { file: task.file, bytes: input.bytes, settings: task.settings, meta, attachments: input.attachments }, () =>
        processFile(input.bytes, task.file, checker, cells, init.keepBody, init.keepReports, init.limits, meta, input.attachments));
      parentPort!.postMessage({ index: task.index, processed } satisfies WorkerMessage);
    } catch (error) {
      parentPort!.postMessage({ index: task.index, error: (error as Error).message } satisfies WorkerMessage);
    }
  }
  parentPort!.postMessage({ chunkDone: true } satisfies WorkerMessage);
});
