/**
 * The text and tables of a Word 97–2003 binary document ([MS-DOC]): the `WordDocument` stream and
 * its table stream, as read from the compound file (cfb.ts).
 *
 * Text-only extractors (word-extractor and the like) turn a table's cell marks into TABs and its
 * row marks into line breaks, so a cell holding two paragraphs, a paragraph before the table and a
 * typed TAB all look alike, and merged cells vanish. This reader keeps the structure: it reads each
 * paragraph's properties (in a table? the row's end? at which nesting depth?) and each row's cell
 * boundaries and vertical merges (sprmTDefTable, sprmTVertMerge), and rebuilds every table on one
 * column grid, a merged cell's text at its top-left position, as the .docx reader does.
 *
 * Browser-safe: works on `Uint8Array`s only.
 */
import { cleanTabs, collapseWhitespace, expandSpans, joinParts, type SpanCell } from './grid.js';
import type { WordBlock } from './word-blocks.js';

/** Thrown when the streams are not a Word 97–2003 document this reader can read. */
export class WordBinaryError extends Error {
  constructor(message: string, readonly reason: 'encrypted' | 'old-version' | 'corrupt') {
    super(message);
  }
}


function u8(bytes: Uint8Array, at: number): number {
  const v = bytes[at];
  if (v === undefined) throw new WordBinaryError(`offset ${at} past the end`, 'corrupt');
  return v;
}
const u16 = (b: Uint8Array, at: number): number => u8(b, at) | (u8(b, at + 1) << 8);
const i16 = (b: Uint8Array, at: number): number => (u16(b, at) << 16) >> 16;
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

// ---------------------------------------------------------------------------------------------
// File information block and piece table

interface Fib {
  tableStream: '0Table' | '1Table';
  ccpText: number;
  fcLcb: (index: number) => { fc: number; lcb: number };
}

// Indexes into FibRgFcLcb97 (each an fc/lcb pair of 8 bytes).
const FC_PLCF_BTE_CHPX = 12;
const FC_PLCF_BTE_PAPX = 13;
const FC_CLX = 33;

function readFib(doc: Uint8Array): Fib {
  if (doc.length < 0x20 || u16(doc, 0) !== 0xa5ec) throw new WordBinaryError('WordDocument stream has no Word signature', 'corrupt');
  const nFib = u16(doc, 2);
  const flags = u16(doc, 0x0a);
  if ((flags & 0x0100) !== 0) throw new WordBinaryError('encrypted', 'encrypted');
  // Word 6.0/95 files (nFib 101–105) have another layout; Word 97 and later write 193 or more.
  if (nFib < 0xc1 && u16(doc, 0x20) !== 14) throw new WordBinaryError(`Word file version ${nFib}`, 'old-version');
  const csw = u16(doc, 0x20);
  const rgLw = 0x22 + csw * 2;
  const cslw = u16(doc, rgLw);
  const lw = rgLw + 2;
  const ccpText = u32(doc, lw + 12);
  const rgFcLcb = lw + cslw * 4 + 2;
  const cbRgFcLcb = u16(doc, lw + cslw * 4);
  return {
    tableStream: (flags & 0x0200) !== 0 ? '1Table' : '0Table',
    ccpText,
    fcLcb: (index) => {
      if (index >= cbRgFcLcb) return { fc: 0, lcb: 0 };
      return { fc: u32(doc, rgFcLcb + index * 8), lcb: u32(doc, rgFcLcb + index * 8 + 4) };
    },
  };
}

interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset of the piece's first character in the WordDocument stream. */
  fc: number;
  compressed: boolean;
}

function readPieces(fib: Fib, table: Uint8Array): Piece[] {
  const { fc, lcb } = fib.fcLcb(FC_CLX);
  let at = fc;
  const end = fc + lcb;
  while (at < end && u8(table, at) === 1) at += 3 + Math.max(0, i16(table, at + 1)); // Prc: skip
  if (at >= end || u8(table, at) !== 2) throw new WordBinaryError('no piece table', 'corrupt');
  const size = u32(table, at + 1);
  const plc = at + 5;
  const n = Math.floor((size - 4) / 12);
  if (n <= 0 || plc + size > table.length) throw new WordBinaryError('piece table out of range', 'corrupt');
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const cpStart = u32(table, plc + i * 4);
    const cpEnd = u32(table, plc + (i + 1) * 4);
    const raw = u32(table, plc + (n + 1) * 4 + i * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    pieces.push({ cpStart, cpEnd, fc: compressed ? (raw & 0x3fffffff) / 2 : raw, compressed });
  }
  return pieces;
}

