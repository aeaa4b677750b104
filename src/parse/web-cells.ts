/**
 * Tables as text copied or crawled from web pages: one cell per line, blank lines between cells
 * and more blank lines between rows, no TAB and no `|` (the crawler took the text nodes of each
 * `<td>`). Two spacings are seen in real pages: cells two blank lines apart and rows four apart;
 * or the cells of a row on consecutive lines and rows two blank lines apart. Both are read by the
 * table's own structure:
 *
 * - the **cell gap** is the smallest number of blank lines before a value cell (a number or a
 *   zero mark): values are never the rest of a label, so whatever separates a value from the cell
 *   before it separates cells;
 * - a smaller gap continues the cell above (a label broken over lines: `商业` / `企业`);
 * - a larger gap starts a new row;
 * - whatever the gaps, a label after a value starts a new row (a row starts at its label), and so
 *   do a caption, an outline-numbered label (一、 （一）) and a label after a unit cell (the value
 *   between them was blank: an empty cell leaves no line), so a page that puts one blank line
 *   between every cell is still read row by row.
 *
 * Page-number lines (`- 3 -`, `第 3 页`) inside the run are dropped without changing the gap.
 */
import type { SourceLine } from '../model/source.js';
import { firstPrinted, isBlankText, isSpaceCode } from '../format/normalize.js';
import { sharedReading } from '../format/numbers.js';
import type { Row, RowCell } from './rows.js';
import { UNIT_WORDS } from './table-view.js';

/** A candidate line of a web run: short, one printed token group, no TAB, no `|`. */
const MAX_CELL_LENGTH = 64;
/** A run must hold at least this many value cells to be read as a table. */
const MIN_VALUES = 4;

/** A table caption: a row of its own. */
const CAPTION_CELL = /统计表|^第二十条第/;
/** A label numbered as an outline level (一、 （一）): it starts a row. */
const NUMBERED_LABEL = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])/;

/**
 * The non-blank lines of the run being read, one entry per line at the same position in each
 * array: line index, the cell's text in the line (from, to: white space trimmed), the blank lines
 * before it, and whether it is a value. Shared from run to run (profiled: an object per line of
 * every run tried, most of them no table, was a third of reading web runs); not re-entrant.
 */
const runLines = { index: new Int32Array(64), from: new Int32Array(64), to: new Int32Array(64), gap: new Int32Array(64), value: new Uint8Array(64) };

/** Makes room in {@link runLines} for entry `k`. */
function reserveRunLine(k: number): void {
  if (k < runLines.index.length) return;
  const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
    const bigger = new (a.constructor as new (n: number) => T)(2 * a.length);
    bigger.set(a);
    return bigger;
  };
  runLines.index = grow(runLines.index);
  runLines.from = grow(runLines.from);
  runLines.to = grow(runLines.to);
  runLines.gap = grow(runLines.gap);
  runLines.value = grow(runLines.value);
}

/**
 * Where the cell text of a line (no TAB; white space trimmed) ends, when it can be one web cell
 * (not blank, at most {@link MAX_CELL_LENGTH} characters, no `|` first, no two spaces in a row: two
 * spaces split a line into layout cells, so such a line is a row; not a sentence of prose, which
 * ends a table): -1 when it cannot. Scanned in place, without a copy of the line
 * (profiled: runs are tried at many lines, and most of their lines turn out to be no table).
 */
function cellEnd(raw: string, start: number): number {
  if (raw.length > 2 * MAX_CELL_LENGTH) return -1;
  let end = raw.length;
  while (end > start && isSpaceCode(raw.charCodeAt(end - 1))) end--;
  const length = end - start;
  if (length === 0 || length > MAX_CELL_LENGTH || raw.charCodeAt(start) === 0x7c /* | */) return -1;
  for (let i = start; i + 1 < end; i++) if (raw.charCodeAt(i) === 0x20 && raw.charCodeAt(i + 1) === 0x20) return -1;
  const last = raw.charCodeAt(end - 1);
  return length > 30 && (last === 0x3002 /* 。 */ || last === 0xff1b) /* ； */ ? -1 : end;
}

/**
 * True when a line (not blank, no page number, no TAB: the row reader has ruled those out) can be
 * the first cell of a web run, as {@link collect} tests it. The row reader tries a run at every
 * other line, and most lines fail here.
 */
export function mayStartWebRun(raw: string): boolean {
  return cellEnd(raw, firstPrinted(raw)) >= 0;
}

/** First characters a value can start with: digits, signs, dash marks, 不适用/无/暂无/没有. */
const VALUE_START = /^[\d+\-—–－─━‐‑‒―/／\\×xX*不无暂没]/;
/** 1 for each UTF-16 code unit {@link VALUE_START} accepts (tested by code, without a one-character string). */
const VALUE_START_CODE = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < table.length; c++) if (VALUE_START.test(String.fromCharCode(c))) table[c] = 1;
  return table;
})();

/** True for a cell text that is a value: a number, or a zero mark (—, /, 无). */
export function isValueCell(text: string): boolean {
  // Most lines are words: they are told apart by their first character, without reading them.
  if (!VALUE_START.test(text)) return false;
  const state = sharedReading(text).state;
  return state === 'number' || state === 'dash' || state === 'na';
}

