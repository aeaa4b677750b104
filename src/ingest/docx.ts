/**
 * .docx reports → lines, read straight from the OOXML parts rather than through an HTML
 * conversion: the parser needs Word's automatic numbering text (一、 （一） 1.), which converters
 * drop, and the exact merged-cell layout of the statistics tables.
 *
 * This module reads the document body, its tables and the package metadata. The zip container
 * (with the zip-bomb defence) is in zip.ts, the numbering in docx-numbering.ts.
 */
import { load } from 'cheerio';
import type { IngestProblem, SourceMeta, SourceText } from '../model/source.js';
import { Numbering, Styles, type NumberingPrefix } from './docx-numbering.js';
import { cleanTabs, collapseWhitespace, expandSpans, isCjkChar, isElement, joinParts, type DomNode, type SpanCell } from './grid.js';
import type { IngestLimits } from './limits.js';
import { linesOfBlocks, type WordBlock } from './word-blocks.js';
import { elements, findDescendant, textOf, WordNames } from './wordml.js';
import { checkZipBomb, corruptDocx, DocxError, readZipDirectory, ZipArchive } from './zip.js';

function problem(id: string, severity: IngestProblem['severity'], message: string, messageEn: string): IngestProblem {
  return { id, message, messageEn, severity };
}

// ---------------------------------------------------------------------------------------------
// Package parts

/** Parses an XML part; the tree keeps prefixed names (`w:p`). */
function parseXml(bytes: Uint8Array): DomNode {
  const text = new TextDecoder('utf-8').decode(bytes);
  const $ = load(text, { xml: { xmlMode: true, decodeEntities: true } });
  const root = $.root()[0] as DomNode | undefined;
  if (root === undefined) throw new DocxError(corruptDocx('XML 无法解析 / unparsable XML'));
  return root;
}

/** Targets of a relationships part by relationship type suffix (`/officeDocument`, `/numbering`). */
function relationships(xml: DomNode | undefined): Map<string, string> {
  const rels = new Map<string, string>();
  if (xml === undefined) return rels;
  const stack = [xml];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (isElement(node) && /(^|:)Relationship$/.test(node.name ?? '')) {
      const type = node.attribs?.['Type'] ?? '';
      const target = node.attribs?.['Target'];
      const mode = node.attribs?.['TargetMode'];
      const kind = type.slice(type.lastIndexOf('/') + 1);
      if (target !== undefined && mode !== 'External' && !rels.has(kind)) rels.set(kind, target);
    }
    stack.push(...(node.children ?? []));
  }
  return rels;
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

// ---------------------------------------------------------------------------------------------
// Document body


class BodyReader {
  readonly blocks: WordBlock[] = [];
  private paragraphCount = 0;
  private tableCount = 0;

  constructor(private readonly w: WordNames, private readonly numbering: Numbering) {}

  /** Walks block-level content: paragraphs, tables and the containers that wrap them. */
  readBlocks(container: DomNode): void {
    for (const el of elements(container)) {
      const name = this.w.local(el);
      if (name === 'p') this.emitParagraph(el);
      else if (name === 'tbl') this.emitTable(el);
      else if (name === 'sdt') this.readBlocks(this.w.child(el, 'sdtContent') ?? el);
      else if (name === 'customXml' || name === 'ins' || name === 'moveTo') this.readBlocks(el);
      else if (name === undefined && /AlternateContent$/.test(el.name ?? '')) {
        const choice = elements(el)[0];
        if (choice !== undefined) this.readBlocks(choice);
      }
    }
  }

  private emitParagraph(p: DomNode): void {
    const { lines, floating } = this.paragraphLines(p);
    const texts = lines.map((l) => l.trim()).filter((l) => l !== '');
    if (texts.length > 0) {
      this.paragraphCount++;
      for (const text of texts) this.blocks.push({ text, paragraph: this.paragraphCount });
    }
    // Text boxes anchored in the paragraph read as paragraphs after it.
    for (const box of floating) this.readBlocks(box);
  }

