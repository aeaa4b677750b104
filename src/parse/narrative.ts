/**
 * The prose as sentences, and every number with a unit in it (条, 件, 次, 人, 篇, 期, 个, 万元, %)
 * with its sentence and location, for the narrative checks. Prose lines broken by a PDF layout are
 * joined first, so a sentence that runs over two lines stays whole.
 */
import type { NarrativeNumber, ReportLine, Section, Sentence, Span } from '../model/report.js';
import { parseChineseNumber } from '../format/numbers.js';
import { spanAt } from '../model/spans.js';
import { isSpaceCode } from '../format/normalize.js';

const UNIT = '(?:万元|元|件|条|次|人次|人|篇|期|个|项|家|场|%)';
/**
 * A number with its unit. A minus sign (`-`, which `－` folds to, or U+2212 `−`) right before the
 * digits, and not after a digit or letter (`3-5件` is a range), makes the number negative.
 */
const NUMBER = new RegExp(`(?<![\\d.])(?:(?<![\\dA-Za-z])([-−]))?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(余|多)?\\s*(${UNIT})|([零〇一二两三四五六七八九十百千万]+)\\s*(${UNIT})`, 'g');

/** A sentence: up to and with its full stop, or to the end of the text. */
const SENTENCE = /[^。！？!?]+[。！？!?]?/g;

/**
 * Index of the last break at or before `offset`, searching from `from` (the previous sentence's,
 * which is at or before it); -1 when none is.
 */
function lastBreakAtOrBefore(breaks: readonly [number, Span][], offset: number, from: number): number {
  let found = -1;
  for (let k = Math.max(from, 0); k < breaks.length && breaks[k]![0] <= offset; k++) found = k;
  return found;
}

/**
 * A sentence's own breaks, offsets relative to its `start`: the line it starts in (break `first`,
 * at offset 0), then each line that starts inside it.
 */
function breaksWithin(breaks: readonly [number, Span][], first: number, start: number, end: number): [number, Span][] {
  const own: [number, Span][] = first >= 0 ? [[0, breaks[first]![1]]] : [];
  for (let k = first + 1; k < breaks.length && breaks[k]![0] < end; k++) own.push([breaks[k]![0] - start, breaks[k]![1]]);
  return own;
}

/**
 * The line without its white space, except one space between a digit, letter, dot or % and a
 * digit or letter (spaces between CJK characters are a PDF artefact; `2 023` is not).
 */
function joinSpaces(line: string): string {
  // Profiled: one scan of the character codes instead of a replace with a callback per run.
  const n = line.length;
  let i = 0;
  while (i < n && !isSpaceCode(line.charCodeAt(i))) i++;
  if (i === n) return line;
  let out = line.slice(0, i);
  while (i < n) {
    const run = i;
    while (i < n && isSpaceCode(line.charCodeAt(i))) i++;
    if (run > 0 && i < n && isWordBefore(line.charCodeAt(run - 1)) && isWordAfter(line.charCodeAt(i))) out += ' ';
    const from = i;
    while (i < n && !isSpaceCode(line.charCodeAt(i))) i++;
    out += line.slice(from, i);
  }
  return out;
}

/** `[\dA-Za-z]` as a test of one UTF-16 code unit. */
function isWordAfter(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** `[\dA-Za-z.%]` as a test of one UTF-16 code unit. */
function isWordBefore(c: number): boolean {
  return isWordAfter(c) || c === 0x2e || c === 0x25;
}

/** `/[。！？!?]$/.test(text)` without trying the pattern at every position of the line. */
function endsSentence(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 0x3002 /* 。 */ || last === 0xff01 /* ！ */ || last === 0xff1f /* ？ */ || last === 0x21 || last === 0x3f;
}

/**
 * Joins prose lines into sentences. A heading line starts a new paragraph; a line ending in 。！？
 * ends one; otherwise the next line continues it (PDF line wrapping). Spaces between CJK
 * characters (a PDF artefact) are dropped; spaces between digits or letters are kept; markdown
 * bold markers (`**`) are dropped.
 */
export function sentences(lines: readonly ReportLine[], isProse: (line: ReportLine) => boolean, sectionOf: (line: ReportLine) => Section | undefined): Sentence[] {
  const out: Sentence[] = [];
  let text = '';
  let breaks: [number, Span][] = [];
  let section: string | undefined;
  const flush = (): void => {
    if (text === '') return;
    SENTENCE.lastIndex = 0;
    // The breaks are in offset order, and so are the sentences: each sentence's breaks are found
    // from where the previous sentence's began.
    let from = 0;
    for (let m = SENTENCE.exec(text); m !== null; m = SENTENCE.exec(text)) {
      const s = m[0];
      const trimmed = s.trim();
      if (trimmed.length === 0) continue;
      const start = m.index + (s.length - s.trimStart().length);
      from = lastBreakAtOrBefore(breaks, start, from);
      const sentence: Sentence = { text: trimmed, breaks: breaksWithin(breaks, from, start, start + trimmed.length) };
      if (section !== undefined) sentence.section = section;
      out.push(sentence);
    }
    text = '';
    breaks = [];
  };
  for (const line of lines) {
    if (!isProse(line)) {
      flush();
      continue;
    }
    // Markdown bold (**218件**) marks emphasis, not content: the sentence is read without it.
    const joinedLine = joinSpaces(line.norm);
    const norm = joinedLine.includes('**') ? joinedLine.replace(/\*\*/g, '') : joinedLine;
    const heading = sectionOf(line);
    if (heading && heading.at.line === line.at.line) {
      flush();
      if (heading.level === 1) section = heading.number;
    }
    if (norm === '') {
      flush();
      continue;
    }
    breaks.push([text.length, line.at]);
    text += norm;
    if (endsSentence(norm) || (heading && !heading.glued)) flush();
  }
  flush();
  return out;
}

/** Every number with a unit in the sentences. */
export function narrativeNumbers(all: readonly Sentence[]): NarrativeNumber[] {
  const found: NarrativeNumber[] = [];
  all.forEach((s, sentenceIndex) => {
    // exec, not matchAll: matchAll copies the expression for every sentence.
    NUMBER.lastIndex = 0;
    for (let m = NUMBER.exec(s.text); m !== null; m = NUMBER.exec(s.text)) {
      let value: number | null;
      let unit: string;
      if (m[2] !== undefined) {
        value = Number(m[2].replace(/,/g, '') + (m[3] ?? '')) * (m[1] === undefined ? 1 : -1);
        unit = m[5]!;
      } else {
        value = parseChineseNumber(m[6]!);
        unit = m[7]!;
      }
      if (value === null || !Number.isFinite(value)) continue;
      const number: NarrativeNumber = { value, unit, raw: m[0], sentence: s.text, offset: m.index, at: spanAt(s, m.index), sentenceIndex };
      if (s.section !== undefined) number.section = s.section;
      found.push(number);
    }
  });
  return found;
}