// Windows-1252 0x80–0x9F, for "compressed" (8-bit) pieces.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** The text of the main document, with the byte offset of each character for property lookup. */
function readText(doc: Uint8Array, pieces: readonly Piece[], ccpText: number): { text: string; fcs: Uint32Array } {
  const chars: string[] = [];
  // Every character takes at least a byte of the stream: a larger count is not to be believed.
  const fcs = new Uint32Array(Math.min(ccpText, doc.length));
  ccpText = fcs.length;
  for (const piece of pieces) {
    for (let cp = piece.cpStart; cp < Math.min(piece.cpEnd, ccpText); cp++) {
      const k = cp - piece.cpStart;
      let ch: string;
      let fc: number;
      if (piece.compressed) {
        fc = piece.fc + k;
        const b = u8(doc, fc);
        ch = b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] ?? '' : String.fromCharCode(b);
      } else {
        fc = piece.fc + k * 2;
        ch = String.fromCharCode(u16(doc, fc));
      }
      fcs[chars.length] = fc;
      chars.push(ch);
    }
    if (chars.length >= ccpText) break;
  }
  return { text: chars.join(''), fcs: fcs.subarray(0, chars.length) };
}

// ---------------------------------------------------------------------------------------------
// Property runs (formatted disk pages) and their sprms

/** Calls `visit(sprm, operandOffset, operandSize)` for each property modifier in `grpprl`. */
function eachSprm(grpprl: Uint8Array, from: number, visit: (sprm: number, at: number, size: number) => void): void {
  let at = from;
  while (at + 2 <= grpprl.length) {
    const sprm = u16(grpprl, at);
    at += 2;
    let size: number;
    switch (sprm >>> 13) {
      case 0:
      case 1:
        size = 1;
        break;
      case 2:
      case 4:
      case 5:
        size = 2;
        break;
      case 3:
        size = 4;
        break;
      case 7:
        size = 3;
        break;
      default:
        if (at >= grpprl.length) return;
        if (sprm === 0xd608 || sprm === 0xd606) size = u16(grpprl, at) + 1; // sprmTDefTable: 2-byte cb
        else if (sprm === 0xc615 && u8(grpprl, at) === 255) size = chgTabsSize(grpprl, at);
        else size = u8(grpprl, at) + 1;
    }
    if (at + size > grpprl.length) return;
    visit(sprm, at, size);
    at += size;
  }
}

// sprmPChgTabs with cb 255: PChgTabsDelClose then PChgTabsAdd, each sized by its own count.
function chgTabsSize(b: Uint8Array, at: number): number {
  const del = u8(b, at + 1);
  const addAt = at + 2 + del * 4;
  const add = u8(b, addAt);
  return addAt + 1 + add * 3 - at;
}

/** A run of formatted text: bytes `[fcStart, fcEnd)` of the WordDocument stream. */
interface Run<T> {
  fcStart: number;
  fcEnd: number;
  props: T;
}