  /**
   * A paragraph's text: its numbering prefix and runs, split at manual line breaks. Text boxes
   * inside it are returned separately.
   */
  private paragraphLines(p: DomNode): { lines: string[]; floating: DomNode[] } {
    const w = this.w;
    const lines: string[] = [''];
    const floating: DomNode[] = [];
    const append = (s: string): void => {
      lines[lines.length - 1] += s;
    };
    const pPr = w.child(p, 'pPr');
    const styleId = w.childVal(pPr, 'pStyle');
    const prefix = this.numbering.forParagraph(w, pPr, styleId);

    const walk = (node: DomNode): void => {
      for (const el of elements(node)) {
        const name = w.local(el);
        if (name === undefined) {
          // Markup-compatibility wrapper: read the first choice only, so that text boxes written
          // twice (DrawingML + VML fallback) count once.
          if (/AlternateContent$/.test(el.name ?? '')) {
            const choice = elements(el)[0];
            if (choice !== undefined) walk(choice);
          } else if (/(^|:)(drawing|pict|inline|anchor|graphic|graphicData|wsp|txbx|textbox|shape|rect|group|wgp|Choice|Fallback)$/.test(el.name ?? '')) {
            walk(el);
          }
          continue;
        }
        switch (name) {
          case 'pPr':
          case 'rPr':
          case 'del':
          case 'moveFrom':
          case 'instrText':
          case 'delText':
          case 'footnoteReference':
          case 'endnoteReference':
          case 'commentReference':
          case 'fldChar':
            break;
          case 'r':
            if (isHiddenRun(w, el)) break;
            walk(el);
            break;
          case 't':
            append(textOf(el));
            break;
          case 'tab':
          case 'ptab':
            append('\t');
            break;
          case 'br':
          case 'cr':
            lines.push('');
            break;
          case 'noBreakHyphen':
            append('-');
            break;
          case 'sym': {
            const code = Number.parseInt(w.attr(el, 'char') ?? '', 16);
            // Symbol-font glyphs map to the private use area: no meaningful text.
            if (!Number.isNaN(code) && !(code >= 0xe000 && code <= 0xf8ff)) append(String.fromCodePoint(code));
            break;
          }
          case 'txbxContent':
            floating.push(el);
            break;
          case 'drawing':
          case 'pict':
          case 'object':
            walk(el);
            break;
          default:
            // hyperlink, ins, smartTag, fldSimple, sdt/sdtContent, customXml, bdo, dir, moveTo …
            walk(el);
        }
      }
    };
    walk(p);
    const out = lines.map((line, i) => cleanTabs(i === 0 && prefix !== undefined ? attachPrefix(prefix, line) : line));
    return { lines: out, floating };
  }

  /** Text of a table cell: its paragraphs (and nested tables) joined into one string. */
  private cellText(tc: DomNode): string {
    const parts: string[] = [];
    const visit = (container: DomNode): void => {
      for (const el of elements(container)) {
        const name = this.w.local(el);
        if (name === 'p') {
          const { lines, floating } = this.paragraphLines(el);
          for (const line of lines) parts.push(collapseWhitespace(line));
          for (const box of floating) visit(box);
        } else if (name === 'tbl') {
          for (const row of this.tableGrid(el)) for (const cell of row) parts.push(cell);
        } else if (name === 'sdt') {
          visit(this.w.child(el, 'sdtContent') ?? el);
        } else if (name === 'customXml' || name === 'ins') {
          visit(el);
        }
      }
    };
    visit(tc);
    return joinParts(parts);
  }

  /** Rows of a table, looking through content controls and custom XML wrappers. */
  private rowsOf(tbl: DomNode): DomNode[] {
    const rows: DomNode[] = [];
    const visit = (node: DomNode): void => {
      for (const el of elements(node)) {
        const name = this.w.local(el);
        if (name === 'tr') rows.push(el);
        else if (name === 'sdt' || name === 'sdtContent' || name === 'customXml') visit(el);
      }
    };
    visit(tbl);
    return rows;
  }

