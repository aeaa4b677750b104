/**
 * PDF reports → lines laid out like `pdftotext -layout`: text items on one baseline form a line,
 * and horizontal gaps become spaces, so that table columns stay apart (a gap wider than about one
 * character becomes two or more spaces, with columns padded to their x position) while CJK glyphs
 * set next to each other join without spaces. Page numbers and running headers are left out of the
 * lines; each line's origin keeps its page.
 */
import type { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { IngestProblem, SourceLine, SourceMeta, SourceText } from '../model/source.js';
import { isCjkChar } from './grid.js';
import type { IngestLimits } from './limits.js';
import { withWholeInflate } from './pdf-inflate.js';
import { fontOptions, loadPdfjs } from './pdf-load.js';
import { transformMatrix } from './pdf-ops.js';
import { joinRowsAcrossPages } from './pdf-page-breaks.js';
import { pageTables } from './pdf-page-tables.js';

function problem(id: string, severity: IngestProblem['severity'], message: string, messageEn: string): IngestProblem {
  return { id, message, messageEn, severity };
}

/**
 * Folders of pdf.js's CMaps (needed for CJK fonts that are not embedded) and standard fonts. pdf.js
 * reads them with `fs` under Node, so they must be file paths ending in `/`. Resolved from the
 * installed package, which works from the TypeScript sources (vitest) and from compiled `dist`
 * alike. Outside Node there is nothing to resolve and pdf.js does without them.
 */
let assetDirs: Promise<{ cMapUrl?: string; standardFontDataUrl?: string }> | null = null;

/** {@link resolveAssetDirs}, resolved once per thread (it was once per file). */
function pdfjsAssetDirs(): Promise<{ cMapUrl?: string; standardFontDataUrl?: string }> {
  assetDirs ??= resolveAssetDirs();
  return assetDirs;
}

async function resolveAssetDirs(): Promise<{ cMapUrl?: string; standardFontDataUrl?: string }> {
  try {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('pdfjs-dist/package.json');
    const dir = pkg.slice(0, pkg.length - 'package.json'.length);
    return { cMapUrl: `${dir}cmaps/`, standardFontDataUrl: `${dir}standard_fonts/` };
  } catch {
    return {};
  }
}

/** Where pdf.js finds its worker script, CMaps and standard fonts outside Node. */
export interface PdfAssets {
  /** URL of `pdf.worker.mjs` (browsers need a worker; Node runs pdf.js in-process). */
  workerSrc?: string;
  /** URL of the folder of pdf.js's packed CMaps, ending in `/`. */
  cMapUrl?: string;
  /** URL of the folder of pdf.js's standard fonts, ending in `/`. */
  standardFontDataUrl?: string;
}

let configuredAssets: { cMapUrl?: string; standardFontDataUrl?: string } | null = null;
let workerSrc: string | null = null;

/**
 * Tells pdf.js where its assets are, for the web page (which bundles them as static files). Under
 * Node nobody calls this and the folders are resolved from the installed package, as before.
 */
export function setPdfAssets(assets: PdfAssets): void {
  if (assets.workerSrc !== undefined) workerSrc = assets.workerSrc;
  configuredAssets = {
    ...(assets.cMapUrl !== undefined ? { cMapUrl: assets.cMapUrl } : {}),
    ...(assets.standardFontDataUrl !== undefined ? { standardFontDataUrl: assets.standardFontDataUrl } : {}),
  };
}

/** A text item placed on the page: top-left origin, y grows downwards, baseline y. */
interface Glyphs {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface PageLine {
  y: number;
  size: number;
  items: Glyphs[];
  /** A ruled table's row, already laid out (cells joined by TAB): printed as is. */
  text?: string;
}

/** The parts of a pdf.js text item that layout reads. */
interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

function isTextItem(item: unknown): item is RawTextItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

const KANGXI_RE = /[\u2f00-\u2fdf]/g;

/**
 * Maps Kangxi radicals (U+2F00–U+2FDF), which some PDF producers emit for ordinary ideographs
 * (⼀ for 一, ⾏ for 行), to the ideographs. NFKC is applied to those characters only, so full-width
 * punctuation and digits stay as printed.
 */
export function foldKangxi(text: string): string {
  return text.replace(KANGXI_RE, (c) => c.normalize('NFKC'));
}

// Page-number lines: "3", "-3-", "— 5 —", "第 3 页", "第3页 共9页", "3/9", "Page 3".
const PAGE_NUMBER_RES = [
  /^[-—–－―~·•\s]*\d{1,4}[-—–－―~·•\s]*$/,
  /^第\s*\d{1,4}\s*页\s*[,，/]?\s*(共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^(page|p\.)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
];

function isPageNumber(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER_RES.some((re) => re.test(t));
}

/**
 * True when a line sits where page numbers go: centred, or in the outer fifth of the page. A bare
 * number must be there to count (it could be a table value that ended up alone on the last line);
 * decorated forms ("- 3 -", "第 3 页") are page numbers wherever they are in the margin band.
 */
function atPageNumberPosition(line: PageLine, width: number): boolean {
  const first = line.items[0];
  const last = line.items.at(-1);
  if (first === undefined || last === undefined) return false;
  const start = first.x;
  const end = last.x + last.width;
  const centre = (start + end) / 2;
  return Math.abs(centre - width / 2) < width * 0.15 || end < width * 0.2 || start > width * 0.8;
}

/** Groups a page's items into lines by baseline (within half the smaller font size). */
function groupLines(items: Glyphs[]): PageLine[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PageLine[] = [];
  for (const item of sorted) {
    const last = lines.at(-1);
    if (last !== undefined && Math.abs(item.y - last.y) <= 0.5 * Math.min(item.size, last.size)) {
      last.items.push(item);
    } else {
      lines.push({ y: item.y, size: item.size, items: [item] });
    }
  }
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x);
    // Fake bold: the same text drawn twice a fraction of a glyph apart.
    line.items = line.items.filter((item, i) => {
      const prev = line.items[i - 1];
      return !(prev !== undefined && prev.text === item.text && Math.abs(prev.x - item.x) < 0.3 * item.size);
    });
  }
  return lines;
}

/**
 * Lays a line's items out as text. Each item starts at the column of its x position (column width
 * half the page's usual font size, so a CJK glyph spans two) when the gap before it is wide;
 * narrower gaps are one space, and CJK glyphs with (almost) no gap join directly.
 */
function layoutLine(line: PageLine, left: number, unit: number): string {
  let out = '';
  let prevEnd = 0;
  let prevSize = 0;
  for (const item of line.items) {
    const column = Math.max(0, Math.round((item.x - left) / unit));
    if (out === '') {
      out = ' '.repeat(column) + item.text;
    } else {
      const gap = item.x - prevEnd;
      const size = Math.min(item.size, prevSize);
      const cjk = isCjkChar(Array.from(out).at(-1)) && isCjkChar(Array.from(item.text)[0]);
      if (gap < (cjk ? 0.3 : 0.1) * size) out += item.text;
      else if (gap < 0.9 * size) out += ` ${item.text}`;
      else out += ' '.repeat(Math.max(2, column - out.length)) + item.text;
    }
    prevEnd = item.x + item.width;
    prevSize = item.size;
  }
  return out.replace(/\s+$/, '');
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

interface ReadPage {
  number: number;
  width: number;
  height: number;
  lines: PageLine[];
}

/** Normalised text of a line for spotting running headers: digits folded, spaces removed. */
function headerKey(line: PageLine): string {
  return line.items.map((i) => i.text).join('').replace(/\s+/g, '').replace(/\d+/g, '#');
}

/**
 * Marks page furniture: page-number lines in the top or bottom margin band, and lines in those
 * bands whose text (digits ignored) repeats on at least half the pages (three or more).
 */
function furniture(pages: readonly ReadPage[]): Set<PageLine> {
  const drop = new Set<PageLine>();
  const margins = (page: ReadPage): PageLine[] =>
    page.lines.filter((l) => l.y < page.height * 0.12 || l.y > page.height * 0.85);
  const counts = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(margins(page).map(headerKey));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeatAt = Math.max(3, Math.ceil(pages.length / 2));
  for (const page of pages) {
    const band = margins(page);
    for (const line of band) {
      const text = line.items.map((i) => i.text).join(' ');
      const edge = line === page.lines[0] || line === page.lines.at(-1);
      const bare = /^\d+$/.test(text.trim());
      if ((edge || band.length <= 2) && isPageNumber(text) && (!bare || atPageNumberPosition(line, page.width))) drop.add(line);
      else if ((counts.get(headerKey(line)) ?? 0) >= repeatAt && headerKey(line).length > 0) drop.add(line);
    }
  }
  return drop;
}

/** ISO date of a PDF date string (`D:20240226144123+08'00'`), as written (the author's local day). */
function pdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  if (m === null) return undefined;
  const [, y, mo, d] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return undefined;
  return `${y}-${mo}-${d}`;
}

function infoMeta(info: unknown): SourceMeta {
  const meta: SourceMeta = {};
  if (typeof info !== 'object' || info === null) return meta;
  const record = info as Record<string, unknown>;
  const created = pdfDate(record['CreationDate']);
  if (created !== undefined) meta.createdAt = created;
  const title = record['Title'];
  if (typeof title === 'string') {
    // Word's PDF printer names the document after the file: "Microsoft Word - 年报.docx".
    const cleaned = foldKangxi(title).replace(/^Microsoft Word\s*-\s*/i, '').replace(/\.(docx?|wps|pdf)$/i, '').trim();
    if (cleaned !== '') meta.title = cleaned;
  }
  return meta;
}

/** A PDF that could not be read: no lines, one problem. */
function failed(p: IngestProblem): SourceText {
  return { lines: [], kind: 'pdf', meta: {}, problems: [p] };
}

/**
 * Reads a PDF report into lines laid out like `pdftotext -layout`. Encrypted PDFs, PDFs without
 * a text layer (scans) and unreadable files return a problem and no lines; pages past
 * `limits.maxPdfPages` are left out with a warning. Never throws.
 */
export async function ingestPdf(bytes: Uint8Array, limits: IngestLimits): Promise<SourceText> {
  if (bytes.length > limits.maxFileBytes) {
    return failed(problem('ingest/too-large', 'error',
      `文件大小 ${bytes.length} 字节，超过上限 ${limits.maxFileBytes} 字节，未检查（上限可在配置文件的 limits.maxFileBytes 调整）。`,
      `The file is ${bytes.length} bytes, over the ${limits.maxFileBytes}-byte limit (limits.maxFileBytes in .xxgk-lint.yaml); not checked.`));
  }
  let pdfjs: Awaited<ReturnType<typeof loadPdfjs>>;
  try {
    pdfjs = await loadPdfjs();
  } catch (error) {
    // Not the file's fault: the installation lacks part of pdf.js (or what it needs to load).
    const detail = error instanceof Error ? error.message : String(error);
    return failed(problem('ingest/pdf-unavailable', 'error',
      `PDF 读取组件 pdf.js 无法加载（${detail}），这不是报告文件的问题。请重新安装 xxgk-lint（npm install -g xxgk-lint，不要加 --omit=optional），或提供 Word 版本。`,
      `The PDF reader (pdf.js) could not be loaded (${detail}); this is not a problem with the report. Reinstall xxgk-lint (npm install -g xxgk-lint, without --omit=optional) or supply the Word file.`));
  }
  if (workerSrc !== null) pdfjs.GlobalWorkerOptions.workerSrc = workerSrc;
  return withWholeInflate(() => readDocument(pdfjs, bytes, limits));
}

/** Opens the document with pdf.js and reads its pages; every failure becomes a problem. */
async function readDocument(pdfjs: Awaited<ReturnType<typeof loadPdfjs>>, bytes: Uint8Array, limits: IngestLimits): Promise<SourceText> {
  let task: ReturnType<typeof getDocument> | undefined;
  try {
    // pdf.js transfers the buffer it is given to its worker, so it gets a copy.
    task = pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      ...fontOptions(),
      verbosity: 0,
      cMapPacked: true,
      useSystemFonts: false,
      stopAtErrors: false,
      ...(configuredAssets ?? (await pdfjsAssetDirs())),
    });
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'PasswordException') {
        return failed(problem('ingest/encrypted-pdf', 'error', 'PDF 已加密，请提供未加密的版本。',
          'The PDF is encrypted (password protected); supply an unencrypted version.'));
      }
      const detail = error instanceof Error ? error.message : String(error);
      return failed(problem('ingest/corrupt-pdf', 'error',
        `PDF 文件无法打开（${detail}），可能已损坏。请重新导出 PDF，或提供 Word 版本。`,
        `The PDF could not be opened (${detail}); it may be corrupt. Export it again or supply the Word file.`));
    }
    return await readPages(doc, limits);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failed(problem('ingest/corrupt-pdf', 'error',
      `PDF 文件读取失败（${detail}），可能已损坏。请重新导出 PDF，或提供 Word 版本。`,
      `Reading the PDF failed (${detail}); it may be corrupt. Export it again or supply the Word file.`));
  } finally {
    await task?.destroy().catch(() => undefined);
  }
}

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

