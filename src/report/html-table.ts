/**
 * Renders one canonical table of a report as an HTML `<table>` in the format's own layout, with
 * the cells that findings name highlighted, showing the value the rule expects, and linked to the
 * findings (which link back).
 */
import { defaultReasonText } from '../format/unreadable-reason.js';
import type { Finding, Severity } from '../model/finding.js';
import type { Cell, TableInstance } from '../model/report.js';
import { gridFor, type DataCell, type GridCell, type HeadCell } from './html-layout.js';
import { esc, worst, type HtmlStrings } from './html-text.js';

/** What rendering a table needs from the file around it. */
export interface TableContext {
  /** Makes element ids unique when one page shows several files. */
  prefix: string;
  s: HtmlStrings;
  findings: readonly Finding[];
  /**
   * Finding index → id of the element that shows it in a table. Filled while rendering, so the
   * finding list can link back only to places that exist.
   */
  targets: Map<number, string>;
}

/** The id of the list item of finding `index` (0-based) of the file with `prefix`. */
export const findingId = (prefix: string, index: number): string => `f-${prefix}-${index + 1}`;

/** The id of the table cell showing canonical cell `cellId` (e.g. `t4.rev.total`). */
export const cellElementId = (prefix: string, cellId: string): string => `c-${prefix}-${cellId}`;

/** The id of the section showing table `tableId`. */
export const tableElementId = (prefix: string, tableId: string): string => `t-${prefix}-${tableId}`;