  private cellsOf(tr: DomNode): DomNode[] {
    const cells: DomNode[] = [];
    const visit = (node: DomNode): void => {
      for (const el of elements(node)) {
        const name = this.w.local(el);
        if (name === 'tc') cells.push(el);
        else if (name === 'sdt' || name === 'sdtContent' || name === 'customXml') visit(el);
      }
    };
    visit(tr);
    return cells;
  }

  /**
   * The table as a grid: gridSpan cells cover several columns, `vMerge` continuation cells (and
   * legacy `hMerge` continuations) are empty, and `gridBefore`/`gridAfter` leave empty columns.
   */
  tableGrid(tbl: DomNode): string[][] {
    const w = this.w;
    const rows: SpanCell[][] = this.rowsOf(tbl).map((tr) => {
      const trPr = w.child(tr, 'trPr');
      const before = Number(w.childVal(trPr, 'gridBefore') ?? '0');
      const after = Number(w.childVal(trPr, 'gridAfter') ?? '0');
      const cells: SpanCell[] = [];
      if (before > 0) cells.push({ text: '', rowSpan: 1, colSpan: before });
      for (const tc of this.cellsOf(tr)) {
        const tcPr = w.child(tc, 'tcPr');
        const colSpan = Math.max(1, Number(w.childVal(tcPr, 'gridSpan') ?? '1') || 1);
        const vMerge = tcPr === undefined ? undefined : w.child(tcPr, 'vMerge');
        const hMerge = tcPr === undefined ? undefined : w.child(tcPr, 'hMerge');
        const continues = (vMerge !== undefined && w.attr(vMerge, 'val') !== 'restart')
          || (hMerge !== undefined && w.attr(hMerge, 'val') !== 'restart');
        cells.push({ text: continues ? '' : this.cellText(tc), rowSpan: 1, colSpan });
      }
      if (after > 0) cells.push({ text: '', rowSpan: 1, colSpan: after });
      return cells;
    });
    return expandSpans(rows);
  }

  private emitTable(tbl: DomNode): void {
    this.tableCount++;
    const index = this.tableCount;
    this.tableGrid(tbl).forEach((cells, r) => {
      if (cells.every((c) => c === '')) return;
      this.blocks.push({ text: cells.join('\t'), table: { index, row: r + 1 } });
    });
  }
}

function isHiddenRun(w: WordNames, r: DomNode): boolean {
  const rPr = w.child(r, 'rPr');
  const vanish = rPr === undefined ? undefined : w.child(rPr, 'vanish');
  if (vanish === undefined) return false;
  const val = w.attr(vanish, 'val');
  return val !== '0' && val !== 'false';
}

/**
 * Puts a numbering prefix before the paragraph text. Word separates them with a tab or space;
 * in Chinese text that gap is layout, not a character (typed numbering reads `1.属于…`), so the
 * prefix joins directly when either side of the join is CJK, and with one space otherwise.
 */
function attachPrefix(prefix: NumberingPrefix, text: string): string {
  if (prefix.text === '') return text;
  const body = text.replace(/^[\s\t]+/, '');
  if (body === '') return prefix.text;
  const last = Array.from(prefix.text).at(-1);
  const first = Array.from(body)[0];
  const direct = prefix.suffix === 'nothing' || isCjkChar(last) || isCjkChar(first);
  return direct ? prefix.text + body : `${prefix.text} ${body}`;
}


// ---------------------------------------------------------------------------------------------
// Properties

