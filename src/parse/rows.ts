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
 * - `web`: a cell per line with blank lines between cells and more between rows, as text copied
 *   or crawled from a web page (see web-cells.ts);
 * - `text`: any other line, as a single cell.
 *
 * Page-number lines (-3-, — 5 —, 第 3 页) are dropped.
 */
import type { SourceLine } from '../model/source.js';
import { firstPrinted, fold, isBlankText, isSpaceCode } from '../format/normalize.js';
import { isFoldedPageNumber } from '../format/page-numbers.js';
import { readCell } from '../format/numbers.js';
import { mayStartWebRun, readWebRun } from './web-cells.js';

/** One cell of a row: its text (folded, trimmed) and where it starts. */
export interface RowCell {
  text: string;
  line: number;
  /** 1-based column of the cell's first character in its line. */
  column: number;
}

/** The layouts {@link readRows} recognises. */
export type RowKind = 'tab' | 'pipe' | 'layout' | 'cells' | 'bar' | 'web' | 'text';

/** A row of cells, spanning one or more lines. */
export interface Row {
  kind: RowKind;
  cells: RowCell[];
  line: number;
  endLine: number;
  page?: number;
}

const PIPE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const NUMBER_TOKEN = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;

function cell(text: string, line: number, column: number): RowCell {
  // The column of the first character the cell holds, not of the padding before it (`| 0 |`).
  const lead = firstPrinted(text);
  if (lead === text.length) return { text: '', line, column };
  let end = text.length;
  while (isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { text: collapseSpaces(text, lead, end), line, column: column + lead };
}

/**
 * `text.slice(start, end)` (which starts and ends with a printed character) with each run of white
 * space made one space, as `replace(/\s+/g, ' ')` does; most cells have none to change, and are
 * only sliced.
 */
function collapseSpaces(text: string, start: number, end: number): string {
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code) && (code !== 0x20 || isSpaceCode(text.charCodeAt(i + 1)))) return slice.replace(/\s+/g, ' ');
  }
  return slice;
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
 * numbers separated by single spaces at the end is split off (`行政许可 97`, `447 7 0`). Columns
 * are counted from `offset` characters before `text` (a markdown `#` mark taken off the line).
 * Profiled: this runs on every line of a report; a scan of the characters replaced two regular
 * expression iterators per segment.
 */
function layoutCells(text: string, line: number, offset = 0): RowCell[] {
  const cells: RowCell[] = [];
  const n = text.length;
  // Start and end offsets of the current segment's tokens, in a buffer shared by all lines (a
  // segment has at most one token per two characters). Profiled: an array per line, emptied by
  // setting its length for each segment, was a tenth of this function's time.
  if (tokenBuffer.length < n + 2) tokenBuffer = new Int32Array(2 * n + 2);
  const tokens = tokenBuffer;
  let i = firstPrinted(text);
  while (i < n) {
    // A segment is what `\S+(?: \S+)*` matches: tokens separated by single spaces.
    let count = 0;
    for (;;) {
      const from = i;
      while (i < n && !isSpaceCode(text.charCodeAt(i))) i++;
      tokens[count++] = from;
      tokens[count++] = i;
      if (i + 1 < n && text.charCodeAt(i) === 0x20 && !isSpaceCode(text.charCodeAt(i + 1))) i++;
      else break;
    }
    splitSegment(text, tokens, count, { line, offset }, cells);
    i = firstPrinted(text, i);
  }
  return cells;
}

/** The token offsets of {@link layoutCells} (not re-entrant: each line's segments are split before the next). */
let tokenBuffer = new Int32Array(256);

/** Where the cells of a layout line are: its number and the column offset of its text. */
interface LineAt {
  line: number;
  offset: number;
}

/**
 * Adds the cells of one segment (the first `length` token offsets in `tokens`, start and end of
 * each token): a label and trailing numbers split off.
 */
function splitSegment(text: string, tokens: Int32Array, length: number, at: LineAt, cells: RowCell[]): void {
  const count = length / 2;
  let firstNumber = count;
  while (firstNumber > 0 && isNumberToken(text, tokens[2 * firstNumber - 2]!, tokens[2 * firstNumber - 1]!)) firstNumber--;
  const segmentStart = tokens[0]!;
  if (firstNumber === count || (firstNumber > 0 && endsInDigitOrDot(text, tokens[2 * firstNumber - 1]!))) {
    cells.push(segmentCell(text, segmentStart, tokens[length - 1]!, at));
    return;
  }
  if (firstNumber > 0) cells.push(segmentCell(text, segmentStart, tokens[2 * firstNumber - 1]!, at));
  for (let k = firstNumber; k < count; k++) cells.push(segmentCell(text, tokens[2 * k]!, tokens[2 * k + 1]!, at));
}