/** Reads the runs of every formatted disk page a PlcBte lists. */
function readFkpRuns<T>(doc: Uint8Array, table: Uint8Array, plc: { fc: number; lcb: number }, isPapx: boolean, parse: (grpprl: Uint8Array, from: number) => T | undefined): Run<T>[] {
  const runs: Run<T>[] = [];
  const n = Math.floor((plc.lcb - 4) / 8);
  for (let i = 0; i < n; i++) {
    const pn = u32(table, plc.fc + (n + 1) * 4 + i * 4) & 0x3fffff;
    const page = doc.subarray(pn * 512, pn * 512 + 512);
    if (page.length < 512) continue;
    const crun = u8(page, 511);
    for (let j = 0; j < crun; j++) {
      const fcStart = u32(page, j * 4);
      const fcEnd = u32(page, (j + 1) * 4);
      let props: T | undefined;
      if (isPapx) {
        const bOffset = u8(page, (crun + 1) * 4 + j * 13) * 2;
        if (bOffset === 0) continue;
        const cb = u8(page, bOffset);
        const grp = cb === 0 ? page.subarray(bOffset + 2, bOffset + 2 + 2 * u8(page, bOffset + 1)) : page.subarray(bOffset + 1, bOffset + 2 * cb);
        props = parse(grp, 2); // after the 2-byte style index
      } else {
        const bOffset = u8(page, (crun + 1) * 4 + j) * 2;
        if (bOffset === 0) continue;
        const cb = u8(page, bOffset);
        props = parse(page.subarray(bOffset + 1, bOffset + 1 + cb), 0);
      }
      if (props !== undefined) runs.push({ fcStart, fcEnd, props });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

/** The run holding byte `fc`, by binary search over runs sorted by start. */
function runAt<T>(runs: readonly Run<T>[], fc: number): T | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid];
    if (run === undefined) break;
    if (fc < run.fcStart) hi = mid - 1;
    else if (fc >= run.fcEnd) lo = mid + 1;
    else return run.props;
  }
  return undefined;
}

/** What a paragraph's properties say about tables. */
interface ParaProps {
  /** Table nesting depth: 0 outside tables, 1 in a top-level table. */
  itap: number;
  /** The paragraph is a top-level row's end mark. */
  ttp: boolean;
  /** Row end mark of a nested table. */
  innerTtp: boolean;
  /** For a row end: the cell boundaries (twips) and each cell's merge flags. */
  row?: RowDef;
}

interface RowDef {
  centers: number[];
  /** Per cell: 0 none, 1 continues the cell above, 2/3 starts a vertical merge. */
  vertMerge: number[];
  /** Per cell (legacy merge): 0 none, 1 first of a horizontal merge, 2/3 merged into the previous. */
  horzMerge: number[];
}

/**
 * A paragraph's table properties from its grpprl. `data` is the Data stream, where a paragraph
 * whose properties do not fit its disk page keeps them (sprmPHugePapx: wide tables' row ends).
 */
function parsePapx(grp: Uint8Array, from: number, data: Uint8Array | undefined): ParaProps | undefined {
  let inTable = false;
  let itap: number | undefined;
  const props: ParaProps = { itap: 0, ttp: false, innerTtp: false };
  const vertMerges: Array<[number, number]> = [];
  const visit = (grpprl: Uint8Array, nested = false) => (sprm: number, at: number, size: number): void => {
    switch (sprm) {
      case 0x6646: { // sprmPHugePapx: the rest of the properties are in the Data stream
        const fc = u32(grpprl, at);
        // Followed once: the properties in the Data stream cannot point on again.
        if (!nested && data !== undefined && fc + 2 <= data.length) {
          const huge = data.subarray(fc + 2, fc + 2 + u16(data, fc));
          eachSprm(huge, 0, visit(huge, true));
        }
        break;
      }
      case 0x2416: // sprmPFInTable
        inTable = u8(grpprl, at) !== 0;
        break;
      case 0x2417: // sprmPFTtp
        props.ttp = u8(grpprl, at) !== 0;
        break;
      case 0x6649: // sprmPItap
        itap = u32(grpprl, at);
        break;
      case 0x244c: // sprmPFInnerTtp
        props.innerTtp = u8(grpprl, at) !== 0;
        break;
      case 0xd608: // sprmTDefTable
        props.row = tDefTable(grpprl, at + 2, size - 2);
        break;
      case 0xd62b: // sprmTVertMerge: cb, itc, flags (overrides the TC80 flag; may come first)
        if (size >= 3) vertMerges.push([u8(grpprl, at + 1), u8(grpprl, at + 2)]);
        break;
      default:
    }
  };
  eachSprm(grp, from, visit(grp));
  props.itap = itap ?? (inTable ? 1 : 0);
  const row = props.row;
  if (row !== undefined) for (const [itc, flag] of vertMerges) if (itc < row.vertMerge.length) row.vertMerge[itc] = flag;
  return props.itap === 0 && !props.ttp ? undefined : props;
}

