/**
 * HTML report pages → lines. Government sites publish the annual report as a CMS article page:
 * navigation, breadcrumbs, a metadata table (索引号 / 发布机构 / 发布日期 …), the report body, then a
 * footer. This module finds the element that holds the report body, writes its blocks as lines and
 * its tables as TAB-separated rows, and reads the page metadata into {@link SourceMeta}.
 */
import { load } from 'cheerio';
import { fieldDate } from '../format/dates.js';
import type { IngestProblem, SourceLine, SourceMeta, SourceText } from '../model/source.js';
import { collapseWhitespace, expandTable, isElement, isHidden, tableRows, rowCells, cellText, type DomNode } from './grid.js';
import type { IngestLimits } from './limits.js';
import { flattenDeepTags } from './html-depth.js';

/** A block of rendered page text: a paragraph-like run or one table row. */
interface Block {
  text: string;
  /** Table cells, for a table row. */
  cells?: string[];
  /** Elements from the render root down to the block's container, outermost first. */
  path: DomNode[];
  /** Name of the nearest block-level element holding a text block (`p`, `h1`, `td`, …). */
  blockTag: string;
  table?: { index: number; row: number };
}

// Elements whose content is not page text.
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'embed', 'svg', 'math',
  'canvas', 'select', 'button', 'textarea', 'input', 'img', 'video', 'audio', 'map',
]);

// Elements that start and end a line.
const BLOCK_TAGS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article',
  'main', 'header', 'footer', 'nav', 'aside', 'blockquote', 'pre', 'center', 'address', 'figure', 'figcaption',
  'form', 'fieldset', 'legend', 'hr', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'caption', 'body', 'html',
  'details', 'summary',
]);

// Elements that can hold a whole article (the fallback search for the body stops above others).
const CONTAINER_TAGS = new Set(['div', 'section', 'article', 'main', 'form', 'center', 'font', 'span', 'td', 'body']);

// Page chrome by element name or ARIA role.
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary']);
// Page chrome by class or id word (nav bars, breadcrumbs, share buttons, print/close links,
// related links, footers). Checked only for container elements, never for table cells, whose
// classes are styling.
const CHROME_CLASS_RE =
  /(?:^|[\s_-])(nav|navbar|navigation|menu|crumbs?|bread|breadcrumbs?|header|footer|share|bdshare|fenxiang|sidebar|toolbar|tools?|copyright|position|location|weizhi|dqwz|print|related|xgwz|xglj|pagination|pager|search|login|qrcode|ewm)(?:$|[\s_-])/i;
const CHROME_CLASS_TAGS = new Set(['div', 'ul', 'ol', 'nav', 'section', 'aside', 'header', 'footer', 'dl', 'span', 'p', 'table']);

// Labels of the metadata block government CMSs print above the article.
const META_LABELS = [
  '信息索引号', '索引号', '发布机构', '发文机关', '发布单位', '公开主体', '信息来源', '来源', '发布日期', '发布时间',
  '公开日期', '成文日期', '生成日期', '印发日期', '发文字号', '文号', '主题分类', '体裁分类', '组配分类', '内容分类',
  '服务对象分类', '分类', '信息名称', '名称', '标题', '有效性', '时效性', '主题词', '关键词', '公开方式', '公开范围',
  '公开时限', '浏览次数', '访问次数', '阅读次数', '点击数', '责任部门', '所属机构', '字号',
];
const META_LABEL_SET = new Set(META_LABELS);
const META_LABEL_COLON_RE = new RegExp(`(${META_LABELS.join('|')})\\s*[:：]`, 'g');
const META_LINE_START_RE = new RegExp(`^(${META_LABELS.join('|')})\\s*[:：]`);

