/**
 * The section outline: headings numbered 一、 （一） 1. (1), with their text, also when the
 * heading is glued to its first sentence on one line (archive copies of web pages).
 */
import type { Section, Span } from '../model/report.js';
import { firstPrinted, fold } from './normalize.js';

const CN_NUM = '[一二三四五六七八九十]+';
const LEVELS: { level: 1 | 2 | 3 | 4; re: RegExp }[] = [
  { level: 1, re: new RegExp(`^(${CN_NUM})\\s*、\\s*`) },
  { level: 2, re: new RegExp(`^[(（]\\s*(${CN_NUM})\\s*[)）]\\s*`) },
  { level: 3, re: /^(\d{1,2})\s*[.．、](?!\d)\s*/ },
  { level: 4, re: /^[(（]\s*(\d{1,2})\s*[)）]\s*/ },
];

const HEADING_START = /^[一二三四五六七八九十(（\d]/;

/** Heading texts of the national format and common variants: a glued heading ends where they end. */
const KNOWN_HEADINGS = [
  '总体情况', '概述', '基本情况', '主动公开政府信息情况', '主动公开政府信息的情况', '主动公开情况',
  '收到和处理政府信息公开申请情况', '依申请公开政府信息情况', '政府信息依申请公开工作情况',
  '政府信息公开行政复议、行政诉讼情况', '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
  '政府信息公开工作存在的主要问题及改进情况', '存在的主要问题及改进情况', '存在的主要问题及整改措施',
  '其他需要报告的事项', '政府信息管理', '平台建设', '监督保障',
];

/** {@link KNOWN_HEADINGS} by first character, in their order: a heading is looked up among a few. */
const KNOWN_BY_FIRST = (() => {
  const byFirst = new Map<string, string[]>();
  for (const heading of KNOWN_HEADINGS) {
    const first = heading.charAt(0);
    byFirst.set(first, [...(byFirst.get(first) ?? []), heading]);
  }
  return byFirst;
})();

/** One heading candidate on a line. */
export interface HeadingLine {
  text: string;
  at: Span;
}

/**
 * Reads a heading from a line, or returns null. A heading is short, or starts with a known heading
 * text, or ends its title at the first full stop, colon or comma (then it is glued to its body).
 */
export function readHeading(line: string, at: Span): Section | null {
  return readFoldedHeading(fold(line), at);
}

/** {@link readHeading} of a line already folded (parseReport folds each line once). */
export function readFoldedHeading(line: string, at: Span): Section | null {
  // Every level starts with a Chinese numeral, a bracket or a digit, after an optional markdown
  // `#` mark: most lines fail on their first printed character, before any string is built.
  const first = line.charCodeAt(firstPrinted(line));
  if (first !== HASH && !HEADING_START.test(String.fromCharCode(first))) return null;
  const text = line.replace(/^\s*#{1,6}\s*/, '').trim();
  if (!HEADING_START.test(text)) return null;
  for (const { level, re } of LEVELS) {
    const m = re.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length).trim();
    if (rest === '' || (level >= 3 && /^\d/.test(rest))) return null;
    const compact = rest.replace(/\s+/g, '');
    const known = KNOWN_BY_FIRST.get(compact.charAt(0))?.find((h) => compact.startsWith(h));
    let title: string;
    let glued: boolean;
    if (known) {
      title = known;
      glued = compact.length > known.length + 1;
    } else {
      const stop = rest.search(/[。:：；;!！?？]/);
      const comma = rest.search(/[,，]/);
      if (stop < 0 && comma < 0 && rest.length > 40) return null;
      const cut = stop >= 0 ? stop : comma >= 0 && comma < 30 ? comma : rest.length;
      title = rest.slice(0, cut).trim();
      glued = cut < rest.length - 1;
      if (title.length > 40) return null;
    }
    return { level, number: m[1]!, title, at, glued };
  }
  return null;
}

const HASH = 0x23;

/** True when a heading title is one of the format's section headings or a known variant. */
export function isSectionTitle(title: string): boolean {
  const t = title.replace(/\s+/g, '');
  return /^(?:收到和处理政府信息公开申请情况|主动公开政府信息情况|(?:政府信息公开)?行政复议、?行政诉讼情况|因政府信息公开工作被申请行政复议、?提起行政诉讼情况)$/.test(t);
}
