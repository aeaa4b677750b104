/**
 * The signature block: the agency name and the date that close the body of a report (GB/T 9704
 * 落款: 发文机关署名 and 成文日期), and the role of every other date written on a line of its own.
 *
 * The signature is not the latest date in the text: after it may come an annex or an appended table
 * with its own 填报日期 or 修订日期, a note "（2025年3月5日更新）", a browser's print header
 * `2025/4/2 上午10:15` or a page footer. Those dates are kept with their own role and never taken
 * for the signature.
 */
import type { AgencyName, FoundDate, ReportLine } from '../model/report.js';
import { findDates, type DateMatch } from '../format/dates.js';
import { isSpaceCode } from '../format/normalize.js';

/** How an agency name ends (a signature line above the date, or before it on the same line). */
export const AGENCY_SUFFIX = /(?:人民政府|政府|办公厅|办公室|管委会|管理委员会|委员会|局|厅|委|署|院|中心|处|所|站|队|办|街道办事处|街道|镇|乡)$/;

/** The longest a date line can be, brackets and spaces not counted: a 13-character date and 2 more. */
const MAX_DATE_LINE = 15;
/** Non-empty lines of body read before an annex heading can close it. */
const MIN_BODY_LINES = 10;
/** The longest agency name before a date on the same line. */
const MAX_AGENCY = 30;

/** A browser's print header or footer, or a page footer: 2025/4/2 上午10:15, 第 1 页 共 5 页, a URL. */
const FOOTER = /^\d{4}\/\d{1,2}\/\d{1,2}(?![\d/])|第\s*\d+\s*页\s*[,，/／]?\s*共\s*\d+\s*页|^\d+\s*\/\s*\d+$|^https?:\/\/\S+(?:\s+\d+\s*\/\s*\d+)?$/;
/** A header or footer line is short; a sentence that quotes a URL is not one. */
const MAX_FOOTER = 100;
/** A date that records an update, a revision or a form's filling: never a signature. */
const NOTE = /更新|修订|修改|更正|补充|调整|填报|填表|制表|打印|截止|截至|统计|采集|访问|浏览|下载/;
/**
 * The heading of an annex (附件 / 附件2 / 附表 alone on a line, as GB/T 9704 sets it): no date after
 * it is the signature, whether a signature was read before it or not.
 */
const ANNEX_HEADING = /^(?:附件|附表|附录)\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$|^附件下载/;
/**
 * A line that lists or opens an annex (附件：1.统计表): it may stand above the signature (the list
 * of annexes of a 公文), so it closes the body only after a signature was read.
 */
const ANNEX = /^(?:附件|附表|附录)\s*[0-9０-９一二三四五六七八九十]*\s*[:：．.、]|^附[:：]/;
const APPENDED_TABLE = /(?:统计表|情况表|一览表|登记表|汇总表)$/;

/** What {@link readDateLines} needs besides the lines. */
export interface DateLinesInput {
  lines: readonly ReportLine[];
  /** Lines that belong to tables (their dates are the table's, never the signature). */
  inTable: (line: number) => boolean;
  /** Index of the first line after the title (and any date under it): the body starts there. */
  from: number;
}

/** The signature block and the other dates on lines of their own. */
export interface DateLines {
  signature: FoundDate | null;
  /** The agency signed above the date, or before it on the same line. */
  agency: AgencyName | null;
  /** Dates that are not the signature, with their role (annex, note, footer, body). */
  others: FoundDate[];
}

/**
 * The length of `text` without white space and round brackets (as `replace(/[()（）\s]/g, '')`
 * counts it), counted only up to `max + 1`.
 */
function printedLength(text: string, max: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= max; i++) {
    const code = text.charCodeAt(i);
    if (!isSpaceCode(code) && code !== 0x28 && code !== 0x29 && code !== 0xff08 && code !== 0xff09) n++;
  }
  return n;
}

const isAgencyName = (text: string): boolean =>
  text.length >= 2 && text.length <= MAX_AGENCY && AGENCY_SUFFIX.test(text) && !/[，。、：:；;！？]/.test(text);

/** A line's words: markdown emphasis and quote marks around a signature (**2025年1月20日**) dropped. */
const bare = (norm: string): string => (norm.includes('*') || norm.includes('>') ? norm.replace(/\*{1,3}|^\s*>+/g, '').trim() : norm.trim());

/**
 * What {@link FOOTER} needs before it can match: a digit or `h` first, or a 页 anywhere (tested
 * first: the footer pattern's unanchored 第…页 part would otherwise be tried at every position).
 */
function mayBeFooter(text: string): boolean {
  const first = text.charCodeAt(0);
  return (first >= 0x30 && first <= 0x39) || first === 0x68 /* h */ || text.includes('页');
}

/** The line ends as a date does (日, a digit, a bracket): `/[日\d)）]$/` without a scan of the line. */
function endsLikeDate(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 0x65e5 /* 日 */ || (last >= 0x30 && last <= 0x39) || last === 0x29 || last === 0xff09;
}

/**
 * Whether the text holds a digit (ASCII or full-width, which folding makes ASCII) or 年: what every
 * date pattern of findDates needs. Scanned without a regular expression (it is asked of every line).
 */