// Short lines of page chrome that sit inside article containers on many sites.
const CHROME_LINE_RES = [
  /^(?:[【[]?\s*(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|收藏|返回顶部|返回|保存|纠错)\s*[】\]]?\s*)+$/,
  /^分享到?\s*[:：]?/,
  /^(?:当前位置|您当前的位置|您现在的位置|当前所在位置)\s*[:：]/,
  /^[【[]?\s*字[号体]\s*[:：]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中/,
  /^扫一扫/,
  /^(?:上一篇|下一篇)\s*[:：]/,
  /^相关(?:链接|附件|文章|信息|稿件)\s*[:：]?$/,
];

// Headings of the report sections; two or more of them locate the report body in the page.
const SECTION_HEADING_RE =
  /^[一二三四五六七八九十]{1,2}\s*[、.．]\s*\S{0,12}?(概述|总体情况|主动公开|依申请公开|申请|复议|诉讼|收费|减免|存在的主要问题|改进|其他需要报告)/;
const TABLE_MARKER_RE = /申请人情况|本年新收政府信息公开申请数量|本年制发件数|结果维持/;

function problem(id: string, severity: IngestProblem['severity'], message: string, messageEn: string): IngestProblem {
  return { id, message, messageEn, severity };
}

// ---------------------------------------------------------------------------------------------
// Decoding

const LATIN_LABELS = new Set(['iso-8859-1', 'latin1', 'windows-1252', 'us-ascii', 'ascii', 'iso8859-1']);
const GB_LABELS = new Set(['gbk', 'gb2312', 'gb_2312-80', 'x-gbk', 'gb18030', 'csgb2312', 'chinese', 'euc-cn', 'iso-ir-58']);

function tryDecode(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/** The charset a page declares in `<meta charset>` or a `http-equiv` content type, lower case. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  // The declaration must be within the first 1024 bytes by the HTML spec; pages in the wild put it
  // later, so look further.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8192));
  const metas = head.match(/<meta\b[^>]*>/gi) ?? [];
  for (const meta of metas) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta);
    if (direct?.[1] !== undefined) return direct[1].toLowerCase();
  }
  return undefined;
}

/**
 * Decodes page bytes: a BOM decides; then the page's declared charset; then strict UTF-8, then
 * GB18030 (a superset of GBK and GB2312, which most Chinese government pages that are not UTF-8
 * use). A declaration contradicted by the bytes (declared UTF-8 but not valid UTF-8, or declared
 * GBK but valid UTF-8 with non-ASCII text) loses to the bytes, with an info problem.
 */
function decodeHtml(bytes: Uint8Array): { text: string; encoding: string; problems: IngestProblem[] } {
  const problems: IngestProblem[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', problems };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', problems };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', problems };
  }
  const utf8 = tryDecode('utf-8', bytes, true);
  const hasNonAscii = bytes.some((b) => b >= 0x80);
  const declared = declaredCharset(bytes);
  if (declared !== undefined) {
    const label = GB_LABELS.has(declared) ? 'gb18030' : declared;
    if (label === 'utf-8' || label === 'utf8') {
      if (utf8 !== null) return { text: utf8, encoding: 'utf-8', problems };
    } else if (label === 'gb18030' && utf8 !== null && hasNonAscii) {
      problems.push(problem('ingest/charset-mismatch', 'info',
        `网页声明的编码是 ${declared}，但内容实际是 UTF-8，已按 UTF-8 读取。`,
        `The page declares ${declared} but its bytes are UTF-8; read as UTF-8.`));
      return { text: utf8, encoding: 'utf-8', problems };
    } else if (LATIN_LABELS.has(label) && hasNonAscii) {
      // Chinese sites sometimes declare a Latin charset by template; Chinese text in it is
      // UTF-8 or GBK, so the bytes decide (below).
    } else {
      const text = tryDecode(label, bytes, false);
      if (text !== null) return { text, encoding: label === 'gb18030' ? 'gb18030' : declared, problems };
    }
  }
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', problems };
  if (declared !== undefined && declared !== 'utf-8' && declared !== 'utf8' && !GB_LABELS.has(declared)) {
    const gb = tryDecode('gb18030', bytes, true);
    if (gb !== null) return { text: gb, encoding: 'gb18030', problems };
    const fallback = tryDecode(declared, bytes, false);
    if (fallback !== null) return { text: fallback, encoding: declared, problems };
  }
  if (declared === 'utf-8' || declared === 'utf8') {
    problems.push(problem('ingest/charset-mismatch', 'info',
      '网页声明的编码是 UTF-8，但内容不是有效的 UTF-8，已按 GB18030（GBK）读取。',
      'The page declares UTF-8 but its bytes are not valid UTF-8; read as GB18030 (GBK).'));
  }
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', problems };
}

// ---------------------------------------------------------------------------------------------
// Tree helpers

function nameOf(node: DomNode): string {
  return node.name?.toLowerCase() ?? '';
}

function elementChildren(node: DomNode): DomNode[] {
  return (node.children ?? []).filter(isElement);
}

/** Cuts the tree below `maxDepth` (iteratively: a hostile page can nest deeper than the JS stack). */
function pruneDepth(root: DomNode, maxDepth: number): number {
  let dropped = 0;
  const stack: Array<[DomNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const entry = stack.pop();
    if (entry === undefined) break;
    const [node, depth] = entry;
    const children = node.children;
    if (children === undefined || children.length === 0) continue;
    if (depth >= maxDepth) {
      dropped += children.length;
      node.children = [];
      continue;
    }
    for (const child of children) stack.push([child, depth + 1]);
  }
  return dropped;
}

function findFirst(root: DomNode, test: (node: DomNode) => boolean): DomNode | undefined {
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (isElement(node) && test(node)) return node;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== undefined) stack.push(child);
    }
  }
  return undefined;
}

