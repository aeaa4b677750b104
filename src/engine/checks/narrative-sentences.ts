/** The prose of a report as the narrative checks read it: numbers grouped by sentence, and all sentences joined once. */
import type { NarrativeNumber, Report } from '../../model/report.js';
import { cacheOf } from '../report-cache.js';

/** An empty list of numbers, shared. */
export const NONE: readonly NarrativeNumber[] = [];

/** The numbers of one sentence, in report order. Shared: callers must not change the list. */
export function numbersIn(report: Report, index: number): readonly NarrativeNumber[] {
  // Grouped in one pass per report (it was one filter of all the numbers per sentence).
  const cache = cacheOf(report);
  let groups = cache.numbers;
  if (!groups) {
    groups = new Map();
    for (const n of report.narrative) {
      const list = groups.get(n.sentenceIndex);
      if (list) list.push(n);
      else groups.set(n.sentenceIndex, [n]);
    }
    cache.numbers = groups;
  }
  return groups.get(index) ?? NONE;
}

/** A report's sentences joined by newlines, once per report: one scan of it can rule a pattern out. */
export function wholeProse(report: Report): string {
  const cache = cacheOf(report);
  return (cache.prose ??= report.sentences.map((s) => s.text).join('\n'));
}
