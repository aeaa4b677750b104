/**
 * The layout of each canonical table as the format prints it, built from the table definitions:
 * header rows with their spans, row labels with their groups, and which canonical cell stands in
 * each position. The renderer (html-table.ts) fills the positions with the report's cells.
 *
 * Layouts follow the printed forms so a clerk can find a cell where the report has it: 表三's
 * 申请人情况 / 法人或其他组织 column groups and 三、本年度办理结果 / （三）不予公开 row groups,
 * 表四 as one row of fifteen cells under 行政复议 and 行政诉讼, 表二 as its 第二十条 items stacked
 * one under another, each with its own column heads.
 */
import type { TableInstance } from '../model/report.js';
import { STAT_DEFS, T2_ITEMS, T3_COLS, T3_GROUP_LABELS, T4_DEF, t3Def, type RowDef, type TableDef } from '../format/definitions.js';

/** A header cell. `key` is unique within the table; `row`/`col` say which findings mark it. */
export interface HeadCell {
  kind: 'head';
  key: string;
  text: string;
  colspan: number;
  rowspan: number;
  scope: 'col' | 'colgroup' | 'row' | 'rowgroup';
  /** A row label (or a 表四 group standing for a row): row-level findings mark it. */
  row?: string;
  /** A column label: column-level findings mark it. */
  col?: string;
  /** A group label spanning several rows, written top to bottom as the printed forms do. */
  vertical?: boolean;
}

/** A position holding a canonical cell; `headers` are the keys of the head cells that label it. */
export interface DataCell {
  kind: 'data';
  row: string;
  col: string;
  colspan: number;
  headers: string[];
}

/** A position holding fixed text or nothing (the blank corner, a unit). */
export interface PlainCell {
  kind: 'plain';
  text: string;
  colspan: number;
  rowspan: number;
}

/** One position of a layout row. */
export type GridCell = HeadCell | DataCell | PlainCell;

/** A row of a layout; `row` is the canonical row it shows, when it shows exactly one. */
export interface GridRow {
  cells: GridCell[];
  row?: string;
}

/** A table's layout: header rows (in `<thead>`) and body rows. */
export interface Grid {
  head: GridRow[];
  body: GridRow[];
}

/** A header group: a label over several columns (or rows). `row` when the group is one row. */
interface Group {
  key: string;
  label: string;
  row?: string;
}

/** A leaf of the column header: one value column. */
interface ColLeaf {
  col: string;
  label: string;
  path: readonly Group[];
  /** For layouts whose columns carry the row (表四). */
  row?: string;
}

/** A body row with its row-label groups. */
interface RowLeaf {
  row: string;
  label: string;
  path: readonly Group[];
}

const sameChain = (a: readonly Group[], b: readonly Group[], level: number): boolean => {
  for (let k = 0; k <= level; k++) if (a[k]?.key !== b[k]?.key) return false;
  return true;
};

/**
 * Header rows for columns with nested groups. Returns the rows and, per leaf, the keys of the
 * head cells above it. `corner` is the blank cell over the row labels.
 */
function columnHead(leaves: readonly ColLeaf[], corner: { cols: number; text: string }): { rows: GridRow[]; headers: string[][] } {
  const depth = Math.max(0, ...leaves.map((l) => l.path.length)) + 1;
  const rows: GridRow[] = [];
  const headers = leaves.map(() => [] as string[]);
  for (let level = 0; level < depth; level++) {
    const cells: GridCell[] = [];
    if (level === 0 && corner.cols > 0) cells.push({ kind: 'plain', text: corner.text, colspan: corner.cols, rowspan: depth });
    for (let j = 0; j < leaves.length; j++) {
      const leaf = leaves[j]!;
      const group = leaf.path[level];
      if (group) {
        const key = `g-${leaf.path.slice(0, level + 1).map((g) => g.key).join('-')}`;
        headers[j]!.push(key);
        if (j > 0 && sameChain(leaves[j - 1]!.path, leaf.path, level)) continue;
        let span = 1;
        while (j + span < leaves.length && sameChain(leaves[j + span]!.path, leaf.path, level)) span++;
        const head: HeadCell = { kind: 'head', key, text: group.label, colspan: span, rowspan: 1, scope: 'colgroup' };
        if (group.row !== undefined) head.row = group.row;
        cells.push(head);
      } else if (level === leaf.path.length) {
        const key = `c-${leaf.row ?? ''}-${leaf.col}`;
        headers[j]!.push(key);
        cells.push({ kind: 'head', key, text: leaf.label, colspan: 1, rowspan: depth - level, scope: 'col', col: leaf.col });
      }
    }
    rows.push({ cells });
  }
  return { rows, headers };
}

/**
 * Row-label cells for body rows with nested groups: per row, the head cells it starts (group
 * cells only on the first row of their run) and the keys of every head cell that labels it.
 */
