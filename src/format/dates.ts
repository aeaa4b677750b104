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

function iso(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const toNumber = (part: string): number | null =>
  /^\d+$/.test(part) ? Number(part) : parseChineseNumber(part.replace(/○|〇/g, '〇'));

/**
 * Finds full dates (year, month and day) in a line: 2018年2月27日, 二○一二年二月二十日,
 * 2020-01-31, 2020/1/31, 2020.01.31. Impossible dates (2月30日) are not dates.
 */
export function findDates(line: string): DateMatch[] {
  const text = fold(line);
  // Most lines hold no date: every pattern needs 年 or four digits and a separator.
  if (!text.includes('年') && !/\d{4}[-/.]/.test(text)) return [];
  const out: DateMatch[] = [];
  for (const pattern of DATE_PATTERNS) {
    // exec, not matchAll: matchAll copies the expression on every call, for every line.
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const [y, mo, d] = [toNumber(m[1]!), toNumber(m[2]!), toNumber(m[3]!)];
      if (y === null || mo === null || d === null) continue;
      const date = iso(y, mo, d);
      if (date && !out.some((o) => o.index === m.index)) out.push({ iso: date, raw: line.slice(m.index, m.index + m[0].length), index: m.index });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * The first date in a line that is written as one but is not a calendar day (2025年2月30日,
 * 2025年13月1日, 二〇二五年二月三十日), or null. The year must be one {@link findDates} accepts:
 * a number shaped like a date in another century is not taken for a misdated signature.
 */
export function impossibleDate(line: string): string | null {
  const text = fold(line);
  if (!text.includes('年') && !/\d{4}[-/.]/.test(text)) return null;
  for (const pattern of DATE_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const [y, mo, d] = [toNumber(m[1]!), toNumber(m[2]!), toNumber(m[3]!)];
      if (y === null || mo === null || d === null || y < 1990 || y > 2100) continue;
      if (iso(y, mo, d) === null) return line.slice(m.index, m.index + m[0].length);
    }
  }
  return null;
}

/** Formats an ISO date as 2024年1月31日 for messages. */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
