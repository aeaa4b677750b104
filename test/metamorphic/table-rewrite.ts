/**
 * Rewrites 表三 and 表四 of a report text into other real layouts, for the metamorphic table suite.
 *
 * The rows are found through the parsed report: each cell keeps the line and column it was read
 * from, so a 表三 row's values are replaced where they stand (the row's label, and whatever the
 * layout prints around it, stay), in the layout the text uses (TAB rows, pipe rows or
 * whitespace-aligned columns). The header is printed anew just above the first row, the old
 * header rows (those naming 表三 columns) taken out. 表四 is printed anew below its heading.
 * Nothing here knows a fixture: it works from the model and the text only.
 */
import type { Report, TableInstance } from '../../src/model/report.js';
import { T3_COLS, t3Def } from '../../src/format/definitions.js';
import { headerTokens } from '../../src/parse/header-t3.js';
import { readRows } from '../../src/parse/rows.js';
import type { SourceLine } from '../../src/model/source.js';

/** How a text prints table rows. */
export type Kind = 'tab' | 'pipe' | 'layout';

/** A column of a rewritten 表三: a count column, a 小计, a merged 法人或其他组织, or a 备注. */
export type T3Out = 'np' | 'biz' | 'res' | 'ngo' | 'law' | 'oth' | 'total' | 'sub' | 'org' | 'remark';

export const FORMAT_ORDER: readonly T3Out[] = ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'];
const ORGS: readonly T3Out[] = ['biz', 'res', 'ngo', 'law', 'oth'];

/** One row of cells in a layout. Blank cells cannot be printed in whitespace-aligned text: null then. */
export function emit(kind: Kind, cells: readonly string[]): string | null {
  if (kind === 'tab') return cells.join('\t');
  if (kind === 'pipe') return `| ${cells.join(' | ')} |`;
  if (cells.slice(1).some((c) => c === '')) return null;
  return cells.map((c) => c || ' ').join('      ');
}

/** The layout the text prints a table's value rows in, from one of its cells' lines. */
export function kindOf(lines: readonly string[], table: TableInstance): Kind {
  const first = Object.values(table.cells)[0];
  const line = first ? (lines[first.at.line - 1] ?? '') : '';
  if (line.includes('\t')) return 'tab';
  return line.trimStart().startsWith('|') ? 'pipe' : 'layout';
}

/** The value a column of a 表三 row prints, from the model (sums for 小计 and a merged column). */
export function t3Value(table: TableInstance, row: string, col: T3Out, mark: (raw: string, row: string, col: string) => string): string {
  if (col === 'remark') return '无';
  if (col === 'sub' || col === 'org') {
    let sum = 0;
    for (const c of ORGS) sum += table.cells[`t3.${row}.${c}`]?.value ?? 0;
    return String(sum);
  }
  const cell = table.cells[`t3.${row}.${col}`];
  return mark(cell?.raw ?? '', row, col);
}

/** The header rows of 表三 for a column order, in the three levels of the format. */
export function t3Header(order: readonly T3Out[]): string[][] {
  const level2: string[] = [''];
  const level3: string[] = [''];
  const orgs = order.filter((c) => ORGS.includes(c) || c === 'sub');
  let orgDone = false;
  for (const c of order) {
    if (c === 'org' || ORGS.includes(c) || c === 'sub') {
      if (!orgDone) level2.push('法人或其他组织');
      orgDone = true;
      continue;
    }
    level2.push(c === 'remark' ? '备注' : (T3_COLS.find((d) => d.id === c)?.label ?? c));
  }
  for (const c of orgs) level3.push(c === 'sub' ? '小计' : T3_COLS.find((d) => d.id === c)!.label);
  const rows = [['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'], level2];
  if (orgs.length > 0) rows.push(level3);
  return rows;
}