/** TDefTableOperand after its cb: itcMac, the cell boundaries, then one TC80 per cell. */
function tDefTable(b: Uint8Array, at: number, size: number): RowDef {
  const end = at + size;
  const count = u8(b, at);
  const centers: number[] = [];
  for (let i = 0; i <= count && at + 1 + i * 2 + 2 <= end; i++) centers.push(i16(b, at + 1 + i * 2));
  const vertMerge: number[] = [];
  const horzMerge: number[] = [];
  const tcAt = at + 1 + (count + 1) * 2;
  for (let i = 0; i < count && tcAt + i * 20 + 20 <= end; i++) {
    const tcgrf = u16(b, tcAt + i * 20);
    horzMerge.push(tcgrf & 0x3);
    vertMerge.push((tcgrf >> 5) & 0x3);
  }
  return { centers, vertMerge, horzMerge };
}

function parseChpx(grp: Uint8Array, from: number): true | undefined {
  let hidden = false;
  eachSprm(grp, from, (sprm, at) => {
    // sprmCFRMarkDel (deleted by tracked changes) and sprmCFVanish (hidden): a reader does not see them.
    if ((sprm === 0x0800 || sprm === 0x083c) && (u8(grp, at) === 1 || u8(grp, at) === 0x81)) hidden = true;
  });
  return hidden ? true : undefined;
}

// ---------------------------------------------------------------------------------------------
// Paragraphs → blocks

/** A paragraph: its lines (split at manual line breaks), its end mark and its properties. */
interface Paragraph {
  lines: string[];
  mark: string;
  props: ParaProps | undefined;
}

/**
 * Splits the main text into paragraphs, leaving out what a reader does not see: deleted and
 * hidden runs, field instructions (a field's result stays), and object anchors.
 */
function paragraphs(text: string, fcs: Uint32Array, papx: readonly Run<ParaProps>[], hiddenRuns: readonly Run<true>[]): Paragraph[] {
  const out: Paragraph[] = [];
  let lines: string[] = [''];
  // One entry per open field: true once its result part (after the separator) has begun.
  const fields: boolean[] = [];
  // How many open fields are still in their instructions (counted, not searched: no quadratic scan).
  let inInstructions = 0;
  for (let cp = 0; cp < text.length; cp++) {
    const ch = text[cp] ?? '';
    const fc = fcs[cp] ?? 0;
    if (ch === '\r' || ch === '\x07' || ch === '\x0c') {
      out.push({ lines, mark: ch, props: runAt(papx, fc) });
      lines = [''];
      continue;
    }
    if (ch === '\x13') {
      fields.push(false);
      inInstructions++;
      continue;
    }
    if (ch === '\x14') {
      if (fields.length > 0 && fields[fields.length - 1] === false) {
        fields[fields.length - 1] = true;
        inInstructions--;
      }
      continue;
    }
    if (ch === '\x15') {
      if (fields.pop() === false) inInstructions--;
      continue;
    }
    if (inInstructions > 0 || runAt(hiddenRuns, fc) !== undefined) continue;
    if (ch === '\x0b') lines.push('');
    else if (ch === '\x1e') lines[lines.length - 1] += '-'; // non-breaking hyphen
    else if (ch === '\t' || ch >= ' ') lines[lines.length - 1] += ch;
    // Other control characters are anchors of pictures, footnotes and comments: no text.
  }
  if (lines.some((l) => l !== '')) out.push({ lines, mark: '\r', props: undefined });
  return out;
}

/** One row of a table being read: its cells' texts and, from its end mark, its geometry. */
interface RowInProgress {
  cells: string[];
  def?: RowDef;
}

/**
 * Lays a table's rows on one grid. The columns are the union of every row's cell boundaries, so a
 * cell spanning two columns of another row gets a span of two; a cell that continues a vertical
 * (or legacy horizontal) merge is empty, as in the .docx reader. Rows without boundaries are laid
 * out a cell per column.
 */