async function readPages(doc: PdfDocument, limits: IngestLimits): Promise<SourceText> {
  const problems: IngestProblem[] = [];
  const pageCount = Math.min(doc.numPages, limits.maxPdfPages);
  if (doc.numPages > limits.maxPdfPages) {
    problems.push(problem('ingest/too-many-pages', 'warning',
      `PDF 共 ${doc.numPages} 页，只读取了前 ${limits.maxPdfPages} 页，后面的内容未检查（上限可在配置文件的 limits.maxPdfPages 调整）。`,
      `The PDF has ${doc.numPages} pages; only the first ${limits.maxPdfPages} were read (limits.maxPdfPages).`));
  }
  const pages: ReadPage[] = [];
  const pagesWithoutText: number[] = [];
  for (let number = 1; number <= pageCount; number++) {
    const page = await doc.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items: Glyphs[] = [];
    for (const raw of content.items) {
      if (!isTextItem(raw)) continue;
      const text = foldKangxi(raw.str).trim();
      if (text === '') continue; // pdf.js space items carry unreliable widths
      const m = transformMatrix(viewport.transform, raw.transform);
      const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = m;
      const size = Math.hypot(c, d) || raw.height || 10;
      // Width along the baseline in page units; a trimmed item loses the share of its spaces.
      const scale = Math.hypot(a, b) / (Math.hypot(raw.transform[0] ?? 1, raw.transform[1] ?? 0) || 1);
      const lead = raw.str.length - raw.str.trimStart().length;
      const perChar = raw.str.length > 0 ? (raw.width * scale) / raw.str.length : 0;
      items.push({ text, x: e + lead * perChar, y: f, width: perChar * text.length, size });
    }
    // Ruled tables come out as whole rows; the text around them is laid out by position.
    const tables = await pageTables(page, viewport.transform, items);
    page.cleanup();
    if (items.length === 0) pagesWithoutText.push(number);
    pages.push({ number, width: viewport.width, height: viewport.height, lines: [...groupLines(tables.rest), ...tables.rows].sort((a, b) => a.y - b.y) });
  }

  joinRowsAcrossPages(pages);
  const meta = infoMeta((await doc.getMetadata().catch(() => ({ info: undefined }))).info);
  if (pages.every((p) => p.lines.length === 0)) {
    problems.push(problem('ingest/no-text-layer', 'error',
      'PDF 没有文字层（可能是扫描件），无法读取；请提供可复制文字的 PDF 或 Word 版本。',
      'The PDF has no text layer (probably a scan) and cannot be read; supply a PDF with selectable text or the Word file.'));
    return { lines: [], kind: 'pdf', meta, problems };
  }
  if (pagesWithoutText.length > 0) {
    problems.push(problem('ingest/pdf-pages-without-text', 'warning',
      `PDF 第 ${pagesWithoutText.join('、')} 页没有文字层（可能是扫描图片），这些页的内容未检查。`,
      `PDF page(s) ${pagesWithoutText.join(', ')} have no text layer (probably scanned images) and were not checked.`));
  }

  const drop = furniture(pages);
  const lines: SourceLine[] = [];
  for (const page of pages) {
    const kept = page.lines.filter((l) => !drop.has(l));
    if (kept.length === 0) continue;
    const sizes = kept.flatMap((l) => l.items.flatMap((i) => Array<number>(Array.from(i.text).length).fill(i.size)));
    const unit = Math.max(1, median(sizes) / 2);
    const left = Math.min(...kept.flatMap((l) => l.items.map((i) => i.x)));
    page.lines.forEach((line, index) => {
      if (drop.has(line)) return;
      const text = line.text ?? layoutLine(line, left, unit);
      if (text.trim() === '') return;
      lines.push({ text, origin: { line: lines.length + 1, page: page.number, pageLine: index + 1 } });
    });
  }
  if (lines.length > limits.maxLines) {
    problems.push(problem('ingest/too-many-lines', 'warning',
      `PDF 有 ${lines.length} 行，只读取了前 ${limits.maxLines} 行。`,
      `The PDF has ${lines.length} lines; only the first ${limits.maxLines} were read.`));
    lines.length = limits.maxLines;
  }
  return { lines, kind: 'pdf', meta, problems };
}