/** The options of a 表三 rewrite. */
export interface T3Rewrite {
  order?: readonly T3Out[];
  /** The text printed for a cell (its raw text by default): zero marks, blanks. */
  mark?: (raw: string, row: string, col: string) => string;
  /** Subtotal rows after each group, with their sums (plus a change to one, for defects). */
  subtotals?: { wrongBy?: number };
  /** The header printed again before this row (a table split in two). */
  splitBefore?: string;
  /** A local row printed after this row. */
  localAfter?: string;
  /**
   * A page break before this row: the page's footer number and a form feed, then the header again
   * (as word processors repeat a table's header rows on each page). In HTML, the header rows go
   * into `<thead>`, which Chromium repeats on every printed page.
   */
  pageBreakBefore?: string;
}

const SUBTOTALS: readonly { group: string; label: string; last: readonly string[] }[] = [
  { group: 'deny', label: '（三）不予公开 小计', last: ['r.deny.8'] },
  { group: 'unable', label: '（四）无法提供 小计', last: ['r.unable.3'] },
  { group: 'reject', label: '（五）不予处理 小计', last: ['r.reject.5'] },
  { group: 'other', label: '（六）其他处理 小计', last: ['r.other.3'] },
];

/** The line (0-based) and column (0-based) where a 表三 row's values start, or null. */
function valuesAt(table: TableInstance, row: string): { line: number; column: number } | null {
  const cell = table.cells[`t3.${row}.np`] ?? Object.values(table.cells).find((c) => c.row === row);
  if (!cell) return null;
  const cells = Object.values(table.cells).filter((c) => c.row === row);
  if (cells.some((c) => c.at.line !== cell.at.line)) return null;
  const column = Math.min(...cells.map((c) => (c.at.column ?? 1) - 1));
  return { line: cell.at.line - 1, column };
}

/** Lines of the text that name 表三 columns (its old header), between two lines. */
function headerLines(lines: readonly string[], from: number, to: number): number[] {
  const source: SourceLine[] = lines.slice(from, to).map((text, k) => ({ text, origin: { line: from + k + 1 } }) as SourceLine);
  const out: number[] = [];
  for (const row of readRows(source)) {
    if (headerTokens(row) !== null && !row.cells.some((c) => /\d/.test(c.text))) for (let l = row.line; l <= row.endLine; l++) out.push(l - 1);
  }
  return out;
}

/**
 * 表三 rewritten: values in `order`, marked by `mark`, with subtotal rows, a split or a local row.
 * Null when the text's 表三 is not complete on single lines (nothing to rewrite safely).
 */
