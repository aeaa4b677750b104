/**
 * What the checks derive from one report and share while it is checked (joined text, the numbers
 * of each sentence, resolvers, plan contexts), in one object per report.
 *
 * One entry per report, dropped when its run ends ({@link forgetReport}). The report must not
 * change while it is checked (it is not: checks only read it).
 */
import type { NarrativeNumber, Report, TableInstance } from '../model/report.js';
import type { TableView } from './cells.js';
import type { Resolver } from './expr.js';
import type { TableContext } from './plan.js';

/** The derived values of one report; each check module owns its fields and fills them on first use. */
export interface ReportCache {
  /** text.ts: the report's lines joined by newlines. */
  lines?: string;
  /** narrative.ts: the sentences joined by newlines. */
  prose?: string;
  /** narrative.ts: the narrative numbers of each sentence, in report order. */
  numbers?: Map<number, NarrativeNumber[]>;
  /** relation.ts: the resolvers (blank cells as 0, or as missing). */
  zero?: Resolver;
  noZero?: Resolver;
  /** cells.ts: the view of each table. */
  views?: Map<TableInstance, TableView>;
  /** plan.ts: per table id, its plan context (null: no such table). */
  tables?: Map<string, TableContext | null>;
}

const caches = new WeakMap<Report, ReportCache>();

/**
 * Drops a report's cache. The engine calls it when a run ends: the cache holds parts of the
 * report (a resolver, cell lists), and the garbage collector's young-generation pass does not
 * see through a WeakMap, so a cache left for it to find kept each report alive into the old
 * generation (3× the promoted bytes in a batch, measured with --trace-gc-nvp).
 */
export function forgetReport(report: Report): void {
  caches.delete(report);
}

/** The cache of a report (made on first use). */
export function cacheOf(report: Report): ReportCache {
  let cache = caches.get(report);
  if (!cache) {
    cache = {};
    caches.set(report, cache);
  }
  return cache;
}
