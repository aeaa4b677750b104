/**
 * Turns report lines into rows of cells, whatever layout the text uses. Every layout seen in real
 * reports is read here, so nothing downstream knows the layout:
 *
 * - `tab`: one row per line, cells separated by TAB (HTML/DOCX ingest, archive TSV);
 * - `pipe`: markdown pipe tables, `|---|` separator lines dropped;
 * - `layout`: `pdftotext -layout` lines, cells separated by runs of two or more spaces, a label
 *   followed by single-space separated numbers split off;
 * - `cells`: a cell per line, each line starting with one TAB and rows separated by blank lines
 *   (Word text export); lines without the TAB continue the cell above;
 * - `bar`: a cell per line (or several lines) ended by a line holding only `|`, rows of a fixed
 *   number of cells;
 * - `text`: any other line, as a single cell.
 *
 * Page-number lines (-3-, — 5 —, 第 3 页) are dropped.
 */
import type { SourceLine } from '../model/source.js';
import { fold } from './normalize.js';
import { readCell } from './numbers.js';

/** One cell of a row: its text (folded, trimmed) and where it starts. */
export interface RowCell {
  text: string;
  line: number;
  /** 1-based column of the cell's first character in its line. */
  column: number;
}

/** The layouts {@link readRows} recognises. */
export type RowKind = 'tab' | 'pipe' | 'layout' | 'cells' | 'bar' | 'text';

/** A row of cells, spanning one or more lines. */
export interface Row {
  kind: RowKind;
  cells: RowCell[];
  line: number;
  endLine: number;
  page?: number;
}

const PAGE_NUMBER = /^\s*(?:[-—–－─]+\s*\d{1,3}\s*[-—–－─]+|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;
const PIPE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const NUMBER_TOKEN = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;

/** True for a line that is only a page number. */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(fold(text));
}

function cell(text: string, line: number, column: number): RowCell {
  // The column of the first character the cell holds, not of the padding before it (`| 0 |`).
  const lead = text.length - text.trimStart().length;
  return { text: text.replace(/\s+/g, ' ').trim(), line, column: text.trim() === '' ? column : column + lead };
}

/** Splits a pipe-table line into cells. */
function pipeCells(text: string, line: number): RowCell[] {
  const cells: RowCell[] = [];
  const start = text.indexOf('|');
  let pos = start + 1;
  const end = text.trimEnd().endsWith('|') ? text.trimEnd().length - 1 : text.length;
  while (pos <= end) {
    let next = text.indexOf('|', pos);
    if (next < 0 || next > end) next = end;
    cells.push(cell(text.slice(pos, next), line, pos + 1));
    if (next >= end) break;
    pos = next + 1;
  }
  return cells;
}

/** Splits a TAB-separated line into cells (empty cells kept). */
function tabCells(text: string, line: number): RowCell[] {
  const cells: RowCell[] = [];
  let pos = 0;
  for (const part of text.split('\t')) {
    cells.push(cell(part, line, pos + 1));
    pos += part.length + 1;
  }
  return cells;
}

/**
 * Splits a plain or layout line: runs of two or more spaces separate cells; within a cell, a run of
 * numbers separated by single spaces at the end is split off (`行政许可 97`, `447 7 0`).
 */
function layoutCells(text: string, line: number): RowCell[] {
  const cells: RowCell[] = [];
  for (const m of text.matchAll(/\S+(?: \S+)*/g)) {
    const segment = m[0];
    const base = m.index;
    const tokens = [...segment.matchAll(/\S+/g)];
    let firstNumber = tokens.length;
    while (firstNumber > 0 && NUMBER_TOKEN.test(tokens[firstNumber - 1]![0])) firstNumber--;
    if (firstNumber === tokens.length || (firstNumber > 0 && /[\d.]$/.test(tokens[firstNumber - 1]![0]))) {
      cells.push(cell(segment, line, base + 1));
      continue;
    }
    if (firstNumber > 0) {
      const labelEnd = tokens[firstNumber - 1]!.index + tokens[firstNumber - 1]![0].length;
      cells.push(cell(segment.slice(0, labelEnd), line, base + 1));
    }
    for (let i = firstNumber; i < tokens.length; i++) cells.push(cell(tokens[i]![0], line, base + tokens[i]!.index + 1));
  }
  return cells;
}

const isBlank = (s: string): boolean => s.trim() === '';
const isCellLine = (raw: string): boolean => raw.startsWith('\t') && raw.indexOf('\t', 1) < 0;
const isBarLine = (raw: string): boolean => raw.trim() === '|';
/** Captions and headings end a run of cell lines: they are never the rest of a cell. */
const CAPTION = /统计表|附表|附件|^[一二三四五六七八九十]+、|^第[一二三四五六七八九十]+[章部]/;
const HEADER_END = /合计|统计数|本年度|数值|数量$|^数据$/;

/**
 * Reads lines into rows. Each non-blank line belongs to exactly one row, except page-number lines
 * and table separator lines, which are dropped.
 */