export function rewriteT3(text: string, report: Report, spec: T3Rewrite): string | null {
  const table = report.tables.t3;
  if (!table || table.missingRows.length > 0 || table.unreadable.length > 0) return null;
  const lines = text.split('\n');
  const kind = kindOf(lines, table);
  const order = spec.order ?? FORMAT_ORDER;
  const mark = spec.mark ?? ((raw: string) => raw);
  const at = new Map<string, { line: number; column: number }>();
  for (const row of table.rows) {
    const where = valuesAt(table, row);
    if (where === null) return null;
    at.set(row, where);
  }
  const firstLine = Math.min(...[...at.values()].map((w) => w.line));
  const insertAfter = new Map<number, string[]>();
  const insertBefore = new Map<number, string[]>();
  const add = (map: Map<number, string[]>, line: number, out: string[]): void => {
    map.set(line, [...(map.get(line) ?? []), ...out]);
  };
  const header = (): string[] | null => {
    const out = t3Header(order).map((cells) => emit(kind, cells.map((c) => c)));
    if (kind === 'pipe') out.splice(2, 0, `|${order.map(() => '---|').join('')}---|`);
    return out.some((l) => l === null) ? null : (out as string[]);
  };
  const head = header();
  if (head === null) return null;
  add(insertBefore, firstLine, head);
  for (const row of table.rows) {
    const where = at.get(row)!;
    const values = order.map((c) => t3Value(table, row, c, mark));
    const line = lines[where.line]!;
    let rest = emit(kind, values);
    if (rest === null) return null;
    if (kind === 'pipe') rest = rest.slice(2);
    lines[where.line] = line.slice(0, where.column) + rest;
  }
  if (spec.subtotals) {
    for (const s of SUBTOTALS) {
      const rows = table.rows.filter((r) => r.startsWith(`r.${s.group}.`));
      const last = rows[rows.length - 1];
      if (!last || !s.last.includes(last)) continue;
      const sums = order.map((c) => {
        if (c === 'remark') return '无';
        const sum = rows.reduce((acc, r) => acc + Number(t3Value(table, r, c, (raw) => raw) || 0), 0);
        return String(s.group === 'deny' && c === 'np' ? sum + (spec.subtotals!.wrongBy ?? 0) : sum);
      });
      const out = emit(kind, [s.label, ...sums]);
      if (out === null) return null;
      add(insertAfter, at.get(last)!.line, [out]);
    }
  }
  if (spec.splitBefore) {
    const where = at.get(spec.splitBefore);
    if (!where) return null;
    add(insertBefore, where.line, ['', '（续表）', ...head]);
  }
  if (spec.pageBreakBefore) {
    const where = at.get(spec.pageBreakBefore);
    if (!where) return null;
    add(insertBefore, where.line, ['', '- 2 -', '\f', ...head]);
  }
  if (spec.localAfter) {
    const where = at.get(spec.localAfter);
    if (!where) return null;
    const out = emit(kind, ['其中：当场答复', ...order.map((c) => (c === 'remark' ? '无' : '1'))]);
    if (out === null) return null;
    add(insertAfter, where.line, [out]);
  }
  const dropped = new Set(headerLines(lines, Math.max(0, table.at.line - 1), firstLine));
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(...(insertBefore.get(i) ?? []));
    if (!dropped.has(i)) out.push(line);
    out.push(...(insertAfter.get(i) ?? []));
  });
  return out.join('\n');
}

/** The 表四 shapes a rewrite prints. */
export type T4Shape = 'per-group' | 'transposed' | 'three-rows' | 'index-column' | 'grand-total' | 'no-header';

const T4_GROUPS = [
  { id: 'rev', label: '行政复议' },
  { id: 'lit_direct', label: '行政诉讼（未经复议直接起诉）' },
  { id: 'lit_after', label: '行政诉讼（复议后起诉）' },
] as const;
const T4_COLS = [
  { id: 'keep', label: '结果维持' },
  { id: 'fix', label: '结果纠正' },
  { id: 'other', label: '其他结果' },
  { id: 'pending', label: '尚未审结' },
  { id: 'total', label: '总计' },
] as const;

/**
 * 表四 printed anew in a shape, below its heading (the rows from the line after it to its last
 * value line are replaced). `change` adds to one cell (for defects). Null when 表四 is not complete.
 */
