/**
 * Numbers with units in the prose (条, 件, 次, 人, 篇, 期, 个, 万元, %), each with its sentence and
 * location, for the narrative checks. Prose lines broken by a PDF layout are joined into
 * paragraphs first, so a number whose sentence runs over two lines keeps the whole sentence.
 */
import type { NarrativeNumber, ReportLine, Section, Span } from '../model/report.js';
import { parseChineseNumber } from './numbers.js';

/** A sentence of the prose, with the line of each of its characters. */
export interface Sentence {
  text: string;
  /** Line (span) of each character of `text`. */
  spans: Span[];
  /** The top-level section the sentence is in. */
  section?: string;
}

const UNIT = '(?:万元|元|件|条|次|人次|人|篇|期|个|项|家|场|%|％)';
const NUMBER = new RegExp(`(?<![\\d.])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(余|多)?\\s*(${UNIT})|([零〇一二两三四五六七八九十百千万]+)\\s*(${UNIT})`, 'g');

/**
 * Joins prose lines into sentences. A heading line starts a new paragraph; a line ending in 。！？
 * ends one; otherwise the next line continues it (PDF line wrapping).
 */
export function sentences(lines: readonly ReportLine[], isProse: (line: ReportLine) => boolean, sectionOf: (line: number) => Section | undefined): Sentence[] {
  const out: Sentence[] = [];
  let text = '';
  let spans: Span[] = [];
  let section: string | undefined;
  const flush = (): void => {
    let start = 0;
    for (const m of text.matchAll(/[^。！？!?；;]+[。！？!?；;]?/g)) {
      const s = m[0];
      const trimmed = s.trim();
      if (trimmed.length > 0) {
        const lead = s.length - s.trimStart().length;
        const sentence: Sentence = { text: trimmed, spans: spans.slice(m.index + lead, m.index + lead + trimmed.length) };
        if (section !== undefined) sentence.section = section;
        out.push(sentence);
      }
      start = m.index + s.length;
    }
    void start;
    text = '';
    spans = [];
  };
  for (const line of lines) {
    if (!isProse(line)) {
      flush();
      continue;
    }
    const norm = line.norm.replace(/\s+/g, (ws, offset: number, whole: string) =>
      /[\dA-Za-z]/.test(whole[offset - 1] ?? '') && /[\dA-Za-z]/.test(whole[offset + ws.length] ?? '') ? ' ' : '');
    const heading = sectionOf(line.at.line);
    if (heading && heading.at.line === line.at.line) {
      flush();
      if (heading.level === 1) section = heading.number;
    }
    for (let k = 0; k < norm.length; k++) spans.push(line.at);
    text += norm;
    if (/[。！？!?]\s*$/.test(norm) || norm.trim() === '') flush();
  }
  flush();
  return out;
}

/** Every number with a unit in the sentences. */
export function narrativeNumbers(all: readonly Sentence[]): NarrativeNumber[] {
  const found: NarrativeNumber[] = [];
  for (const s of all) {
    for (const m of s.text.matchAll(NUMBER)) {
      let value: number | null;
      let unit: string;
      if (m[1] !== undefined) {
        value = Number(m[1].replace(/,/g, '') + (m[2] ?? ''));
        unit = m[4]!;
      } else {
        value = parseChineseNumber(m[5]!);
        unit = m[6]!;
      }
      if (value === null || !Number.isFinite(value)) continue;
      // A year or a date is not a count: "2023年" has no unit here, but "12月31日" neither.
      const at = s.spans[m.index] ?? s.spans[0]!;
      const number: NarrativeNumber = { value, unit: unit === '％' ? '%' : unit, raw: m[0], sentence: s.text, offset: m.index, at };
      if (s.section !== undefined) number.section = s.section;
      found.push(number);
    }
  }
  return found;
}