/** True for navigation, breadcrumbs, headers, footers, share bars and similar page chrome. */
function isChrome(node: DomNode): boolean {
  const name = nameOf(node);
  if (CHROME_TAGS.has(name)) return true;
  const role = node.attribs?.['role']?.toLowerCase();
  if (role !== undefined && CHROME_ROLES.has(role)) return true;
  if (!CHROME_CLASS_TAGS.has(name)) return false;
  const words = `${node.attribs?.['class'] ?? ''} ${node.attribs?.['id'] ?? ''}`;
  return CHROME_CLASS_RE.test(words);
}

/** A label cell of the metadata block, e.g. `发布日期：` → `发布日期`. */
function metaLabel(text: string): string | undefined {
  const bare = text.replace(/[\s:：]/g, '');
  return META_LABEL_SET.has(bare) ? bare : undefined;
}

/** True for the 索引号 / 发布机构 / 发布日期 table above an article (two or more label cells). */
function isMetadataGrid(grid: readonly (readonly string[])[]): boolean {
  if (grid.length > 10) return false;
  let labels = 0;
  for (const row of grid) {
    for (const cell of row) {
      if (TABLE_MARKER_RE.test(cell)) return false;
      if (metaLabel(cell) !== undefined) labels++;
      else labels += (cell.match(META_LABEL_COLON_RE) ?? []).length > 0 && cell.length < 80 ? 1 : 0;
    }
  }
  return labels >= 2;
}

/**
 * A table used for page layout rather than data: it holds another table in a cell, a cell with a
 * long text, or a single cell. Its cells are read as blocks, not as a row of cells.
 */
function isLayoutTable(table: DomNode): boolean {
  const rows = tableRows(table);
  let cells = 0;
  for (const row of rows) {
    for (const cell of rowCells(row)) {
      cells++;
      if (findFirst(cell, (n) => nameOf(n) === 'table' && tableRows(n).length > 0) !== undefined) return true;
      if (cellText(cell).length > 400) return true;
    }
  }
  return cells <= 1;
}

// ---------------------------------------------------------------------------------------------
// Rendering

interface RenderOptions {
  /** Leave out page chrome and the metadata table below the render root. */
  dropChrome: boolean;
}

/**
 * Writes the blocks of a subtree in document order: each run of inline text between block
 * boundaries (block elements, `<br>`) is one block; each row of a data table is one block with
 * its grid-expanded cells.
 */
function renderBlocks(root: DomNode, options: RenderOptions): Block[] {
  const blocks: Block[] = [];
  const path: DomNode[] = [];
  const blockTags: string[] = [];
  let buf = '';
  let tableCount = 0;
  const flush = (): void => {
    const text = collapseWhitespace(buf);
    buf = '';
    if (text !== '') blocks.push({ text, path: path.slice(), blockTag: blockTags.at(-1) ?? '' });
  };
  type Frame = { node: DomNode; exit: boolean };
  const stack: Frame[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const frame = stack.pop();
    if (frame === undefined) break;
    const { node } = frame;
    if (frame.exit) {
      if (BLOCK_TAGS.has(nameOf(node))) {
        flush();
        blockTags.pop();
      }
      path.pop();
      continue;
    }
    if (node.type === 'text') {
      buf += node.data ?? '';
      continue;
    }
    if (node !== root && !isElement(node)) continue;
    const name = nameOf(node);
    if (node !== root) {
      if (SKIP_TAGS.has(name) || isHidden(node)) continue;
      if (options.dropChrome && isChrome(node)) continue;
    }
    if (name === 'br') {
      flush();
      continue;
    }
    if (name === 'table' && !isLayoutTable(node)) {
      flush();
      const grid = expandTable(node);
      if (options.dropChrome && isMetadataGrid(grid)) continue;
      tableCount++;
      path.push(node);
      grid.forEach((cells, r) => {
        if (cells.every((c) => c === '')) return;
        blocks.push({ text: cells.join('\t'), cells, path: path.slice(), blockTag: 'tr', table: { index: tableCount, row: r + 1 } });
      });
      path.pop();
      continue;
    }
    const isBlock = BLOCK_TAGS.has(name);
    if (isBlock) {
      flush();
      blockTags.push(name);
    }
    path.push(node);
    stack.push({ node, exit: true });
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== undefined) stack.push({ node: child, exit: false });
    }
  }
  flush();
  return blocks;
}