/** A cell of a layout line: the text from `start` to `end` has no white space to trim or collapse. */
function segmentCell(text: string, start: number, end: number, at: LineAt): RowCell {
  return { text: text.slice(start, end), line: at.line, column: at.offset + start + 1 };
}

/** {@link NUMBER_TOKEN} on `text.slice(start, end)`, sliced only when it can start a number. */
function isNumberToken(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (!(first >= 0x30 && first <= 0x39) && first !== 0x2b && first !== 0x2d) return false;
  return NUMBER_TOKEN.test(text.slice(start, end));
}

/** True when the token ending at `end` ends in a digit or a dot (`/[\d.]$/`). */
function endsInDigitOrDot(text: string, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  return (last >= 0x30 && last <= 0x39) || last === 0x2e;
}

const isBlank = isBlankText;
const PIPE = 0x7c;
const HASH = 0x23;
const isCellLine = (raw: string): boolean => raw.startsWith('\t') && raw.indexOf('\t', 1) < 0;
/** True for a line holding only `|` (as `raw.trim() === '|'`, without building a string). */
const isBarLine = (raw: string): boolean => {
  const at = firstPrinted(raw);
  return raw.charCodeAt(at) === PIPE && firstPrinted(raw, at + 1) === raw.length;
};
/** Captions and headings end a run of cell lines: they are never the rest of a cell. */
const CAPTION = /统计表|附表|附件|^[一二三四五六七八九十]+、|^第[一二三四五六七八九十]+[章部]/;
const HEADER_END = /合计|统计数|本年度|数值|数量$|^数据$/;
/** A line longer than this, split into segments by runs of spaces, holds paragraphs, not cells. */
const WHOLE_TEXT_LINE = 600;

/**
 * Reads lines into rows. Each non-blank line belongs to exactly one row, except page-number lines
 * and table separator lines, which are dropped. `folded` is `fold` of each line's text, when the
 * caller has it already (parseReport folds every line once for the whole parse).
 */
export function readRows(lines: readonly SourceLine[], folded?: readonly string[]): Row[] {
  const rows: Row[] = [];
  const texts = folded ?? lines.map((l) => fold(l.text));
  let i = 0;
  // Lines before this index were looked at as a web run already (found or not): each line is
  // tried at most once, whatever the length of the runs.
  let webTried = 0;
  const pageOf = (index: number): number | undefined => lines[index]?.origin.page;
  const push = (row: Omit<Row, 'page'>, index: number): void => {
    const page = pageOf(index);
    // Each row is a new object of its caller's: the page is added to it, not to a spread copy
    // (a spread followed by a property is slow in Node 20). `page` comes last either way.
    rows.push(page === undefined ? row : Object.assign(row, { page }));
  };
  while (i < lines.length) {
    const raw = texts[i]!;
    const lineNo = lines[i]!.origin.line;
    // Where the line's first printed character is: it says blank, pipe row or markdown heading
    // without a trim or a regular expression on every line.
    const lead = firstPrinted(raw);
    if (lead === raw.length || isFoldedPageNumber(raw)) {
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
    if (raw.charCodeAt(lead) === PIPE && raw.trim().indexOf('|', 1) > 0) {
      if (!PIPE_SEPARATOR.test(raw.trim())) push({ kind: 'pipe', cells: pipeCells(raw, lineNo), line: lineNo, endLine: lineNo }, i);
      i++;
      continue;
    }
    if (raw.includes('\t')) {
      push({ kind: 'tab', cells: tabCells(raw, lineNo), line: lineNo, endLine: lineNo }, i);
      i++;
      continue;
    }
    // (A line that cannot open a run is not handed to the web reader: it would read no run there.)
    if (i >= webTried && mayStartWebRun(raw)) {
      const web = readWebRun({ lines, texts, isPageNumber: isFoldedPageNumber }, i);
      webTried = web.end;
      if (web.rows !== null) {
        web.rows.forEach((row, k) => push(row, web.starts[k]!));
        i = web.end;
        continue;
      }
    }
    const text = raw.charCodeAt(lead) === HASH ? raw.replace(/^\s*#{1,6}\s+/, '') : raw;
    const offset = raw.length - text.length;
    const cells = layoutCells(text, lineNo, offset);
    // A line of one cell never holds two spaces in a row between printed characters: they would
    // have split it (`layoutCells`). So the former test for them, on every line, could only fail.
    if (cells.length > 1 && text.length > WHOLE_TEXT_LINE) {
      // A whole report in one line, paragraphs separated by spaces (a crawler that joined the
      // text nodes): each paragraph is a row of its own, as it would be on a line of its own.
      for (const c of cells) push({ kind: 'text', cells: [c], line: lineNo, endLine: lineNo }, i);
      i++;
      continue;
    }
    const kind: RowKind = cells.length > 1 ? 'layout' : 'text';
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
    if (isFoldedPageNumber(raw)) {
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
