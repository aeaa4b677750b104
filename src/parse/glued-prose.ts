/**
 * Prose on a line that also holds tables. Web text saved without line breaks puts a whole report
 * on one line: its paragraphs, its headings and its tables. The table readers find the cells in
 * such a line by their columns; the text around the tables is the report's narrative and is read
 * as sentences like any other (else every narrative check silently skips the report).
 */
import type { ReportLine, Section, TableInstance } from '../model/report.js';

/** A run of a line's characters, [from, to) as offsets. */
interface Run {
  from: number;
  to: number;
}

/** Where a sentence may end: the text before a table's first cell back to here belongs to the table (its caption and header). */
const SENTENCE_END = /[。！？!?]/g;

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

/** The end of the last sentence before `offset` (after its mark), or `floor`. */
function lastSentenceEnd(text: string, offset: number, floor: number): number {
  let end = floor;
  SENTENCE_END.lastIndex = floor;
  for (let m = SENTENCE_END.exec(text); m !== null && m.index < offset; m = SENTENCE_END.exec(text)) end = m.index + 1;
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
  if (!/[。！？!?]/.test(text)) return [];
  const taken: Run[] = [];
  let floor = 0;
  for (const run of [...runs].sort((a, b) => a.from - b.from)) {
    const from = lastSentenceEnd(text, run.from, floor);
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
  if (!free.some((r) => /[。！？!?]/.test(text.slice(r.from, r.to)))) return [];
  // Cut where a heading begins and after each sentence: each piece then says where its sentence
  // starts in a line of thousands of characters.
  const cuts = headings.filter((h) => h.at.line === line.at.line && h.at.column !== undefined).map((h) => h.at.column! - 1);
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m !== null; m = SENTENCE_END.exec(text)) cuts.push(m.index + 1);
  const out: ReportLine[] = [];
  for (const run of free) {
    const starts = [run.from, ...cuts.filter((c) => c > run.from && c < run.to).sort((a, b) => a - b)];
    starts.forEach((from, i) => {
      const to = starts[i + 1] ?? run.to;
      const piece = text.slice(from, to);
      if (piece.trim() === '') return;
      out.push({ text: piece, norm: line.norm.slice(from, to), at: { ...line.at, column: from + 1 } });
    });
  }
  return out;
}