function isMarker(block: Block): boolean {
  return block.cells === undefined ? SECTION_HEADING_RE.test(block.text) : TABLE_MARKER_RE.test(block.text);
}

/** Characters of block text under each element. */
function charsByElement(blocks: readonly Block[]): Map<DomNode, number> {
  const chars = new Map<DomNode, number>();
  for (const block of blocks) {
    for (const el of block.path) chars.set(el, (chars.get(el) ?? 0) + block.text.length);
  }
  return chars;
}

/**
 * Finds the element that holds the report body. With two or more section headings (一、总体情况 …)
 * or report tables, it is their nearest common ancestor, widened to its parent while the parent adds
 * no page chrome and not much text (so an introduction paragraph just outside the section container
 * is kept). Otherwise it is the deepest element holding most of the page text.
 */
function findContentRoot(body: DomNode, blocks: readonly Block[]): DomNode {
  const chars = charsByElement(blocks);
  const markers = blocks.filter(isMarker);
  if (markers.length >= 2) {
    const first = markers[0]?.path ?? [];
    let common = first.length;
    for (const m of markers) {
      let i = 0;
      while (i < common && i < m.path.length && m.path[i] === first[i]) i++;
      common = i;
    }
    let depth = common - 1;
    if (depth < 0) return body;
    while (depth > 0) {
      const current = first[depth];
      const parent = first[depth - 1];
      if (current === undefined || parent === undefined) break;
      const parentName = nameOf(parent);
      if (parentName === 'body' || parentName === 'html' || parent === body) break;
      const extraBlocks = blocks.filter((b) => b.path.includes(parent) && !b.path.includes(current));
      const extra = extraBlocks.reduce((n, b) => n + b.text.length, 0);
      const chrome = extraBlocks.some((b) => b.path.some((el) => isChrome(el)));
      if (chrome || extra > 0.5 * (chars.get(current) ?? 0)) break;
      depth--;
    }
    return first[depth] ?? body;
  }
  // Descend while one child holds three quarters of the text (page chrome is a small share),
  // stopping above paragraphs and table parts: the root must be a container.
  let current = body;
  for (;;) {
    const total = chars.get(current) ?? 0;
    const next = elementChildren(current).find((child) => total > 0 && (chars.get(child) ?? 0) >= 0.75 * total);
    if (next === undefined || !CONTAINER_TAGS.has(nameOf(next))) return current;
    current = next;
  }
}

// ---------------------------------------------------------------------------------------------
// Metadata

/**
 * Label → value pairs from the page's metadata block, first occurrence winning: table rows with
 * a label cell followed by a value cell, and text like `发布日期：2025-03-10  来源：…`.
 */
function metadataPairs(blocks: readonly Block[]): Map<string, string> {
  const pairs = new Map<string, string>();
  const set = (label: string, value: string): void => {
    const v = value.trim();
    if (v !== '' && !pairs.has(label)) pairs.set(label, v);
  };
  for (const block of blocks) {
    if (block.cells !== undefined) {
      block.cells.forEach((cell, i) => {
        // Spanned positions are empty strings, and a wide table has millions of them.
        if (cell === '') return;
        const label = metaLabel(cell);
        if (label !== undefined) {
          const value = block.cells?.slice(i + 1).find((c) => c !== '');
          if (value !== undefined && metaLabel(value) === undefined) set(label, value);
        }
      });
    }
    const texts = block.cells ?? [block.text];
    for (const text of texts) {
      if (text === '' || text.length > 300) continue;
      const hits = [...text.matchAll(META_LABEL_COLON_RE)];
      hits.forEach((hit, i) => {
        const label = hit[1];
        if (label === undefined) return;
        const start = hit.index + hit[0].length;
        const end = hits[i + 1]?.index ?? text.length;
        const value = text.slice(start, end).split(/\s{2,}|\t|[|｜]/)[0] ?? '';
        set(label, value);
      });
    }
  }
  return pairs;
}