/** The findings about one table, by what they name. */
interface TableMarks {
  cell: Map<string, number[]>;
  row: Map<string, number[]>;
  col: Map<string, number[]>;
  table: number[];
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

function marksFor(table: TableInstance, findings: readonly Finding[]): TableMarks {
  const marks: TableMarks = { cell: new Map(), row: new Map(), col: new Map(), table: [] };
  findings.forEach((f, i) => {
    const { table: t, row, col } = f.location;
    if (t !== table.id) return;
    if (row && col) push(marks.cell, `${row}|${col}`, i);
    else if (row) push(marks.row, row, i);
    else if (col) push(marks.col, col, i);
    else marks.table.push(i);
  });
  return marks;
}

const spans = (c: { colspan: number; rowspan?: number }): string =>
  `${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan !== undefined && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}`;

/** The findings among `indexes`, most serious first (stable), and their worst severity. */
function ranked(ctx: TableContext, indexes: readonly number[]): { order: number[]; severity: Severity } {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const order = [...indexes].sort((a, b) => rank[ctx.findings[a]!.severity] - rank[ctx.findings[b]!.severity] || a - b);
  return { order, severity: worst(indexes.map((i) => ctx.findings[i]!)) };
}

/** Small numbered links to every finding on a cell or label, when there is more than one. */
function refs(ctx: TableContext, order: readonly number[]): string {
  if (order.length < 2) return '';
  const links = order.map((i) => `<a href="#${findingId(ctx.prefix, i)}" aria-label="${esc(ctx.s.findingNo(i + 1))}">${i + 1}</a>`);
  return ` <sup class="xl-refs">${links.join(' ')}</sup>`;
}

/**
 * The note shown after a marked cell's value. `expected` is the value of the rule's left side
 * and `actual` of its right side; they are the cell's own values only when `actual` is what the
 * cell holds (a total checked against its parts, a blank whose value a relation fixes). Otherwise
 * the two sides are shown as the rule compared them, rather than a value the cell never should
 * have.
 */
function expectation(f: Finding, cell: Cell | undefined, s: HtmlStrings): string {
  if (f.expected === undefined || f.expected === '') return '';
  const own = cell?.state === 'number' ? f.actual === cell.value : f.actual === null || f.actual === undefined;
  if (own) return `<span class="xl-exp">${esc(s.shouldBe(String(f.expected)))}</span>`;
  if (f.actual === undefined || f.actual === null || f.actual === '') return '';
  return `<span class="xl-exp">${esc(s.relation(String(f.expected), String(f.actual)))}</span>`;
}

/** A cell's value as written, with blank, dash, n/a and words marked. */
function value(cell: Cell | undefined, s: HtmlStrings): { html: string; state: string; title: string } {
  if (!cell) return { html: `<span class="xl-state">${esc(s.missing)}</span>`, state: 'missing', title: s.stateTitle.missing };
  const raw = cell.raw.trim();
  if (cell.state === 'number') return { html: `<span class="xl-v">${esc(raw === '' ? String(cell.value ?? '') : raw)}</span>`, state: 'number', title: '' };
  if (cell.state === 'blank') return { html: `<span class="xl-state">${esc(s.blank)}</span>`, state: 'blank', title: s.stateTitle.blank };
  return { html: `<span class="xl-v">${esc(raw)}</span>`, state: cell.state, title: s.stateTitle[cell.state] };
}

/** Renders one table instance (its notes, the table, its unreadable rows). */
export function renderTable(table: TableInstance, ctx: TableContext): string {
  const { s, prefix } = ctx;
  const marks = marksFor(table, ctx.findings);
  const grid = gridFor(table, { label: s.statLabel, unit: s.statUnit });
  const headId = (key: string): string => `h-${prefix}-${table.id}-${key}`;
  const placed = new Set<number>();
  const target = (i: number, id: string): void => {
    placed.add(i);
    if (!ctx.targets.has(i)) ctx.targets.set(i, id);
  };

  const head = (c: HeadCell): string => {
    const id = headId(c.key);
    // Row labels carry row-level findings, column labels column-level ones.
    const list = c.row !== undefined && c.col === undefined ? marks.row.get(c.row) : c.col !== undefined && c.row === undefined ? marks.col.get(c.col) : undefined;
    const classes = ['xl-h'];
    if (c.vertical) classes.push('xl-vert');
    let text = esc(c.text);
    let title = '';
    if (c.scope === 'row' && c.row !== undefined) {
      const drift = table.drift.find((d) => d.row === c.row);
      if (drift) text += `<span class="xl-note">${esc(s.printedAs(drift.printed))}</span>`;
      if (!table.rows.includes(c.row)) {
        classes.push('xl-missing-row');
        title = s.missingRow;
      }
    }
    let extra = '';
    if (list && list.length > 0) {
      const { order, severity } = ranked(ctx, list);
      classes.push('xl-mark', `xl-${severity}`);
      for (const i of order) target(i, id);
      text = `<a href="#${findingId(prefix, order[0]!)}"><span class="xl-sr">${esc(s.severity[severity] + s.colon)}</span>${text}</a>`;
      extra = refs(ctx, order);
      title = ctx.findings[order[0]!]!.message;
    }
    const titleAttr = title ? ` title="${esc(title)}"` : '';
    // Labels are the format's Chinese wording, also on English pages.
    return `<th id="${id}" scope="${c.scope}" class="${classes.join(' ')}"${spans(c)}${titleAttr}${s.zhAttr}>${text}${extra}</th>`;
  };

  const data = (c: DataCell): string => {
    const cellId = `${table.id}.${c.row}.${c.col}`;
    const id = cellElementId(prefix, cellId);
    const cell = table.cells[cellId];
    const v = value(cell, s);
    const classes = ['xl-c', `xl-s-${v.state}`];
    let body = v.html;
    let title = v.title;
    const own = marks.cell.get(`${c.row}|${c.col}`);
    const attrs = [`id="${id}"`, `data-cell="${esc(cellId)}"`];
    if (own && own.length > 0) {
      const { order, severity } = ranked(ctx, own);
      const first = ctx.findings[order[0]!]!;
      for (const i of order) target(i, id);
      classes.push('xl-mark', `xl-${severity}`);
      attrs.push(`data-severity="${severity}"`);
      body = `<a href="#${findingId(prefix, order[0]!)}"><span class="xl-sr">${esc(s.severity[severity] + s.colon)}</span>${body} ${expectation(first, cell, s)}</a>${refs(ctx, order)}`;
      title = title ? `${first.message} ${s.paren(title)}` : first.message;
    } else {
      const around = [...(marks.row.get(c.row) ?? []), ...(marks.col.get(c.col) ?? [])];
      if (around.length > 0) classes.push('xl-tint', `xl-tint-${ranked(ctx, around).severity}`);
    }
    if (title) attrs.push(`title="${esc(title)}"`);
    const headers = c.headers.map(headId).join(' ');
    return `<td ${attrs.join(' ')} headers="${headers}" class="${classes.join(' ')}"${spans(c)}>${body}</td>`;
  };

  const cellHtml = (c: GridCell): string => {
    if (c.kind === 'head') return head(c);
    if (c.kind === 'data') return data(c);
    return `<td class="xl-plain"${spans(c)}>${esc(c.text)}</td>`;
  };

  const thead = grid.head.length > 0 ? `<thead>${grid.head.map((r) => `<tr>${r.cells.map(cellHtml).join('')}</tr>`).join('')}</thead>` : '';
  const tbody = `<tbody>${grid.body.map((r) => `<tr${r.row !== undefined ? ` data-row="${esc(r.row)}"` : ''}>${r.cells.map(cellHtml).join('')}</tr>`).join('')}</tbody>`;
  const sectionId = tableElementId(prefix, table.id);

  // Findings about the table as a whole, and those naming a cell or row this layout does not show,
  // are listed above the table so that nothing named in it goes unseen.
  const notes: number[] = [...marks.table];
  for (const list of [...marks.cell.values(), ...marks.row.values(), ...marks.col.values()]) for (const i of list) if (!placed.has(i)) notes.push(i);
  notes.sort((a, b) => a - b);
  for (const i of notes) target(i, sectionId);
  const notesHtml = notes.length === 0 ? '' : `<ul class="xl-table-notes" aria-label="${esc(s.tableNotes)}">${notes.map((i) => {
    const f = ctx.findings[i]!;
    return `<li class="xl-${f.severity}"><a href="#${findingId(prefix, i)}"><span class="xl-badge xl-${f.severity}">${esc(s.severity[f.severity])}</span> ${esc(f.message)}</a></li>`;
  }).join('')}</ul>`;

  const unreadable = table.unreadable.length === 0 ? '' : `<div class="xl-unreadable"><p>${esc(s.unreadableRows)}</p><ul>${table.unreadable.map((u) =>
    `<li><span class="xl-where">${esc(s.at(u.at))}</span> <code${s.zhAttr}>${esc(u.raw)}</code> — <span>${esc(defaultReasonText(u, s.locale))}</span></li>`).join('')}</ul></div>`;

  // The notes go in the caption: they belong to this table, for the eye and for screen readers.
  const caption = `<caption><span class="xl-cap"${s.zhAttr}>${esc(table.label)}</span> <span class="xl-at">${esc(s.tableAt(table.at))}</span>${notesHtml}</caption>`;
  return `<section class="xl-table" id="${sectionId}"><div class="xl-scroll"><table class="xl-grid xl-grid-${esc(table.id)}">${caption}${thead}${tbody}</table></div>${unreadable}</section>`;
}