function mayHoldDigitOrYear(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || c === 0x5e74 /* 年 */) return true;
  }
  return false;
}

/** A candidate signature read from one line. */
interface Candidate {
  date: DateMatch;
  /** The agency on the same line, before the date. */
  agency: string | null;
  /** Read from the end of a run-on line (a web page saved without line breaks): a guess. */
  inline: boolean;
  /** The words that go with the date (the whole short line, or the end of a long one). */
  context: string;
}

/** How much of a long line's end is searched for a date that closes it: an agency name and a date. */
const TAIL = 64;

/** A line that holds a date and (nearly) nothing else, an agency and a date, or ends a run-on paragraph with one. */
function candidateOf(text: string): Candidate | null {
  if (printedLength(text, MAX_DATE_LINE) <= MAX_DATE_LINE) {
    const date = findDates(text)[0];
    if (date && text.replace(/[()（）\s]/g, '').length <= date.raw.replace(/\s/g, '').length + 2) return { date, agency: null, inline: false, context: text };
    return null;
  }
  // Only the end of a long line is read, and only when it ends as a date does (日, a digit, a bracket).
  if (!endsLikeDate(text)) return null;
  const tail = text.slice(-TAIL);
  const date = findDates(tail).at(-1);
  if (!date || tail.slice(date.index + date.raw.length).replace(/[()（）\s]/g, '') !== '') return null;
  const before = tail.slice(0, date.index).trim();
  const whole = text.length <= TAIL ? before.replace(/\s+/g, '') : '';
  if (isAgencyName(whole)) return { date, agency: whole, inline: false, context: text };
  // "…常规化、日常化。 二○一二年二月二十日": the signature of a page saved without line breaks.
  const end = /[。！；]\s*([^。！；\s]{2,30})?\s*$/.exec(before);
  if (!end) return null;
  const agency = end[1] && isAgencyName(end[1]) ? end[1] : null;
  return end[1] && !agency ? null : { date, agency, inline: true, context: tail.slice(end.index) };
}

/** The agency line just above a date line (blank lines skipped, at most three lines up). */
function agencyAbove(lines: readonly ReportLine[], k: number, stop: number): AgencyName | null {
  for (let p = k - 1; p >= Math.max(stop, k - 3); p--) {
    const prev = bare(lines[p]!.norm);
    if (prev === '') continue;
    const name = prev.replace(/\s+/g, '');
    return isAgencyName(name) && prev.length <= MAX_AGENCY ? { name, source: 'signature', at: lines[p]!.at } : null;
  }
  return null;
}

/**
 * Reads the signature block and the role of every other date on a line of its own, in one pass.
 * The signature is the last date line of the body (before the first annex or appended table that
 * follows it); a date line with the agency above it (or before it) wins over a bare one after it.
 */
export function readDateLines(input: DateLinesInput): DateLines {
  const { lines, inTable, from } = input;
  const others: FoundDate[] = [];
  let signature: FoundDate | null = null;
  let agency: AgencyName | null = null;
  let closed = false;
  let read = 0;
  for (let k = from; k < lines.length; k++) {
    const line = lines[k]!;
    // Table lines first: most of them need not be stripped of their marks at all.
    if (inTable(line.at.line)) continue;
    const text = bare(line.norm);
    if (text === '') continue;
    read++;
    // A report that is itself the annex of a cover note opens with 附件: that heading closes nothing.
    if (!closed && ((read > MIN_BODY_LINES && ANNEX_HEADING.test(text)) || (signature && (ANNEX.test(text) || (text.length <= 40 && APPENDED_TABLE.test(text)))))) closed = true;
    // A line without a digit and without 年 holds no date (findDates needs 年 or four digits): its
    // footer reading would give no date and it is no candidate, so it is not read further.
    if (!mayHoldDigitOrYear(text)) continue;
    // Most lines hold no date: findDates returns at once without 年 or a four-digit number.
    if (text.length <= MAX_FOOTER && mayBeFooter(text) && FOOTER.test(text)) {
      const date = findDates(text)[0];
      if (date) others.push({ iso: date.iso, raw: date.raw, role: 'footer', certain: true, at: line.at });
      continue;
    }
    const candidate = candidateOf(text);
    if (!candidate) continue;
    const { date } = candidate;
    const found = (role: FoundDate['role'], certain = true): FoundDate => ({ iso: date.iso, raw: date.raw, role, certain, at: line.at });
    if (NOTE.test(candidate.context)) {
      others.push(found(closed ? 'annex' : 'note'));
      continue;
    }
    if (closed) {
      others.push(found('annex'));
      continue;
    }
    const signedBy = candidate.agency !== null ? { name: candidate.agency, source: 'signature' as const, at: line.at } : candidate.inline ? null : agencyAbove(lines, k, from);
    // A bare date after a signed one (agency and date) is not the signature: a footer, a stamp.
    if (signature && ((agency && !signedBy) || (candidate.inline && signature.certain))) {
      others.push(found('body'));
      continue;
    }
    if (signature) others.push({ ...signature, role: 'body' });
    signature = found('signature', !candidate.inline);
    agency = signedBy;
  }
  return { signature, agency, others };
}