function metaContent(root: DomNode, names: readonly string[]): string | undefined {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const meta = findFirst(root, (n) => nameOf(n) === 'meta' && wanted.has((n.attribs?.['name'] ?? '').toLowerCase()));
  const content = meta?.attribs?.['content']?.trim();
  return content === undefined || content === '' ? undefined : content;
}

/** `<title>` text without the site name that CMSs append after `_`, `-` or `|`. */
function cleanPageTitle(title: string): string {
  const parts = title.split(/\s*[_|｜]\s*|\s+[-–—]\s+/).filter((p) => p !== '');
  const withReport = parts.find((p) => p.includes('报告'));
  return withReport ?? parts[0] ?? title;
}

// ---------------------------------------------------------------------------------------------

function isChromeLine(text: string): boolean {
  return text.length <= 60 && CHROME_LINE_RES.some((re) => re.test(text));
}

/** A short line of the metadata block that slipped into the article container. */
function isMetadataLine(text: string): boolean {
  if (text.length > 120) return false;
  const hits = text.match(META_LABEL_COLON_RE) ?? [];
  if (hits.length >= 2) return true;
  return hits.length === 1 && text.length <= 60 && META_LINE_START_RE.test(text);
}

/**
 * Reads an HTML report page into lines: the report body only (page chrome left out), one line
 * per paragraph-like block and one TAB-separated line per table row. Page metadata (发布日期,
 * 发布机构, title) goes into `meta`. Never throws.
 */
export async function ingestHtml(bytes: Uint8Array, limits: IngestLimits): Promise<SourceText> {
  try {
    return readHtml(bytes, limits);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      lines: [], kind: 'html', meta: {},
      problems: [problem('ingest/unreadable-html', 'error',
        `网页无法解析（${detail}）。请在浏览器中打开并“另存为”网页后再检查，或提供 .docx / .pdf 版本。`,
        `The HTML page could not be parsed (${detail}). Save it again from a browser, or supply a .docx or .pdf.`)],
    };
  }
}

function readHtml(bytes: Uint8Array, limits: IngestLimits): SourceText {
  const result: SourceText = { lines: [], kind: 'html', meta: {}, problems: [] };
  if (bytes.length > limits.maxFileBytes) {
    result.problems.push(problem('ingest/too-large', 'error',
      `文件大小 ${bytes.length} 字节，超过上限 ${limits.maxFileBytes} 字节，未检查（上限可在配置文件的 limits.maxFileBytes 调整）。`,
      `The file is ${bytes.length} bytes, over the ${limits.maxFileBytes}-byte limit (limits.maxFileBytes in .xxgk-lint.yaml); not checked.`));
    return result;
  }
  if (bytes.length === 0) {
    result.problems.push(problem('ingest/empty', 'error', '文件为空，没有可检查的内容。', 'The file is empty.'));
    return result;
  }
  const decoded = decodeHtml(bytes);
  result.encoding = decoded.encoding;
  result.problems.push(...decoded.problems);

  // Bounded before parsing, or parsing a deeply nested page takes quadratic time. A few levels
  // are left for what the parser adds (html, body, tbody), so the flattened text is still read.
  const flat = flattenDeepTags(decoded.text, Math.max(1, limits.maxHtmlDepth - 8));
  const $ = load(flat.text);
  const doc = $.root()[0] as DomNode | undefined;
  if (doc === undefined) throw new Error('no document');
  const dropped = pruneDepth(doc, limits.maxHtmlDepth);
  if (flat.dropped > 0) {
    result.problems.push(problem('ingest/html-too-deep', 'warning',
      `网页元素嵌套超过 ${limits.maxHtmlDepth} 层（上限见配置 limits.maxHtmlDepth），更深层的 ${flat.dropped} 个元素被忽略（其中的文字尽量按顺序读取），表格和段落可能不完整。`,
      `HTML nesting deeper than ${limits.maxHtmlDepth} levels (limits.maxHtmlDepth): ${flat.dropped} deeper elements were ignored (their text read in order where possible); tables and paragraphs may be incomplete.`));
  } else if (dropped > 0) {
    result.problems.push(problem('ingest/html-too-deep', 'warning',
      `网页元素嵌套超过 ${limits.maxHtmlDepth} 层，更深层的内容未读取，报告可能不完整。`,
      `HTML nesting deeper than ${limits.maxHtmlDepth} levels was not read; the report may be incomplete.`));
  }
  const body = findFirst(doc, (n) => nameOf(n) === 'body') ?? doc;

  const pageBlocks = renderBlocks(body, { dropChrome: false });
  result.meta = pageMeta(doc, pageBlocks);

  const root = findContentRoot(body, pageBlocks);
  let blocks = renderBlocks(root, { dropChrome: true }).filter((b) => !isChromeLine(b.text));
  // Metadata lines that sit inside the content container come before the report text.
  const firstReportBlock = blocks.findIndex((b) => b.cells !== undefined || isMarker(b) || /^本报告|^根据《|条例》/.test(b.text));
  blocks = blocks.filter((b, i) => b.cells !== undefined || i >= firstReportBlock || !isMetadataLine(b.text));

  // The article heading often sits just outside the body container; the parser wants it (it
  // names the year and the body), so it becomes the first line when the body does not hold it.
  const heading = articleHeading(pageBlocks, result.meta.title);
  if (heading !== undefined && !blocks.slice(0, 3).some((b) => b.text === heading)) {
    blocks.unshift({ text: heading, path: [], blockTag: 'h1' });
  }

  let paragraph = 0;
  const lines: SourceLine[] = blocks.map((block, i) => {
    const origin: SourceLine['origin'] = { line: i + 1 };
    if (block.table !== undefined) {
      origin.tableIndex = block.table.index;
      origin.tableRow = block.table.row;
    } else {
      origin.paragraph = ++paragraph;
    }
    return { text: block.text, origin };
  });
  if (lines.length > limits.maxLines) {
    result.problems.push(problem('ingest/too-many-lines', 'warning',
      `网页有 ${lines.length} 行，只读取了前 ${limits.maxLines} 行。`,
      `The page has ${lines.length} lines; only the first ${limits.maxLines} were read.`));
    lines.length = limits.maxLines;
  }
  if (lines.length === 0) {
    result.problems.push(problem('ingest/empty', 'error', '网页中没有找到正文文字。', 'No body text was found in the page.'));
  }
  result.lines = lines;
  return result;
}

