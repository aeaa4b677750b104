/**
 * HTML table → grid of cell strings, plus the text helpers the HTML and DOCX readers share.
 *
 * The tree types here are structural on purpose: any DOM-like tree with `type`, `name`, `attribs`,
 * `children` and `data` fits (cheerio's parse trees do), so this module needs no parser of its own
 * and can be tested with hand-built nodes.
 */

/** A node of a parsed HTML/XML tree (the subset of domhandler's node shape that ingest reads). */
export interface DomNode {
  /** `tag`, `script` and `style` for elements; `text`, `comment`, `root`, … for the rest. */
  type: string;
  /** Element name (lower case for HTML parsed by parse5; as written for XML). */
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  /** Text of a text or comment node. */
  data?: string;
}

/** True for element nodes (domhandler gives `<script>` and `<style>` their own types). */
export function isElement(node: DomNode): boolean {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

// Characters after which (and before which) Chinese text runs on without a space: ideographs,
// kana, CJK and full-width punctuation, plus the curly quotes, dash and ellipsis that Chinese
// text uses. Joining two pieces of a wrapped label ("社会公益" + "组织") must not insert a space.
const CJK_RE =
  /[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2014\u2018-\u201d\u2026\u00b7]|[\u{20000}-\u{2fa1f}]/u;

/** True when the character is CJK (ideograph, kana, CJK or full-width punctuation). */
export function isCjkChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && CJK_RE.test(ch);
}

/**
 * Joins pieces of one logical text (lines of a wrapped cell, runs around a line break): no
 * separator where both sides of the join are CJK, a single space otherwise. Empty pieces are
 * skipped.
 */
export function joinParts(parts: readonly string[]): string {
  let out = '';
  for (const part of parts) {
    if (part === '') continue;
    if (out === '') {
      out = part;
      continue;
    }
    const last = Array.from(out.slice(-2)).at(-1);
    const first = String.fromCodePoint(part.codePointAt(0) ?? 32);
    out += isCjkChar(last) && isCjkChar(first) ? part : ` ${part}`;
  }
  return out;
}

// A list marker that a TAB separates from the paragraph text ("一、<tab>总体情况").
const MARKER_ONLY_RE = /^[（(]?[一二三四五六七八九十\d]{1,3}[）)]?[、.．]?$/;

/**
 * Tabs inside a paragraph would read as table-cell separators; an inner tab becomes two spaces
 * (a column gap, as in `pdftotext -layout` text), except after a bare list marker such as `一、`.
 */
export function cleanTabs(line: string): string {
  const trimmed = line.replace(/^[\t ]+|[\t ]+$/g, '');
  return trimmed.replace(/\t+/g, (_, offset: number) => (MARKER_ONLY_RE.test(trimmed.slice(0, offset).trim()) ? '' : '  '));
}

/**
 * Collapses white space the way a browser shows it: every run of spaces, tabs, line breaks,
 * NBSP or ideographic spaces becomes one space, and the result is trimmed. A run that holds a
 * line break between two CJK characters is removed instead: it is a line wrap in the HTML source
 * (or between Word runs), not a space the author typed.
 */
export function collapseWhitespace(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000]+/g, (run, offset: number, whole: string) => {
      if (/[\r\n]/.test(run)) {
        const before = Array.from(whole.slice(Math.max(0, offset - 2), offset)).at(-1);
        const afterCode = whole.codePointAt(offset + run.length);
        const after = afterCode === undefined ? undefined : String.fromCodePoint(afterCode);
        if (isCjkChar(before) && isCjkChar(after)) return '';
      }
      return ' ';
    })
    .trim();
}

// Elements whose content is never text a reader sees.
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'svg', 'math', 'select', 'button', 'textarea', 'input', 'canvas', 'img']);

// Elements that start a new line inside a cell (the text on either side is a separate part).
const CELL_BREAKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th', 'blockquote', 'pre', 'section', 'article', 'dd', 'dt', 'dl', 'center', 'address']);

/** True for an element a browser would not show: `hidden` attribute or inline `display:none`. */
export function isHidden(node: DomNode): boolean {
  const attribs = node.attribs;
  if (attribs === undefined) return false;
  if ('hidden' in attribs) return true;
  const style = attribs['style'];
  return style !== undefined && /display\s*:\s*none/i.test(style);
}

/**
 * The text of a table cell (or any element) as one string: parts separated by `<br>`, block
 * elements or nested-table cells are joined with {@link joinParts}; inline markup such as the many
 * `<span>`s and `<o:p>` of Word-pasted HTML adds nothing. Internal white space collapses to single
 * spaces.
 */