/** Hooks of the row reader a web run needs: its lines, folded texts and page-number test. */
export interface WebRunInput {
  lines: readonly SourceLine[];
  texts: readonly string[];
  isPageNumber: (folded: string) => boolean;
}

/**
 * The result of {@link readWebRun}: the rows read (null when the lines are no web table), and the
 * index of the first line after the run, which need not be tried again.
 */
export interface WebRun {
  rows: Omit<Row, 'page'>[] | null;
  /** Line index of each row's first line (for its page). */
  starts: number[];
  end: number;
}

/**
 * Collects the run of cell lines starting at `start` into {@link runLines}. Returns how many lines
 * the run holds and the index after the run (the first line that is no cell, or the end).
 */
function collect(input: WebRunInput, start: number): { length: number; end: number } {
  const { texts, isPageNumber } = input;
  let length = 0;
  let gap = 0;
  let i = start;
  let lastNonBlank = start;
  for (; i < texts.length; i++) {
    const raw = texts[i]!;
    if (isBlankText(raw)) {
      gap++;
      continue;
    }
    if (isPageNumber(raw)) {
      // The blank lines around a page number are the page's, not the table's.
      const before = gap;
      let k = i + 1;
      while (k < texts.length && isBlankText(texts[k]!)) k++;
      i = k - 1;
      gap = before;
      continue;
    }
    // A long line, or a TAB anywhere (a TAB-indented cell line, a TAB row), is another layout's.
    if (raw.length > 2 * MAX_CELL_LENGTH || raw.includes('\t')) break;
    const from = firstPrinted(raw);
    const to = cellEnd(raw, from);
    if (to < 0) break;
    // The text is copied only where it may be a value (its first character says) or is read.
    const value = VALUE_START_CODE[raw.charCodeAt(from)] === 1 && isValueCell(raw.slice(from, to));
    reserveRunLine(length);
    runLines.index[length] = i;
    runLines.from[length] = from;
    runLines.to[length] = to;
    runLines.gap[length] = length === 0 ? 0 : gap;
    runLines.value[length] = value ? 1 : 0;
    length++;
    lastNonBlank = i;
    gap = 0;
  }
  return { length, end: length === 0 ? start : Math.max(lastNonBlank + 1, start + 1) };
}

/**
 * Reads a web-extracted table starting at line `start`; `rows` is null when the lines from there
 * are not one (fewer than {@link MIN_VALUES} value cells, or no blank line between most cells).
 */
export function readWebRun(input: WebRunInput, start: number): WebRun {
  const { length, end } = collect(input, start);
  const { index: lineIndex, from: fromOf, to: toOf, gap: gapOf, value: isValue } = runLines;
  // Blank lines must separate the rows at least (a label after a value starts one): lines of
  // text without blank lines between them are not a web page's cells.
  let values = 0;
  let rowStarts = 0;
  let blankStarts = 0;
  for (let k = 0; k < length; k++) {
    if (isValue[k] === 1) values++;
    if (k > 0 && isValue[k] === 0 && isValue[k - 1] === 1) {
      rowStarts++;
      if (gapOf[k]! > 0) blankStarts++;
    }
  }
  if (values < MIN_VALUES || rowStarts === 0 || blankStarts < rowStarts / 2) return { rows: null, starts: [], end };
  let cellGap = Infinity;
  for (let k = 1; k < length; k++) if (isValue[k] === 1 && gapOf[k]! < cellGap) cellGap = gapOf[k]!;
  const rows: Omit<Row, 'page'>[] = [];
  const starts: number[] = [];
  let cells: RowCell[] = [];
  let rowStart = lineIndex[0]!;
  let lastWasValue = false;
  const flush = (): void => {
    if (cells.length > 0) {
      rows.push({ kind: 'web', cells, line: cells[0]!.line, endLine: cells[cells.length - 1]!.line });
      starts.push(rowStart);
    }
    cells = [];
  };
  // Whatever the gaps, captions and outline-numbered labels start rows, so that a header is not
  // run into the first row when a page puts one blank line between every cell.
  let lastWasCaption = false;
  for (let k = 0; k < length; k++) {
    const index = lineIndex[k]!;
    const gap = gapOf[k]!;
    const value = isValue[k] === 1;
    const origin = input.lines[index]!.origin;
    const text = input.texts[index]!.slice(fromOf[k], toOf[k]);
    const column = fromOf[k]! + 1;
    const last = cells[cells.length - 1];
    if (last !== undefined && gap < cellGap && !value && !isValueCell(last.text)) {
      // The rest of a label broken over lines.
      last.text += text;
      continue;
    }
    const caption = CAPTION_CELL.test(text);
    const numbered = !value && NUMBERED_LABEL.test(text);
    // A unit cell (条, 件) stands before its value: a label after it starts the next row (the
    // value cell was blank, and a blank cell leaves no line).
    const afterUnit = !value && last !== undefined && UNIT_WORDS.has(last.text) && !UNIT_WORDS.has(text);
    if (cells.length > 0 && (gap > cellGap || (!value && lastWasValue) || caption || lastWasCaption || numbered || afterUnit)) {
      flush();
    }
    if (cells.length === 0) rowStart = index;
    cells.push({ text, line: origin.line, column });
    lastWasValue = value;
    lastWasCaption = caption;
  }
  flush();
  return { rows, starts, end };
}