export function tableGrid(rows: readonly RowInProgress[]): string[][] {
  const edges = [...new Set(rows.flatMap((r) => (r.def?.centers.length === r.cells.length + 1 ? r.def.centers : [])))].sort((a, b) => a - b);
  const column = new Map(edges.map((x, i) => [x, i]));
  return expandSpans(rows.map((row): SpanCell[] => {
    const def = row.def;
    if (def === undefined || def.centers.length !== row.cells.length + 1) return row.cells.map((text) => ({ text, rowSpan: 1, colSpan: 1 }));
    const cells: SpanCell[] = [];
    const first = column.get(def.centers[0] ?? 0) ?? 0;
    if (first > 0) cells.push({ text: '', rowSpan: 1, colSpan: first });
    row.cells.forEach((text, i) => {
      const from = column.get(def.centers[i] ?? 0) ?? 0;
      const to = column.get(def.centers[i + 1] ?? 0) ?? from + 1;
      const continues = def.vertMerge[i] === 1 || (def.horzMerge[i] ?? 0) >= 2;
      cells.push({ text: continues ? '' : text, rowSpan: 1, colSpan: Math.max(1, to - from) });
    });
    return cells;
  }));
}

/** Turns paragraphs into blocks: paragraph lines, and one TAB-joined line per table row. */
function blocksOf(paras: readonly Paragraph[]): WordBlock[] {
  const blocks: WordBlock[] = [];
  let paragraphCount = 0;
  let tableCount = 0;
  let rows: RowInProgress[] = [];
  let cells: string[] = [];
  let parts: string[] = [];

  const flushTable = (): void => {
    if (parts.length > 0 || cells.length > 0) rows.push({ cells: [...cells, joinParts(parts)] });
    cells = [];
    parts = [];
    if (rows.length === 0) return;
    tableCount++;
    tableGrid(rows).forEach((row, r) => {
      if (row.every((c) => c === '')) return;
      blocks.push({ text: row.join('\t'), table: { index: tableCount, row: r + 1 } });
    });
    rows = [];
  };

  for (const para of paras) {
    const props = para.props;
    const depth = props?.itap ?? 0;
    if (depth === 0 && props?.ttp !== true) {
      flushTable();
      const texts = para.lines.map((l) => cleanTabs(l).trim()).filter((l) => l !== '');
      if (texts.length > 0) {
        paragraphCount++;
        for (const text of texts) blocks.push({ text, paragraph: paragraphCount });
      }
      continue;
    }
    // In a table: the paragraph's text belongs to the current cell.
    if (depth <= 1 && props?.ttp === true) {
      const row: RowInProgress = { cells };
      if (props.row !== undefined) row.def = props.row;
      rows.push(row);
      cells = [];
      parts = [];
      continue;
    }
    for (const line of para.lines) parts.push(collapseWhitespace(cleanTabs(line)));
    if (depth <= 1 && para.mark === '\x07') {
      cells.push(joinParts(parts));
      parts = [];
    }
  }
  flushTable();
  return blocks;
}

/**
 * Reads a Word 97–2003 document's main text into blocks: paragraph lines and table rows on their
 * grid (a paragraph's TABs handled by the .docx reader's rule). `stream` returns a named stream of
 * the compound file. Throws {@link WordBinaryError}.
 */
export function readWordBinary(stream: (name: string) => Uint8Array | undefined): WordBlock[] {
  const doc = stream('WordDocument');
  if (doc === undefined) throw new WordBinaryError('no WordDocument stream', 'corrupt');
  const fib = readFib(doc);
  const table = stream(fib.tableStream);
  if (table === undefined) throw new WordBinaryError(`no ${fib.tableStream} stream`, 'corrupt');
  const pieces = readPieces(fib, table);
  const { text, fcs } = readText(doc, pieces, fib.ccpText);
  const data = stream('Data');
  const papx = readFkpRuns(doc, table, fib.fcLcb(FC_PLCF_BTE_PAPX), true, (grp, from) => parsePapx(grp, from, data));
  const hidden = readFkpRuns(doc, table, fib.fcLcb(FC_PLCF_BTE_CHPX), false, parseChpx);
  return blocksOf(paragraphs(text, fcs, papx, hidden));
}
