/**
 * Heading candidates: a numbering (一、 四. 四， 四␣ 第四部分 （四） 4. (4)) and a title, read at the
 * start of a line (after a markdown `#` or `**` mark) or inside a long line of text saved from a web
 * page (…工作。二、主动公开政府信息情况（一）…, parts divided by ideographic spaces or nothing). Which numbering is the top level is decided
 * for the whole document by `outline.ts`; here each candidate only says what it looks like.
 */
import type { Span } from '../model/report.js';
import { firstPrinted, isSpaceCode } from '../format/normalize.js';
import { matchSectionTitle, startsLikeTitle, titleAtStart, type TitleMatch, STRONG_MATCH } from '../format/section-titles.js';
import { memo1, TEXTS_KEPT } from './memo.js';

/** The numbering styles, from the highest conventional level to the lowest. */
export const STYLES = ['part', 'cn', 'cnParen', 'arabic', 'arabicParen'] as const;
/** A numbering style, or `none` for a known section title standing alone on its line. */
export type NumberStyle = (typeof STYLES)[number] | 'none';

/** One heading candidate. */
export interface HeadingCandidate {
  style: NumberStyle;
  /** Separator after the number (、 . , or a space) for `cn` and `arabic`; '' otherwise. */
  sep: string;
  /** The number as printed (一, 4), '' for `none`. */
  number: string;
  /** The number's value (一 = 1, 十一 = 11), 0 for `none`. */
  value: number;
  title: string;
  /** Body text follows the title on the same line. */
  glued: boolean;
  /** The national section the title names, when it is one (similarity, see section-titles.ts). */
  known: TitleMatch | null;
  at: Span;
  /** Found inside a line, not at its start. */
  inline: boolean;
}

/** The national format has six parts: numbers past it name no part. */
const MAX_PART = 6;


const NUMERAL = '一二三四五六七八九十';

/** Value of a Chinese numeral of numbering (一 … 九十九), or 0. */
export function numeralValue(text: string): number {
  if (text === '') return 0;
  const ten = text.indexOf('十');
  const digit = (c: string | undefined): number => (c === undefined ? 0 : NUMERAL.indexOf(c) + 1);
  if (ten < 0) return text.length === 1 ? digit(text) : 0;
  const tens = ten === 0 ? 1 : digit(text[ten - 1]);
  return tens * 10 + (ten + 1 < text.length ? digit(text[ten + 1]) : 0);
}

/** The Chinese numeral of a number 1 … 99 (numbering style: 十一, 二十). */
export function numeralOf(value: number): string {
  const ones = value % 10;
  const tens = Math.floor(value / 10);
  const one = (d: number): string => NUMERAL[d - 1] ?? '';
  if (tens === 0) return one(ones);
  return `${tens === 1 ? '' : one(tens)}十${ones === 0 ? '' : one(ones)}`;
}

/** Numberings at the start of a heading (text folded: full-width punctuation is ASCII here). */
const PATTERNS: { style: (typeof STYLES)[number]; re: RegExp }[] = [
  { style: 'part', re: /^第([一二三四五六七八九十]{1,3})部分\s*([、.,:：]?)\s*/ },
  { style: 'cn', re: /^([一二三四五六七八九十]{1,3})(?:\s*([、.,])|(\s))\s*/ },
  { style: 'cnParen', re: /^\(\s*([一二三四五六七八九十]{1,3})\s*\)\s*/ },
  { style: 'arabic', re: /^(\d{1,2})\s*([.、])(?!\d)\s*/ },
  { style: 'arabicParen', re: /^\(\s*(\d{1,2})\s*\)\s*/ },
];

/**
 * Sub-heading titles of section 一 that reports glue to their first sentence without punctuation
 * ((四)平台建设 2024年…): the title ends where they end.
 */
const SUB_TITLES = ['政府信息管理', '平台建设', '监督保障'];

/** First characters of a numbered or marked-up heading (besides digits and known titles' first characters). */
const MARKUP_OR_NUMBER = `#*_|第(${NUMERAL}`;

/**
 * The one non-empty cell of a markdown table row, trimmed, or '' when it has none or several
 * (scanned in place: most such rows are table rows of many cells, and need not be split).
 */
function onlyCell(row: string): string {
  let cell = '';
  let from = 0;
  for (let bar = row.indexOf('|'); ; bar = row.indexOf('|', from)) {
    const to = bar < 0 ? row.length : bar;
    if (!isBlankBetween(row, from, to)) {
      if (cell !== '') return '';
      cell = row.slice(from, to).trim();
    }
    if (bar < 0) return cell;
    from = bar + 1;
  }
}