function rowHeads(leaves: readonly RowLeaf[]): { cells: GridCell[][]; headers: string[][]; depth: number } {
  const depth = Math.max(0, ...leaves.map((l) => l.path.length)) + 1;
  const cells = leaves.map(() => [] as GridCell[]);
  const headers = leaves.map(() => [] as string[]);
  leaves.forEach((leaf, i) => {
    leaf.path.forEach((group, level) => {
      const key = `g-${leaf.path.slice(0, level + 1).map((g) => g.key).join('-')}`;
      headers[i]!.push(key);
      if (i > 0 && sameChain(leaves[i - 1]!.path, leaf.path, level)) return;
      let span = 1;
      while (i + span < leaves.length && sameChain(leaves[i + span]!.path, leaf.path, level)) span++;
      cells[i]!.push({ kind: 'head', key, text: group.label, colspan: 1, rowspan: span, scope: 'rowgroup', vertical: span >= 3 });
    });
    const key = `r-${leaf.row}`;
    headers[i]!.push(key);
    cells[i]!.push({ kind: 'head', key, text: leaf.label, colspan: depth - leaf.path.length, rowspan: 1, scope: 'row', row: leaf.row });
  });
  return { cells, headers, depth };
}

/** A grid of row leaves × column leaves (表三, the 2008 tables, unknown tables). */
function plainGrid(rows: readonly RowLeaf[], cols: readonly ColLeaf[], corner: string): Grid {
  const side = rowHeads(rows);
  const top = columnHead(cols, { cols: side.depth, text: corner });
  return {
    head: top.rows,
    body: rows.map((leaf, i) => ({
      row: leaf.row,
      cells: [
        ...side.cells[i]!,
        ...cols.map((c, j): DataCell => ({ kind: 'data', row: leaf.row, col: c.col, colspan: 1, headers: [...top.headers[j]!, ...side.headers[i]!] })),
      ],
    })),
  };
}

const groupLabel = (start: string, fallback: string): string => T3_GROUP_LABELS.find((l) => l.startsWith(start)) ?? fallback;

/** 表三: 申请人情况 over 自然人, 法人或其他组织 (five kinds, and a 小计 where the report has one), 总计. */
function t3Grid(table: TableInstance): Grid {
  const def = t3Def(table.variant === 'other-single' ? 'single' : 'split');
  const applicants: Group = { key: 'app', label: groupLabel('申请人', '申请人情况') };
  const orgs: Group = { key: 'org', label: groupLabel('法人', '法人或其他组织') };
  const cols: ColLeaf[] = T3_COLS.map((c) => ({ col: c.id, label: c.label, path: c.id === 'np' || c.id === 'total' ? [applicants] : [applicants, orgs] }));
  // Some reports add a 法人或其他组织 小计 column; it is shown where they print it, before 总计.
  if (Object.values(table.cells).some((c) => c.col === 'sub')) cols.splice(cols.length - 1, 0, { col: 'sub', label: '小计', path: [applicants, orgs] });
  const results: Group = { key: 'r', label: groupLabel('三、', '三、本年度办理结果') };
  const sub: Record<string, Group> = {
    'r.deny.': { key: 'deny', label: groupLabel('（三）', '（三）不予公开') },
    'r.unable.': { key: 'unable', label: groupLabel('（四）', '（四）无法提供') },
    'r.reject.': { key: 'reject', label: groupLabel('（五）', '（五）不予处理') },
    'r.other.': { key: 'other', label: groupLabel('（六）', '（六）其他处理') },
  };
  const rows: RowLeaf[] = def.rows.map((r) => {
    if (!r.id.startsWith('r.')) return { row: r.id, label: r.label, path: [] };
    const inner = Object.entries(sub).find(([prefix]) => r.id.startsWith(prefix))?.[1];
    return { row: r.id, label: r.label, path: inner ? [results, inner] : [results] };
  });
  return plainGrid(rows, cols, '');
}

/**
 * 表四: one row of cells under 行政复议 and 行政诉讼 (未经复议直接起诉 / 复议后起诉). A row label of
 * the form 行政诉讼（复议后起诉） is the group 行政诉讼 over the sub-group 复议后起诉.
 */
function t4Grid(): Grid {
  const outer = new Map<string, Group>();
  const cols: ColLeaf[] = [];
  for (const r of T4_DEF.rows) {
    const m = /^(.+?)[（(](.+)[）)]$/.exec(r.label);
    let path: Group[];
    if (m) {
      const name = m[1]!;
      if (!outer.has(name)) outer.set(name, { key: `o${outer.size}`, label: name });
      path = [outer.get(name)!, { key: r.id, label: m[2]!, row: r.id }];
    } else {
      path = [{ key: r.id, label: r.label, row: r.id }];
    }
    for (const c of T4_DEF.cols) cols.push({ col: c.id, label: c.label, path, row: r.id });
  }
  const top = columnHead(cols, { cols: 0, text: '' });
  return {
    head: top.rows,
    body: [{ cells: cols.map((c, j): DataCell => ({ kind: 'data', row: c.row!, col: c.col, colspan: 1, headers: top.headers[j]! })) }],
  };
}

