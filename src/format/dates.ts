import { fold } from './normalize.js';
import { parseChineseNumber } from './numbers.js';

/** A date found in text: ISO form, the text it was read from, and its offset in the line. */
export interface DateMatch {
  iso: string;
  raw: string;
  index: number;
}

const CN = '〇○零一二三四五六七八九十';
const DATE_PATTERNS: RegExp[] = [
  /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g,
  new RegExp(`([${CN}]{4})\\s*年\\s*([${CN}]{1,3})\\s*月\\s*([${CN}]{1,3})\\s*日`, 'g'),
  /(?<![\d.])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/g,
];

/** A field's date: digits, with -, /, . or 年 and 月 between them, a time of day or anything after. */
const FIELD_DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/;

function iso(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const toNumber = (part: string): number | null =>
  /^\d+$/.test(part) ? Number(part) : parseChineseNumber(part.replace(/○|〇/g, '〇'));

/** Year, month and day of a match of one of the patterns, or null when a part is not a number. */
function partsOf(m: RegExpExecArray): [number, number, number] | null {
  const [y, mo, d] = [toNumber(m[1]!), toNumber(m[2]!), toNumber(m[3]!)];
  return y === null || mo === null || d === null ? null : [y, mo, d];
}

/** Calls `visit` on every match of the patterns in text, pattern by pattern; stops when it returns true. */
function scan(text: string, patterns: readonly RegExp[], visit: (m: RegExpExecArray, parts: [number, number, number]) => boolean | void): void {
  for (const pattern of patterns) {
    // exec, not matchAll: matchAll copies the expression on every call, for every line.
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const parts = partsOf(m);
      if (parts !== null && visit(m, parts) === true) return;
    }
  }
}

/** Whether a folded line can hold a date at all: every pattern needs 年 or four digits and a separator. */
const mayHoldDate = (text: string): boolean => text.includes('年') || /\d{4}[-/.]/.test(text);

/**
 * Finds full dates (year, month and day) in a line: 2018年2月27日, 二○一二年二月二十日,
 * 2020-01-31, 2020/1/31, 2020.01.31. Impossible dates (2月30日) are not dates.
 */
export function findDates(line: string): DateMatch[] {
  const text = fold(line);
  // Most lines hold no date.
  if (!mayHoldDate(text)) return [];
  const out: DateMatch[] = [];
  scan(text, DATE_PATTERNS, (m, [y, mo, d]) => {
    const date = iso(y, mo, d);
    if (date && !out.some((o) => o.index === m.index)) out.push({ iso: date, raw: line.slice(m.index, m.index + m[0].length), index: m.index });
  });
  return out.sort((a, b) => a.index - b.index);
}

/**
 * The first date in a line that is written as one but is not a calendar day (2025年2月30日,
 * 2025年13月1日, 二〇二五年二月三十日), or null. The year must be one {@link findDates} accepts:
 * a number shaped like a date in another century is not taken for a misdated signature.
 */
export function impossibleDate(line: string): string | null {
  const text = fold(line);
  if (!mayHoldDate(text)) return null;
  let found: string | null = null;
  scan(text, DATE_PATTERNS, (m, [y, mo, d]) => {
    if (y < 1990 || y > 2100 || iso(y, mo, d) !== null) return false;
    found = line.slice(m.index, m.index + m[0].length);
    return true;
  });
  return found;
}

/**
 * A date a field holds, where a date is all it holds, often with a time of day: a web page's
 * 发布日期/发布时间 (2025-03-10 10:00:00, 2025年3月10日 10:00, a meta tag's 2025-03-10T10:00:00+08:00),
 * a crawler's 时间 column (2024/1/26 10:00, 2024年01月26日). In a field the 日 may be left out and
 * the separators mixed (2025年3月10). ISO form, or undefined when the first date the field holds
 * is not a calendar day; a date in Chinese numerals (二〇二五年三月十日) is read as {@link findDates} reads it.
 */
export function fieldDate(value: string): string | undefined {
  const text = fold(value);
  const m = FIELD_DATE.exec(text);
  if (m !== null) {
    const parts = partsOf(m);
    return parts === null ? undefined : (iso(...parts) ?? undefined);
  }
  return findDates(value)[0]?.iso;
}

/** Formats an ISO date as 2024年1月31日 for messages. */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
