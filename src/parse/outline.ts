/**
 * The section outline. Every numbering style real reports use is read (一、 四. 四， 四␣ 第四部分
 * （四） 4. (4), under a markdown `#` or in `**bold**`, or no number before a known section title),
 * at the start of a line or inside a long line saved from a web page. Which style is the top level
 * is decided from the document itself: the style that carries the format's section titles in
 * sequence (一 总体情况, 二 主动公开…); the other styles are the levels below it. So （一） sub-headings
 * and 1. items inside a section never become sections, and a report numbered （一）…（六） or
 * 1.…6. at the top has its six sections all the same. See docs/sections.md.
 */
import type { ReportLine, Section, Span } from '../model/report.js';
import { firstPrinted, fold, isSpaceCode } from '../format/normalize.js';
import { STRONG_MATCH } from '../format/section-titles.js';
import { headingAtLineStart, inlineHeadings, isBlankBetween, numeralOf, STYLES, type HeadingCandidate, type NumberStyle } from './section-heading.js';
import { NATIONAL_SECTIONS, titleKey } from '../format/section-titles.js';

/** Conventional level of each style, used when the document shows no top level of its own. */
const CONVENTIONAL: Record<NumberStyle, 1 | 2 | 3 | 4> = { part: 1, cn: 1, cnParen: 2, arabic: 3, arabicParen: 4, none: 1 };

/**
 * Reads a heading from a line, or returns null (levels as usual: 一、 1, （一） 2, 1. 3, (1) 4).
 * Only strong numberings: a document-wide reading is {@link buildOutline}.
 */
export function readHeading(line: string, at: Span): Section | null {
  const c = headingAtLineStart(fold(line), at);
  if (!c || c.style === 'none' || (!strongSeparator(c) && !isKnown(c))) return null;
  return { level: CONVENTIONAL[c.style], number: c.number, title: c.title, at, glued: c.glued };
}

/** 一、 is a heading numbering by itself; 四. 四， 四␣ are only with a known title or beside one. */
function strongSeparator(c: HeadingCandidate): boolean {
  return c.style !== 'cn' || c.sep === '、';
}

const isKnown = (c: HeadingCandidate): boolean => c.known !== null && c.known.score >= STRONG_MATCH;

/** A candidate's numbering family: style and separator (四、 and 四. are two families). */
const family = (c: HeadingCandidate): string => `${c.style}${c.sep}`;

/** Whether a line has two or more non-empty TAB-separated cells (scanned in place: no split per line). */
function hasTwoCells(text: string): boolean {
  let n = 0;
  let from = 0;
  for (let tab = text.indexOf('\t'); tab >= 0; tab = text.indexOf('\t', from)) {
    if (!isBlankBetween(text, from, tab) && ++n > 1) return true;
    from = tab + 1;
  }
  // No TAB at all: one cell, as before.
  return from > 0 && !isBlankBetween(text, from, text.length) && ++n > 1;
}

/** Whether a markdown table row has two or more non-empty cells (a `|---|` rule's cells do not count; scanned in place). */
function hasTwoPipeCells(text: string): boolean {
  const first = firstPrinted(text);
  if (text.charCodeAt(first) !== 0x7c /* | */) return false;
  // A cell counts when it holds a character other than white space, '-' and ':'.
  let n = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7c) counted = false;
    else if (!counted && c !== 0x2d /* - */ && c !== 0x3a /* : */ && !isSpaceCode(c)) {
      counted = true;
      if (++n > 1) return true;
    }
  }
  return false;
}

/** White space and markdown marks before a line's text. */
const LEAD = /^\s*(?:#{1,6}\s*)?(?:\*\*|__)?\s*/;

/** Full stops in a line, up to 3 (enough to tell prose from a table row). */
function sentenceCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('。'); i >= 0 && n < 3; i = text.indexOf('。', i + 1)) n++;
  return n;
}

