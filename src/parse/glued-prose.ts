/**
 * Prose on a line that also holds tables. Web text saved without line breaks puts a whole report
 * on one line: its paragraphs, its headings and its tables. The table readers find the cells in
 * such a line by their columns; the text around the tables is the report's narrative and is read
 * as sentences like any other (else every narrative check silently skips the report).
 */
import type { ReportLine, Section, Span, TableInstance } from '../model/report.js';
import { isBlankBetween } from './section-heading.js';

/** A run of a line's characters, [from, to) as offsets. */
interface Run {
  from: number;
  to: number;
}

/** The marks that end a sentence (as the sentence reader has them, src/parse/narrative.ts). */
const SENTENCE_END = /[。！？!?]/g;
const HAS_SENTENCE_END = /[。！？!?]/;

/** The runs of each line that tables' cells occupy, by line number (only cells read with a column). */
export function tableRunsByLine(tables: readonly TableInstance[]): Map<number, Run[]> {
  const out = new Map<number, Run[]>();
  for (const table of tables) {
    const perLine = new Map<number, Run>();
    for (const cell of Object.values(table.cells)) {
      const column = cell.at.column;
      if (column === undefined || cell.at.endLine !== undefined) continue;
      const from = column - 1;
      const to = from + Math.max(1, cell.raw.length);
      const run = perLine.get(cell.at.line);
      if (run) {
        run.from = Math.min(run.from, from);
        run.to = Math.max(run.to, to);
      } else perLine.set(cell.at.line, { from, to });
    }
    for (const [line, run] of perLine) out.set(line, [...(out.get(line) ?? []), run]);
  }
  return out;
}

/** The offsets just after each sentence's end mark. */
function sentenceEnds(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(SENTENCE_END)) out.push(m.index + 1);
  return out;
}

/** The end of the last sentence before `offset` (after its mark), or `floor`. */
function lastSentenceEnd(ends: readonly number[], offset: number, floor: number): number {
  let end = floor;
  for (const e of ends) {
    if (e > offset) break;
    if (e > floor) end = e;
  }
  return end;
}

/**
 * The prose of a line holding tables: the line without each table's run, a run extended back to
 * the end of the sentence before it (the table's caption and header rows sit between), split where
 * a heading of the outline begins (so each sentence knows its part) and after each sentence. Empty
 * when no prose sentence is left outside the tables (an ordinary table row).
 */
export function proseAroundTables(line: ReportLine, runs: readonly Run[], headings: readonly Section[]): ReportLine[] {
  const text = line.text;
  // A table row holds no sentence (the common case: every row of a text table comes here).
  if (!HAS_SENTENCE_END.test(text)) return [];
  const ends = sentenceEnds(text);
  const taken: Run[] = [];
  let floor = 0;
  for (const run of [...runs].sort((a, b) => a.from - b.from)) {
    const from = lastSentenceEnd(ends, run.from, floor);
    const last = taken[taken.length - 1];
    if (last && from <= last.to) last.to = Math.max(last.to, run.to);
    else taken.push({ from, to: run.to });
    floor = Math.max(floor, run.to);
  }
  const free: Run[] = [];
  let at = 0;
  for (const run of taken) {
    if (run.from > at) free.push({ from: at, to: run.from });
    at = Math.max(at, run.to);
  }
  if (at < text.length) free.push({ from: at, to: text.length });
  if (!free.some((r) => HAS_SENTENCE_END.test(text.slice(r.from, r.to)))) return [];
  // Cut where a heading begins and after each sentence: each piece then says where its sentence
  // starts in a line of thousands of characters.
  const cuts = [...headings.filter((h) => h.at.line === line.at.line && h.at.column !== undefined).map((h) => h.at.column! - 1), ...ends];
  const out: ReportLine[] = [];
  for (const run of free) {
    const starts = [run.from, ...cuts.filter((c) => c > run.from && c < run.to).sort((a, b) => a - b)];
    starts.forEach((from, i) => {
      const to = starts[i + 1] ?? run.to;
      // (Tested in place, and the place copied without a spread: profiled, a line of a few
      // thousand characters gives hundreds of pieces.)
      if (isBlankBetween(text, from, to)) return;
      const at: Span = Object.assign({}, line.at);
      at.column = from + 1;
      out.push({ text: text.slice(from, to), norm: line.norm.slice(from, to), at });
    });
  }
  return out;
}

/**
 * The report's lines for the sentence reader: a line that holds tables and prose replaced by its
 * prose pieces (each a line of its own, starting where it starts in the line), with the set of those
 * pieces. Most reports have no such line and get their lines back as they are, without a copy.
 */
export function proseLines(lines: readonly ReportLine[], inTable: (line: number) => boolean, tables: readonly TableInstance[], outline: readonly Section[]): { lines: readonly ReportLine[]; pieces: ReadonlySet<ReportLine> } {
  const pieces = new Set<ReportLine>();
  if (!lines.some((l) => inTable(l.at.line) && HAS_SENTENCE_END.test(l.text))) return { lines, pieces };
  const runsByLine = tableRunsByLine(tables);
  const out = lines.flatMap((line) => {
    const runs = inTable(line.at.line) ? runsByLine.get(line.at.line) : undefined;
    if (!runs) return [line];
    const around = proseAroundTables(line, runs, outline);
    for (const piece of around) pieces.add(piece);
    return around.length > 0 ? around : [line];
  });
  return { lines: out, pieces };
}