export function rewriteT4(text: string, report: Report, shape: T4Shape, change?: { cell: string; by: number }): string | null {
  const table = report.tables.t4;
  if (!table || Object.keys(table.cells).length !== 15) return null;
  const lines = text.split('\n');
  const kind = kindOf(lines, table);
  const v = (g: string, c: string): string => {
    const cell = table.cells[`t4.${g}.${c}`]!;
    return change?.cell === cell.id ? String((cell.value ?? 0) + change.by) : cell.raw;
  };
  const rows: string[][] = [];
  const labels = T4_COLS.map((c) => c.label);
  if (shape === 'per-group') {
    rows.push(['项目', ...labels]);
    for (const g of T4_GROUPS) rows.push([g.label, ...T4_COLS.map((c) => v(g.id, c.id))]);
  } else if (shape === 'transposed') {
    rows.push(['项目', ...T4_GROUPS.map((g) => g.label)]);
    for (const c of T4_COLS) rows.push([c.label, ...T4_GROUPS.map((g) => v(g.id, c.id))]);
  } else if (shape === 'three-rows') {
    rows.push(['行政复议', '行政诉讼'], [...labels, '未经复议直接起诉', '复议后起诉'], [...labels, ...labels]);
    for (const g of T4_GROUPS) rows.push(T4_COLS.map((c) => v(g.id, c.id)));
  } else {
    const all = T4_GROUPS.flatMap((g) => T4_COLS.map((c) => v(g.id, c.id)));
    const grand = T4_GROUPS.reduce((s, g) => s + Number(v(g.id, 'total')), 0);
    if (shape === 'no-header') rows.push(all);
    else if (shape === 'index-column') rows.push(['序号', '行政复议', '行政诉讼'], ['未经复议直接起诉', '复议后起诉'], [...labels, ...labels, ...labels], ['1', ...all]);
    else rows.push(['行政复议', '行政诉讼', '总计'], ['未经复议直接起诉', '复议后起诉'], [...labels, ...labels, ...labels], [...all, String(grand)]);
  }
  const printed = rows.map((r) => emit(kind, r));
  if (printed.some((l) => l === null)) return null;
  const valueLines = Object.values(table.cells).map((c) => c.at.line - 1);
  const last = Math.max(...valueLines);
  const first = table.at.line; // the line after the heading (0-based index of the next line)
  if (first > last) return null;
  return [...lines.slice(0, first), ...(printed as string[]), ...lines.slice(last + 1)].join('\n');
}

/** 表三 as an HTML table in the format's layout: spanned header cells and spanned group labels. */
export function t3Html(report: Report, spec: T3Rewrite): string {
  const table = report.tables.t3!;
  const order = spec.order ?? FORMAT_ORDER;
  const mark = spec.mark ?? ((raw: string) => raw);
  const orgs = order.filter((c) => ORGS.includes(c) || c === 'sub');
  const td = (text: string, attrs = ''): string => `<td${attrs}>${text}</td>`;
  const top = [td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ` colspan="3" rowspan="${orgs.length > 0 ? 3 : 2}"`), td('申请人情况', ` colspan="${order.length}"`)];
  const level2: string[] = [];
  let orgDone = false;
  for (const c of order) {
    if (c === 'org') level2.push(td('法人或其他组织'));
    else if (ORGS.includes(c) || c === 'sub') {
      if (!orgDone) level2.push(td('法人或其他组织', ` colspan="${orgs.length}"`));
      orgDone = true;
    } else level2.push(td(c === 'remark' ? '备注' : T3_COLS.find((d) => d.id === c)!.label, orgs.length > 0 ? ' rowspan="2"' : ''));
  }
  const head = [`<tr>${top.join('')}</tr>`, `<tr>${level2.join('')}</tr>`];
  if (orgs.length > 0) head.push(`<tr>${orgs.map((c) => td(c === 'sub' ? '小计' : T3_COLS.find((d) => d.id === c)!.label)).join('')}</tr>`);
  const out = spec.pageBreakBefore ? [] : head;
  const groups: Record<string, string> = { deny: '（三）不予公开', unable: '（四）无法提供', reject: '（五）不予处理', other: '（六）其他处理' };
  const results = table.rows.filter((r) => r.startsWith('r.'));
  // Rows the layout adds inside 三、本年度办理结果: a subtotal after each group's last row, a local row.
  const added = new Map<string, string[]>();
  const addAfter = (row: string, cells: string[]): void => {
    added.set(row, [...(added.get(row) ?? []), `<tr>${cells.join('')}</tr>`]);
  };
  if (spec.subtotals) {
    for (const s of SUBTOTALS) {
      const members = table.rows.filter((r) => r.startsWith(`r.${s.group}.`));
      const last = members[members.length - 1];
      if (!last || !s.last.includes(last)) continue;
      const sums = order.map((c) => (c === 'remark' ? '无' : String(members.reduce((acc, r) => acc + Number(t3Value(table, r, c, (raw) => raw) || 0), 0))));
      addAfter(last, [td(s.label, ' colspan="2"'), ...sums.map((v) => td(v))]);
    }
  }
  if (spec.localAfter) addAfter(spec.localAfter, [td('其中：当场答复', ' colspan="2"'), ...order.map((c) => td(c === 'remark' ? '无' : '1'))]);
  const extraInResults = [...added].filter(([row]) => results.includes(row)).reduce((n, [, rows]) => n + rows.length, 0);
  for (const row of table.rows) {
    const label = rowLabelOf(row);
    const cells: string[] = [];
    if (row === results[0]) cells.push(td('三、本年度办理结果', ` rowspan="${results.length + extraInResults}"`));
    const group = /^r\.(deny|unable|reject|other)\.\d$/.exec(row)?.[1];
    if (group) {
      const members = table.rows.filter((r) => r.startsWith(`r.${group}.`));
      if (members[0] === row) cells.push(td(groups[group]!, ` rowspan="${members.length}"`));
      cells.push(td(label));
    } else cells.push(td(label, results.includes(row) ? ' colspan="2"' : ' colspan="3"'));
    for (const c of order) cells.push(td(t3Value(table, row, c, mark)));
    out.push(`<tr>${cells.join('')}</tr>`, ...(added.get(row) ?? []));
  }
  if (spec.pageBreakBefore) return `<table border="1"><thead>${head.join('')}</thead><tbody>${out.join('')}</tbody></table>`;
  return `<table border="1">${out.join('')}</table>`;
}