/** Whether `text` from `from` to `to` is empty or white space only. */
export function isBlankBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/** Removes a markdown heading mark or bold/underline marks around a heading. */
function stripMarkup(text: string): string {
  let t = text.replace(/^\s*#{1,6}\s*/, '').trim();
  // A heading in a markdown table of one cell (| 六、其他需要报告的事项 |), as PDF converters write it.
  if (t.startsWith('|')) t = onlyCell(t);
  if (t.startsWith('**') || t.startsWith('__')) t = t.replace(/\*\*|__/g, '').trim();
  return t;
}

/**
 * The national section a heading title names, remembered by title: reports share their sub-heading
 * titles ((一)主动公开情况, (二)部分公开), and matching one costs a key and a similarity pass
 * (profiled: most of the outline's time). The match objects are shared: never changed.
 */
const titleMatches = new Map<string, TitleMatch | null>();
const knownTitle = (title: string): TitleMatch | null => memo1(titleMatches, title, () => matchSectionTitle(title), TEXTS_KEPT);

/** Title and glue of the text after a numbering; null when it is no heading title. */
function titleOf(rest: string, mayBePart = true): { title: string; glued: boolean; known: TitleMatch | null } | null {
  // (7) 6.属于… and other numbers past the six parts are never a part's heading: no title lookup.
  const prefix = mayBePart ? titleAtStart(rest) : null;
  if (prefix && prefix.match.score >= STRONG_MATCH) {
    // A known title glued to its body (总体情况2021年，…): the title ends where the known title ends,
    // when it matches closely or a break follows; else the title is longer than the known one
    // (主动公开政府信息以及公开平台建设情况) and is read as usual below.
    const next = rest.charAt(prefix.length);
    if (prefix.match.score >= 0.9 || next === '' || /[\s\d。.,，:：;；]/.test(next)) {
      const title = rest.slice(0, prefix.length).trim();
      return { title, glued: rest.slice(prefix.length).replace(/^[\s:：。.]+/, '') !== '', known: prefix.match };
    }
  }
  // Only the first 8 printed characters decide (the longest sub-title is 6, and 2 more must follow):
  // a long first sentence is not copied without its spaces unless its start is mostly spaces.
  const head = rest.length > 32 ? rest.slice(0, 32).replace(/\s+/g, '') : null;
  const compact = head !== null && head.length >= 8 ? head : rest.replace(/\s+/g, '');
  const sub = SUB_TITLES.find((h) => compact.startsWith(h) && compact.length > h.length + 1 && !/^[情工方]/.test(compact.slice(h.length)));
  if (sub) return { title: sub, glued: true, known: null };
  // A short title, a space, then a long first sentence (重点领域政府信息公开情况 今年以来，…).
  const gap = /^([^\s。，,：:；;]{2,30})\s+(?=\S.{20,})(?=[^]*[。，,])/.exec(rest);
  const stop = rest.search(/[。:：；;!！?？]/);
  const comma = rest.search(/[,，]/);
  if (!gap && stop < 0 && comma < 0 && rest.length > 40) return null;
  const cut = gap ? gap[1]!.length : stop >= 0 ? stop : comma >= 0 && comma < 30 ? comma : rest.length;
  const title = rest.slice(0, cut).trim();
  if (title.length > 40 || title === '') return null;
  return { title, glued: cut < rest.length - 1, known: mayBePart ? knownTitle(title) : null };
}

/**
 * The heading candidate at the start of a folded line, or null. A known section title alone on
 * its line (no number) is a candidate of style `none`.
 */
export function headingAtLineStart(line: string, at: Span): HeadingCandidate | null {
  // Most lines fail on their first printed character, before any string is built.
  const lead = line.charAt(firstPrinted(line));
  if (lead === '' || !(MARKUP_OR_NUMBER.includes(lead) || (lead >= '0' && lead <= '9') || startsLikeTitle(lead))) return null;
  if (line.length > SHORT_LINE) return readLineStart(line, at);
  const read = memo1(shortLineReadings, line, () => readLineStart(line, NOWHERE), TEXTS_KEPT);
  // A new candidate at this line (the remembered one is shared, and never handed out).
  return read === null ? null : { style: read.style, sep: read.sep, number: read.number, value: read.value, title: read.title, glued: read.glued, known: read.known, at, inline: false };
}

/**
 * Lines up to this long (every heading, and the label of most table rows) are read once per text:
 * reports print the same headings (一、总体情况, （二）部分公开 …), and reading one costs a
 * numbering match and a title match (profiled: the outline's main cost).
 */
const SHORT_LINE = 64;
const shortLineReadings = new Map<string, HeadingCandidate | null>();
/** The place of a remembered reading: replaced by the line's own in what is handed out. */
const NOWHERE: Span = { line: 0 };

/** {@link headingAtLineStart} past its first-character test. */
function readLineStart(line: string, at: Span): HeadingCandidate | null {
  const text = stripMarkup(line);
  if (text === '') return null;
  const first = text.charCodeAt(0);
  // Most lines fail here: a heading starts with 第, a numeral, a bracket or a digit, or is a title.
  const numbered = first === 0x7b2c /* 第 */ || first === 0x28 || (first >= 0x30 && first <= 0x39) || NUMERAL.includes(text.charAt(0));
  if (numbered) {
    for (const { style, re } of PATTERNS) {
      const m = re.exec(text);
      if (!m) continue;
      const rest = text.slice(m[0].length).trim();
      // 4.5 and 一.5万 are numbers; （一）2024 年工作中… is a heading.
      if (rest === '' || (/^\d/.test(rest) && style !== 'cnParen' && style !== 'part')) return null;
      const value = style === 'arabic' || style === 'arabicParen' ? Number(m[1]) : numeralValue(m[1]!);
      if (value === 0) return null;
      const read = titleOf(rest, value <= MAX_PART);
      if (!read) return null;
      const sep = style === 'cn' ? (m[2] ?? ' ') : style === 'arabic' ? m[2]! : '';
      return { style, sep, number: m[1]!, value, ...read, at, inline: false };
    }
  }
  // A title alone on its line: short, no sentence punctuation, and one of the known titles.
  if (!startsLikeTitle(text.charAt(0)) || text.length > 40 || /[。，,；;]/.test(text)) return null;
  const bare = text.replace(/[:：]\s*$/, '');
  const known = titleAtStart(bare);
  if (!known || known.match.score < STRONG_MATCH || bare.slice(known.length).trim() !== '') return null;
  return { style: 'none', sep: '', number: '', value: 0, title: bare, glued: false, known: known.match, at, inline: false };
}

/** Numberings inside a line: where an inline heading may begin. */
const INLINE = /第[一二三四五六七八九十]{1,3}部分|[一二三四五六七八九十]{1,3}[、.,]|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、](?!\d)/g;
/** Characters that cannot stand right before an inline numbering (第一、二、 一、二季度, 十二、, 1.2). */
const NOT_BEFORE = /[一二三四五六七八九十〇零百第\d.A-Za-z]/;