/** 表二: each 第二十条 item as a caption row, a row of column heads, and its data rows. */
function t2Grid(table: TableInstance): Grid {
  const items = T2_ITEMS[table.variant === '2019' ? '2019' : '2021'];
  const width = Math.max(...items.map((i) => i.cols.length));
  const body: GridRow[] = [];
  for (const item of items) {
    const caption = `i-${item.item}`;
    const corner = `l-${item.item}`;
    body.push({ cells: [{ kind: 'head', key: caption, text: item.caption, colspan: width + 1, rowspan: 1, scope: 'colgroup' }] });
    // The printed form widens an item's last column to the table's width.
    const spanOf = (k: number): number => (k === item.cols.length - 1 ? width - item.cols.length + 1 : 1);
    body.push({
      cells: [
        { kind: 'head', key: corner, text: '信息内容', colspan: 1, rowspan: 1, scope: 'col' },
        ...item.cols.map((c, k): HeadCell => ({ kind: 'head', key: `c-${item.item}-${c.id}`, text: c.label, colspan: spanOf(k), rowspan: 1, scope: 'col', col: c.id })),
      ],
    });
    for (const r of item.rows) {
      const row = `${item.item}.${r.id}`;
      body.push({
        row,
        cells: [
          { kind: 'head', key: `r-${row}`, text: r.label, colspan: 1, rowspan: 1, scope: 'row', row },
          ...item.cols.map((c, k): DataCell => ({ kind: 'data', row, col: c.id, colspan: spanOf(k), headers: [caption, `c-${item.item}-${c.id}`, `r-${row}`] })),
        ],
      });
    }
  }
  return { head: [], body };
}

/**
 * A 2008-regime 统计表: 统计指标 | 计量单位 | the value columns. The definitions hold every
 * provincial row; only the rows the report shows (and required rows it lacks) are laid out, with
 * a group heading when one of its rows is shown.
 */
function statGrid(def: TableDef, table: TableInstance, labels: { label: string; unit: string }): Grid {
  const shown = new Set([...table.rows, ...table.missingRows]);
  const rows: RowDef[] = [];
  let pendingHeader: RowDef | null = null;
  for (const r of def.rows) {
    if (r.header) pendingHeader = r;
    else if (shown.has(r.id)) {
      if (pendingHeader) rows.push(pendingHeader);
      pendingHeader = null;
      rows.push(r);
    }
  }
  const width = def.cols.length + 2;
  const head: GridRow[] = [{
    cells: [
      { kind: 'head', key: 'c-label', text: labels.label, colspan: 1, rowspan: 1, scope: 'col' },
      { kind: 'head', key: 'c-unit', text: labels.unit, colspan: 1, rowspan: 1, scope: 'col' },
      ...def.cols.map((c): HeadCell => ({ kind: 'head', key: `c-${c.id}`, text: c.label, colspan: 1, rowspan: 1, scope: 'col', col: c.id })),
    ],
  }];
  const body = rows.map((r): GridRow => {
    if (r.header) return { cells: [{ kind: 'head', key: `h-${r.id}`, text: r.label, colspan: width, rowspan: 1, scope: 'rowgroup' }] };
    const unit = Object.values(table.cells).find((c) => c.row === r.id && c.unit !== undefined)?.unit ?? r.unit ?? '';
    return {
      row: r.id,
      cells: [
        { kind: 'head', key: `r-${r.id}`, text: r.label, colspan: 1, rowspan: 1, scope: 'row', row: r.id },
        { kind: 'plain', text: unit, colspan: 1, rowspan: 1 },
        ...def.cols.map((c): DataCell => ({ kind: 'data', row: r.id, col: c.id, colspan: 1, headers: [`c-${c.id}`, `r-${r.id}`] })),
      ],
    };
  });
  return { head, body };
}

/** A table the definitions do not know: its rows in report order, its columns as first seen. */
function genericGrid(table: TableInstance): Grid {
  const cols: string[] = [];
  for (const c of Object.values(table.cells)) if (!cols.includes(c.col)) cols.push(c.col);
  return plainGrid(
    table.rows.map((row) => ({ row, label: row, path: [] })),
    cols.map((col) => ({ col, label: col, path: [] })),
    '',
  );
}

/** The layout of a table instance, from its definition (by id and variant). */
export function gridFor(table: TableInstance, labels: { label: string; unit: string }): Grid {
  if (table.id === 't2') return t2Grid(table);
  if (table.id === 't3') return t3Grid(table);
  if (table.id === 't4') return t4Grid();
  const def = STAT_DEFS.find((d) => d.id === table.id && d.variant === table.variant) ?? STAT_DEFS.find((d) => d.id === table.id);
  return def ? statGrid(def, table, labels) : genericGrid(table);
}

/** The order tables are shown in: the format's own (表二, 表三, 表四), then the 2008 tables. */
export function tableOrder(ids: readonly string[]): string[] {
  const known = ['t2', 't3', 't4', ...STAT_DEFS.map((d) => d.id)];
  const rank = (id: string): number => (known.includes(id) ? known.indexOf(id) : known.length);
  return [...ids].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