/** The style carrying the most section titles at their own number (四 = 复议、诉讼 …), or null. */
function topStyle(candidates: readonly HeadingCandidate[]): NumberStyle | null {
  const evidence = new Map<NumberStyle, Set<number>>();
  for (const c of candidates) {
    if (c.style === 'none' || !isKnown(c) || c.known!.index + 1 !== c.value) continue;
    const seen = evidence.get(c.style) ?? new Set<number>();
    seen.add(c.value);
    evidence.set(c.style, seen);
  }
  let best: NumberStyle | null = null;
  let most = 0;
  for (const style of STYLES) {
    const n = evidence.get(style)?.size ?? 0;
    if (n > most) {
      best = style;
      most = n;
    }
  }
  if (best) return best;
  // No section title at its number (2008-regime reports have free titles): the highest style in use.
  return STYLES.find((s) => (s === 'part' || s === 'cn') && candidates.some((c) => c.style === s && strongSeparator(c))) ?? null;
}

/** Level of a style when `top` is the document's top level. */
function levelOf(style: NumberStyle, top: NumberStyle | null): 1 | 2 | 3 | 4 {
  if (top === null || style === 'none') return CONVENTIONAL[style];
  if (style === top) return 1;
  const below = STYLES.indexOf(style as (typeof STYLES)[number]) - STYLES.indexOf(top as (typeof STYLES)[number]);
  return below > 0 ? (Math.min(4, 1 + below) as 2 | 3 | 4) : 2;
}

/**
 * The outline of a report. `inTable` says which lines belong to a table: there only a known section
 * title counts (三、收到和处理… above 表三, a heading standing between two tables), not row labels.
 */
export function buildOutline(lines: readonly ReportLine[], inTable: (line: number) => boolean, regime2008 = false): Section[] {
  // 2008-regime headings are free and its statistical table's rows read like the later titles
  // (一、主动公开情况): inside its tables only a format title at its own number counts.
  const countsInTable = (c: HeadingCandidate): boolean =>
    regime2008 ? c.style === 'cn' && c.known !== null && c.known.index + 1 === c.value && titleKey(c.title) === titleKey(NATIONAL_SECTIONS[c.known.index]!.official) : isKnown(c);
  const candidates: HeadingCandidate[] = [];
  for (const line of lines) {
    const table = inTable(line.at.line);
    // A table row (two or more cells split by TAB, or a | row) is never a heading, however its
    // label reads; a heading line with a stray TAB is one cell.
    if (table && (hasTwoCells(line.text) || hasTwoPipeCells(line.norm))) continue;
    const start = headingAtLineStart(line.norm, line.at);
    // A bare title is a heading of the national format only (2008-regime titles are free).
    if (start && (!table || countsInTable(start)) && !(regime2008 && start.style === 'none')) candidates.push(start);
    // Inline headings only in long lines (web pages saved without line breaks); a long line of
    // sentences is prose even where the table finder took it for a table region.
    if (line.norm.length > 60 && (!table || sentenceCount(line.norm) >= 3)) {
      // The line's own start (after a markdown mark) is the line-start reading's, not an inline one.
      const lead = LEAD.exec(line.norm)?.[0].length ?? 0;
      for (const c of inlineHeadings(line.norm, line.at.line)) if ((c.at.column ?? 0) > lead + 1) candidates.push(c);
    }
  }
  // 四. 四， 四␣ count as headings when the document uses them for a known title somewhere.
  const knownFamilies = new Set(candidates.filter(isKnown).map(family));
  const kept = candidates.filter((c) => strongSeparator(c) || isKnown(c) || knownFamilies.has(family(c)));
  const top = topStyle(kept);

  const outline: Section[] = [];
  const topKnown = new Set<number>();
  for (const c of kept) {
    if (c.style === 'none') continue;
    const level = levelOf(c.style, top);
    if (level === 1 && c.known && c.known.score >= STRONG_MATCH) topKnown.add(c.known.index);
  }
  for (const c of kept) {
    let level: 1 | 2 | 3 | 4;
    let number: string;
    if (c.style === 'none') {
      // A known title without a number is its section's heading when no numbered heading has it.
      const index = c.known!.index;
      if (topKnown.has(index)) continue;
      topKnown.add(index);
      level = 1;
      number = NATIONAL_SECTIONS[index]!.number;
    } else {
      level = levelOf(c.style, top);
      number = level === 1 ? numeralOf(c.value) : c.number;
    }
    outline.push({ level, number, title: c.title, at: c.at, glued: c.glued });
  }
  return outline;
}