export function cellText(cell: DomNode): string {
  const parts: string[] = [];
  let buf = '';
  const flush = (): void => {
    const text = collapseWhitespace(buf);
    if (text !== '') parts.push(text);
    buf = '';
  };
  // An explicit stack instead of recursion: cell content from hostile pages can be deep.
  const stack: Array<DomNode | null> = [cell];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node === null) {
      flush();
      continue;
    }
    if (node.type === 'text') {
      buf += node.data ?? '';
      continue;
    }
    if (node !== cell && !isElement(node)) continue;
    const name = node.name?.toLowerCase() ?? '';
    if (node !== cell && (INVISIBLE.has(name) || isHidden(node))) continue;
    if (name === 'br') {
      flush();
      continue;
    }
    const breaks = node !== cell && CELL_BREAKS.has(name);
    if (breaks) {
      flush();
      stack.push(null); // flush again after the element's children
    }
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== undefined) stack.push(child);
    }
  }
  flush();
  return joinParts(parts);
}

function childElements(node: DomNode): DomNode[] {
  return (node.children ?? []).filter(isElement);
}

function lowerName(node: DomNode): string {
  return node.name?.toLowerCase() ?? '';
}

/**
 * The rows that belong to this table: `<tr>` children of the table and of its `<thead>`,
 * `<tbody>` and `<tfoot>`, in document order. Rows of tables nested inside cells are not
 * included; their text belongs to the cell that holds them.
 */
export function tableRows(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  for (const child of childElements(table)) {
    const name = lowerName(child);
    if (name === 'tr') rows.push(child);
    else if (name === 'thead' || name === 'tbody' || name === 'tfoot') {
      for (const row of childElements(child)) if (lowerName(row) === 'tr') rows.push(row);
    }
  }
  return rows;
}

/** The `<td>`/`<th>` cells of one row. */
export function rowCells(row: DomNode): DomNode[] {
  return childElements(row).filter((c) => {
    const name = lowerName(c);
    return name === 'td' || name === 'th';
  });
}

// Browsers cap colspan at 1000 and rowspan at 65534; the lower caps here keep a hostile
// `colspan="100000"` from building a huge grid.
const MAX_COLSPAN = 1000;
/**
 * The widest grid built. Capping each span is not enough: when every row's first cell spans all
 * the rows below, each next row starts right of the last, and the width grows as rows × colspan
 * (400 such rows made a 400 000-column grid and took minutes). Real report tables have under 20
 * columns; cells past this width are left out.
 */
export const MAX_GRID_WIDTH = 1000;
/**
 * The most cells in one grid: a long table gets a narrower cap, so a 2 KB .docx of 2000 rows
 * whose cells each span 99999 columns cannot become 2 million cells (seconds of parsing). A
 * table of 100 rows still gets 1000 columns.
 */
export const MAX_GRID_CELLS = 100_000;

function span(value: string | undefined, fallback: number): number {
  if (value === undefined) return 1;
  const n = Number.parseInt(value.trim(), 10);
  if (Number.isNaN(n) || n < 0) return 1;
  if (n === 0) return fallback; // rowspan="0": to the end of the table
  return n;
}

/** One cell before grid expansion: its text and how many rows and columns it covers. */
export interface SpanCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/**
 * Lays cells with row and column spans out on a grid. Each spanning cell's text is placed at its
 * top-left position only; the other positions it covers are empty strings, as are holes left by
 * short rows. Rows are padded to the widest row, so the grid is rectangular.
 */
export function expandSpans(rows: readonly (readonly SpanCell[])[]): string[][] {
  const grid: (string | undefined)[][] = rows.map(() => []);
  const maxWidth = Math.max(64, Math.min(MAX_GRID_WIDTH, Math.floor(MAX_GRID_CELLS / Math.max(1, rows.length))));
  rows.forEach((cells, r) => {
    const line = grid[r] ?? [];
    let c = 0;
    for (const cell of cells) {
      while (line[c] !== undefined) c++;
      if (c >= maxWidth) break;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, rows.length - r));
      const colSpan = Math.max(1, Math.min(cell.colSpan, MAX_COLSPAN, maxWidth - c));
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = grid[r + dr];
        if (target === undefined) continue;
        for (let dc = 0; dc < colSpan; dc++) {
          target[c + dc] = dr === 0 && dc === 0 ? cell.text : '';
        }
      }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

/**
 * Expands an HTML `<table>` element into a rectangular grid of cell strings, one array per row of
 * this table (not of nested tables). A cell spanning rows or columns gives its text to its
 * top-left position only; the positions it also covers are empty strings.
 */
export function expandTable(table: DomNode): string[][] {
  const rows = tableRows(table);
  return expandSpans(
    rows.map((row, r) =>
      rowCells(row).map((cell) => ({
        text: cellText(cell),
        rowSpan: span(cell.attribs?.['rowspan'], rows.length - r),
        colSpan: span(cell.attribs?.['colspan'], 1),
      })),
    ),
  );
}