/**
 * Headings found inside a folded line (not at its start): a numbering followed by a known section
 * title (similarity ≥ {@link STRONG_MATCH}). The title is required: a numbering alone inside a
 * sentence (第二十条第（一）项, 一、二季度) is not a heading. Linear in the line.
 */
export function inlineHeadings(line: string, lineNo: number): HeadingCandidate[] {
  const out: HeadingCandidate[] = [];
  INLINE.lastIndex = 0;
  for (let m = INLINE.exec(line); m !== null; m = INLINE.exec(line)) {
    const start = m.index;
    if (start === 0 || NOT_BEFORE.test(line.charAt(start - 1))) continue;
    const token = m[0];
    const arabic = /^\d/.test(token);
    // Arabic numbering inside text only after a clear break (a space or a full stop): 2.5 and 第3.项 are not headings.
    if (arabic && !/[\s。;；]/.test(line.charAt(start - 1))) continue;
    const rest = line.slice(start + token.length).replace(/^\s+/, '');
    const title = titleAtStart(rest);
    if (!title || title.match.score < STRONG_MATCH) continue;
    let style: (typeof STYLES)[number];
    let number: string;
    let sep = '';
    if (token.startsWith('第')) {
      style = 'part';
      number = token.slice(1, -2);
    } else if (token.startsWith('(')) {
      style = 'cnParen';
      number = token.slice(1, -1);
    } else {
      style = arabic ? 'arabic' : 'cn';
      number = token.slice(0, -1);
      sep = token.slice(-1);
    }
    const value = arabic ? Number(number) : numeralValue(number);
    if (value === 0) continue;
    const titleText = rest.slice(0, title.length).trim();
    const after = rest.slice(title.length);
    out.push({ style, sep, number, value, title: titleText, glued: after.trim() !== '', known: title.match, at: { line: lineNo, column: start + 1 }, inline: true });
    INLINE.lastIndex = start + token.length + title.length;
  }
  return out;
}
