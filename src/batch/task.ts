/**
 * Checking one file of a batch, the same in the main thread (pool.ts) and in a worker
 * (worker.ts): the file is read, checked with a checker for its rule settings, and its result
 * taken from the cache when one is kept there (result-cache.ts).
 */
import { Checker, type RuleSettings } from '../engine/run.js';
import type { Pack } from '../engine/schema.js';
import type { IngestLimits } from '../ingest/limits.js';
import type { SourceMeta } from '../model/source.js';
import { readInput } from './inputs.js';
import { processFile, trimmedTo, type Keeping, type Processed } from './process.js';
import { cachedResult, type ResultCache } from './result-cache.js';

/** One file to check. */
export interface Task {
  index: number;
  file: string;
  settings: RuleSettings;
  /** Metadata from outside the file (a fetched report's page), over the file's own. */
  meta?: SourceMeta;
}

/** What every file of a batch is checked with. */
export interface TaskOptions extends Keeping {
  packs: readonly Pack[];
  locale: 'zh' | 'en';
  snapshotCells: ReadonlySet<string>;
  limits?: IngestLimits | undefined;
  /** Where results are kept between runs; null without `--cache`. */
  cache: ResultCache | null;
}

/**
 * A function that checks one task, with one checker per distinct rule settings (made on first
 * use and kept). Throws like `readFileSync` for a file that cannot be read.
 */
export function taskChecker(options: TaskOptions): (task: Task) => Promise<Processed> {
  const checkers = new Map<string, Checker>();
  return async (task) => {
    const key = JSON.stringify(task.settings);
    let checker = checkers.get(key);
    if (!checker) {
      checker = new Checker(options.packs, { locale: options.locale, rules: task.settings });
      checkers.set(key, checker);
    }
    const input = await readInput(task.file);
    const meta = task.meta ?? input.meta;
    // A page's report (a fetched URL's staged copy) is staged anew on each run: not kept.
    const cache = task.meta === undefined ? options.cache : null;
    return cachedResult(cache, { file: task.file, bytes: input.bytes, settings: task.settings, meta, attachments: input.attachments }, () =>
      processFile(input.bytes, task.file, checker, options.snapshotCells, options.keepBody, options.keepReports, options.limits, meta, input.attachments),
    (fuller) => trimmedTo(fuller, options));
  };
}