/** ISO date of a W3CDTF timestamp, in China time (UTC+8), where Chinese reports are written. */
function chinaDate(value: string): string | undefined {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
  return new Date(time + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

function coreMeta(xml: DomNode | undefined): SourceMeta {
  const meta: SourceMeta = {};
  if (xml === undefined) return meta;
  const title = findDescendant(xml, (n) => /(^|:)title$/.test(n.name ?? ''));
  const created = findDescendant(xml, (n) => /(^|:)created$/.test(n.name ?? ''));
  const titleText = title === undefined ? '' : collapseWhitespace(textOf(title));
  if (titleText !== '') meta.title = titleText;
  const createdText = created === undefined ? '' : textOf(created).trim();
  const date = createdText === '' ? undefined : chinaDate(createdText);
  // Word writes 1601-01-01 or 1899-12-30 when the creation time is unknown.
  if (date !== undefined && date >= '1980-01-01') meta.createdAt = date;
  return meta;
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads a .docx report into lines: one per paragraph (with Word's automatic numbering text
 * restored) and one TAB-separated line per table row (merged cells expanded, continuation cells
 * empty). Checks the zip's declared sizes against `limits.maxDocxUncompressedBytes` before
 * inflating anything. Never throws: unreadable files return a problem and no lines.
 */
export async function ingestDocx(bytes: Uint8Array, limits: IngestLimits): Promise<SourceText> {
  const failed = (p: IngestProblem): SourceText => ({ lines: [], kind: 'docx', meta: {}, problems: [p] });
  if (bytes.length > limits.maxFileBytes) {
    return failed(problem('ingest/too-large', 'error',
      `文件大小 ${bytes.length} 字节，超过上限 ${limits.maxFileBytes} 字节，未检查（上限可在配置文件的 limits.maxFileBytes 调整）。`,
      `The file is ${bytes.length} bytes, over the ${limits.maxFileBytes}-byte limit (limits.maxFileBytes in .xxgk-lint.yaml); not checked.`));
  }
  try {
    return await readDocx(bytes, limits);
  } catch (error) {
    if (error instanceof DocxError) return failed(error.problem);
    const detail = error instanceof Error ? error.message : String(error);
    return failed(corruptDocx(detail));
  }
}

async function readDocx(bytes: Uint8Array, limits: IngestLimits): Promise<SourceText> {
  const entries = readZipDirectory(bytes);
  const bomb = checkZipBomb(entries, limits.maxDocxUncompressedBytes);
  if (bomb !== undefined) throw new DocxError(bomb);
  const zip = new ZipArchive(bytes, entries, limits.maxDocxUncompressedBytes);
  const xmlPart = async (name: string): Promise<DomNode | undefined> => {
    const data = await zip.read(name);
    return data === undefined ? undefined : parseXml(data);
  };

  const rootRels = relationships(await xmlPart('_rels/.rels'));
  const mainTarget = rootRels.get('officeDocument');
  const mainName = mainTarget === undefined ? 'word/document.xml' : resolvePart('', mainTarget);
  const documentXml = zip.has(mainName) ? await xmlPart(mainName) : await xmlPart('word/document.xml');
  if (documentXml === undefined) throw new DocxError(corruptDocx('缺少 word/document.xml / missing word/document.xml'));
  const relsName = `${mainName.slice(0, mainName.lastIndexOf('/') + 1)}_rels/${mainName.slice(mainName.lastIndexOf('/') + 1)}.rels`;
  const docRels = relationships(await xmlPart(relsName));
  const partName = (kind: string, fallback: string): string => {
    const target = docRels.get(kind);
    return target === undefined ? fallback : resolvePart(mainName, target);
  };
  const styles = new Styles(await xmlPart(partName('styles', 'word/styles.xml')));
  const numbering = new Numbering(await xmlPart(partName('numbering', 'word/numbering.xml')), styles);
  const corePart = rootRels.get('core-properties');
  const meta = coreMeta(await xmlPart(corePart === undefined ? 'docProps/core.xml' : resolvePart('', corePart)));

  const w = WordNames.of(documentXml);
  const documentEl = elements(documentXml)[0];
  const body = documentEl === undefined ? undefined : w.child(documentEl, 'body');
  if (body === undefined) throw new DocxError(corruptDocx('word/document.xml 中没有正文 / no w:body'));
  const reader = new BodyReader(w, numbering);
  reader.readBlocks(body);

  const { lines, problems } = linesOfBlocks(reader.blocks, limits, meta);
  return { lines, kind: 'docx', meta, problems };
}
