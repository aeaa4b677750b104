/**
 * The year a report covers, and the evidence for it: the title's year, the statistics period
 * stated in the body (统计期限自2024年1月1日起至2024年12月31日止), and the year the body speaks of.
 *
 * The title's year is the report's year (as the title is what a reader and a year-to-year check go
 * by); the body's year is kept beside it, so that a title year the body contradicts is reported as a
 * wrong year, and a deadline is computed only from a year the publication date confirms.
 */
import type { ReportLine, Span } from '../model/report.js';
import { fold } from '../format/normalize.js';

const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年度?/;
/** The stated statistics period: its first day, or a whole calendar year written out. */
const PERIOD = [
  /统计(?:期限|时限|周期|时间|区间|范围)[^。]{0,16}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/,
  /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?(?:至|到|—|-|－|~|～)\s*\1\s*年\s*12\s*月\s*31\s*日/,
];
/** A year that is not part of a full date (2024年 but not 2024年1月17日). */
const YEAR_MENTION = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/g;
/** How many lines from the start the period statement and the year mentions are looked for in. */
const HEAD_LINES = 80;
/** Mentions of another year, none of the title's, before the body is taken to contradict the title. */
const BODY_CONTRADICTS = 3;

/** The year and its evidence. */
export interface ReportYear {
  /** The year reported on: the title's, else the stated period's, else the commonest named. */
  year: number | null;
  at: Span | null;
  titleYear: number | null;
  /** The year the body reports on, when it can be told (see ReportMeta.bodyYear). */
  bodyYear: { year: number; from: 'period' | 'mentions'; at: Span } | null;
}

function period(lines: readonly ReportLine[]): { year: number; at: Span } | null {
  for (const line of lines.slice(0, HEAD_LINES)) {
    if (!/1\s*月\s*1\s*日/.test(line.norm)) continue;
    for (const re of PERIOD) {
      const m = re.exec(line.norm);
      if (m) return { year: Number(m[1]), at: line.at };
    }
  }
  return null;
}

/** Counts the years named in the first lines (not the title line, not full dates). */
function yearMentions(lines: readonly ReportLine[], skipLine: number | null): Map<number, { n: number; at: Span }> {
  const counts = new Map<number, { n: number; at: Span }>();
  for (const line of lines.slice(0, HEAD_LINES)) {
    if (line.at.line === skipLine || !line.norm.includes('年')) continue;
    YEAR_MENTION.lastIndex = 0;
    for (let m = YEAR_MENTION.exec(line.norm); m !== null; m = YEAR_MENTION.exec(line.norm)) {
      const y = Number(m[1]);
      const entry = counts.get(y) ?? { n: 0, at: line.at };
      entry.n++;
      counts.set(y, entry);
    }
  }
  return counts;
}

function commonest(counts: Map<number, { n: number; at: Span }>): { year: number; n: number; at: Span } | null {
  let best: { year: number; n: number; at: Span } | null = null;
  for (const [year, { n, at }] of counts) if (!best || n > best.n) best = { year, n, at };
  return best;
}

/** Reads the report year and the year the body reports on. */
export function readReportYear(title: { text: string; at: Span } | null, lines: readonly ReportLine[]): ReportYear {
  const titleMatch = title ? YEAR_IN_TITLE.exec(fold(title.text)) : null;
  const titleYear = titleMatch ? Number(titleMatch[1]) : null;
  const stated = period(lines);
  const counts = yearMentions(lines, title?.at.line ?? null);
  const best = commonest(counts);
  const bodyYear = stated ? { year: stated.year, from: 'period' as const, at: stated.at }
    : titleYear !== null && best && best.year !== titleYear && best.n >= BODY_CONTRADICTS && !counts.has(titleYear) ? { year: best.year, from: 'mentions' as const, at: best.at }
      : null;
  if (titleYear !== null && title) return { year: titleYear, at: title.at, titleYear, bodyYear };
  if (stated) return { year: stated.year, at: stated.at, titleYear, bodyYear };
  return best ? { year: best.year, at: best.at, titleYear, bodyYear } : { year: null, at: null, titleYear, bodyYear };
}