/** The report's heading: an `h1`–`h3` or title-classed block naming the report. */
function articleHeading(blocks: readonly Block[], title: string | undefined): string | undefined {
  const candidates = blocks.filter((b) => {
    if (b.cells !== undefined || b.text.length < 6 || b.text.length > 100) return false;
    if (/^h[1-3]$/.test(b.blockTag)) return true;
    const owner = b.path.at(-1);
    return owner !== undefined && /title|biaoti|bt/i.test(`${owner.attribs?.['class'] ?? ''} ${owner.attribs?.['id'] ?? ''}`);
  });
  const named = candidates.find((b) => b.text.includes('报告') && (title === undefined || title.includes(b.text) || b.text.includes(title)))
    ?? candidates.find((b) => b.text.includes('报告'));
  return named?.text;
}

function pageMeta(doc: DomNode, blocks: readonly Block[]): SourceMeta {
  const meta: SourceMeta = {};
  const pairs = metadataPairs(blocks);
  const date = (labels: readonly string[]): string | undefined => {
    for (const label of labels) {
      const value = pairs.get(label);
      const iso = value === undefined ? undefined : fieldDate(value);
      if (iso !== undefined) return iso;
    }
    return undefined;
  };
  const metaDate = metaContent(doc, ['PubDate', 'publishdate', 'firstpublishedtime', 'pubdate', 'dcterms.issued']);
  const published = date(['发布日期', '发布时间', '公开日期', '生成日期'])
    ?? (metaDate === undefined ? undefined : fieldDate(metaDate))
    ?? date(['成文日期', '印发日期']); // the date the document was signed: a weaker stand-in
  if (published !== undefined) meta.publishedAt = published;
  const publisher = pairs.get('发布机构') ?? pairs.get('发布单位') ?? pairs.get('公开主体') ?? pairs.get('发文机关');
  if (publisher !== undefined) meta.publisher = publisher;

  const titleEl = findFirst(doc, (n) => nameOf(n) === 'title');
  const pageTitle = titleEl === undefined ? undefined : collapseWhitespace(cellText(titleEl));
  const cleaned = pageTitle === undefined || pageTitle === '' ? undefined : cleanPageTitle(pageTitle);
  const heading = articleHeading(blocks, cleaned);
  const title = heading ?? cleaned ?? metaContent(doc, ['ArticleTitle', 'title']);
  if (title !== undefined) meta.title = title;
  return meta;
}