export function readRows(lines: readonly SourceLine[]): Row[] {
  const rows: Row[] = [];
  const texts = lines.map((l) => fold(l.text));
  let i = 0;
  const pageOf = (index: number): number | undefined => lines[index]?.origin.page;
  const push = (row: Omit<Row, 'page'>, index: number): void => {
    const page = pageOf(index);
    rows.push(page === undefined ? row : { ...row, page });
  };
  while (i < lines.length) {
    const raw = texts[i]!;
    const lineNo = lines[i]!.origin.line;
    if (isBlank(raw) || isPageNumber(raw)) {
      i++;
      continue;
    }
    if (isCellLine(raw)) {
      i = readCellLines(lines, texts, i, push);
      continue;
    }
    if (isBarLine(texts[i + 1] ?? '') && !isBarLine(raw)) {
      i = readBarCells(lines, texts, i, push);
      continue;
    }
    const trimmed = raw.trim();
    if (trimmed.startsWith('|') && trimmed.indexOf('|', 1) > 0) {
      if (!PIPE_SEPARATOR.test(trimmed)) push({ kind: 'pipe', cells: pipeCells(raw, lineNo), line: lineNo, endLine: lineNo }, i);
      i++;
      continue;
    }
    if (raw.includes('\t')) {
      push({ kind: 'tab', cells: tabCells(raw, lineNo), line: lineNo, endLine: lineNo }, i);
      i++;
      continue;
    }
    const text = raw.replace(/^\s*#{1,6}\s+/, '');
    const offset = raw.length - text.length;
    const cells = layoutCells(text, lineNo).map((c) => ({ ...c, column: c.column + offset }));
    const kind: RowKind = cells.length > 1 || / {2,}/.test(text.trim()) ? 'layout' : 'text';
    push({ kind, cells, line: lineNo, endLine: lineNo }, i);
    i++;
  }
  return rows;
}

type Push = (row: Omit<Row, 'page'>, index: number) => void;

/** Reads a run of cell-per-line lines starting at `start`; returns the index after the run. */
function readCellLines(lines: readonly SourceLine[], texts: readonly string[], start: number, push: Push): number {
  let i = start;
  let cells: RowCell[] = [];
  let rowStart = i;
  let sawBlank = false;
  const flush = (): void => {
    if (cells.length > 0) {
      push({ kind: 'cells', cells, line: lines[rowStart]!.origin.line, endLine: cells[cells.length - 1]!.line }, rowStart);
    }
    cells = [];
  };
  while (i < lines.length) {
    const raw = texts[i]!;
    const lineNo = lines[i]!.origin.line;
    // An empty cell is a line holding only its TAB: a cell, not a blank line.
    if (isBlank(raw) && !raw.startsWith('\t')) {
      sawBlank = true;
      i++;
      continue;
    }
    if (isPageNumber(raw)) {
      i++;
      continue;
    }
    if (isCellLine(raw)) {
      if (sawBlank) {
        flush();
        rowStart = i;
      }
      sawBlank = false;
      cells.push(cell(raw.slice(1), lineNo, 2));
      i++;
      continue;
    }
    // A line without the leading TAB: the rest of the cell above (a label broken over lines), or
    // the end of the table.
    const last = cells[cells.length - 1];
    const nextIsCellLine = isCellLine(texts[nextNonBlank(texts, i + 1)] ?? '');
    const continues =
      last !== undefined &&
      !CAPTION.test(raw.trim()) &&
      !raw.includes('\t') &&
      (!sawBlank || (raw.trim().length <= 8 && nextIsCellLine)) &&
      (readCell(last.text).state !== 'number' || last.text === '');
    if (!continues) break;
    if (last.text === '') {
      // The TAB line held nothing: the cell's text starts here, and so does its location.
      last.line = lineNo;
      last.column = raw.length - raw.trimStart().length + 1;
    }
    last.text = (last.text + raw.trim()).replace(/\s+/g, ' ');
    // The blank line was inside the cell, not between rows.
    sawBlank = false;
    i++;
  }
  flush();
  return i;
}

function nextNonBlank(texts: readonly string[], from: number): number {
  let i = from;
  while (i < texts.length && isBlank(texts[i]!)) i++;
  return i;
}

/**
 * Reads cells ended by `|` lines, starting at the line before the first `|`. Rows hold as many
 * cells as the header row, which ends at the first header cell naming the value column
 * (合计, 统计数, 本年度…); 3 when no header says so.
 */
function readBarCells(lines: readonly SourceLine[], texts: readonly string[], start: number, push: Push): number {
  const cells: RowCell[] = [];
  let i = start;
  let pending = null as RowCell | null;
  while (i < lines.length) {
    const raw = texts[i]!;
    const lineNo = lines[i]!.origin.line;
    if (isBarLine(raw)) {
      cells.push(pending ?? cell('', lineNo, 1));
      pending = null;
      i++;
      // The run ends where the next line is neither a bar nor followed (within a two-line label) by a bar.
      const a = texts[i] ?? '';
      if (!isBarLine(a) && !isBarLine(texts[i + 1] ?? '') && !isBarLine(texts[i + 2] ?? '')) break;
      continue;
    }
    if (isBlank(raw)) {
      i++;
      continue;
    }
    if (pending === null) pending = cell(raw, lineNo, 1);
    else pending.text += raw.trim();
    i++;
  }
  const headerEnd = cells.findIndex((c, index) => index < 8 && HEADER_END.test(c.text.replace(/\s+/g, '')));
  const width = headerEnd >= 1 ? headerEnd + 1 : 3;
  for (let k = 0; k < cells.length; k += width) {
    const group = cells.slice(k, k + width);
    push({ kind: 'bar', cells: group, line: group[0]!.line, endLine: group[group.length - 1]!.line }, start);
  }
  return i;
}