/** 表四 as an HTML table in a shape, with spanned group headers. */
export function t4Html(report: Report, shape: T4Shape): string {
  const table = report.tables.t4!;
  const td = (text: string, attrs = ''): string => `<td${attrs}>${text}</td>`;
  const v = (g: string, c: string): string => table.cells[`t4.${g}.${c}`]!.raw;
  const labels = T4_COLS.map((c) => td(c.label)).join('');
  const rows: string[] = [];
  if (shape === 'per-group') {
    rows.push(td('项目') + labels);
    for (const g of T4_GROUPS) rows.push(td(g.label) + T4_COLS.map((c) => td(v(g.id, c.id))).join(''));
  } else if (shape === 'transposed') {
    rows.push(td('项目', ' rowspan="2"') + td('行政复议', ' rowspan="2"') + td('行政诉讼', ' colspan="2"'), td('未经复议直接起诉') + td('复议后起诉'));
    for (const c of T4_COLS) rows.push(td(c.label) + T4_GROUPS.map((g) => td(v(g.id, c.id))).join(''));
  } else if (shape === 'no-header') {
    rows.push(T4_GROUPS.flatMap((g) => T4_COLS.map((c) => td(v(g.id, c.id)))).join(''));
  } else {
    const index = shape === 'index-column';
    const grand = shape === 'grand-total';
    rows.push(
      (index ? td('序号', ' rowspan="3"') : '') + td('行政复议', ' colspan="5" rowspan="2"') + td('行政诉讼', ' colspan="10"') + (grand ? td('总计', ' rowspan="3"') : ''),
      td('未经复议直接起诉', ' colspan="5"') + td('复议后起诉', ' colspan="5"'),
      labels + labels + labels,
    );
    const values = T4_GROUPS.flatMap((g) => T4_COLS.map((c) => td(v(g.id, c.id))));
    const total = T4_GROUPS.reduce((s, g) => s + Number(v(g.id, 'total')), 0);
    rows.push((index ? td('1') : '') + values.join('') + (grand ? td(String(total)) : ''));
  }
  return `<table border="1">${rows.map((r) => `<tr>${r}</tr>`).join('')}</table>`;
}

const ROW_LABELS = new Map([...t3Def('single').rows, ...t3Def('split').rows].map((r) => [r.id, r.label]));
/** A 表三 row's label as the format prints it. */
function rowLabelOf(row: string): string {
  return ROW_LABELS.get(row) ?? row;
}
