/**
 * Human labels for canonical ids, for messages: table names, row and column labels as the format
 * prints them, shortened where the full label is long.
 */
import { STAT_DEFS, T2_ITEMS, T2_LABEL, T3_COLS, T3_SUBTOTAL_ROWS, T4_DEF, t3Def } from './definitions.js';

const TABLE_LABELS: Record<string, string> = { t2: T2_LABEL, t3: '表三', t4: '表四' };
for (const def of STAT_DEFS) TABLE_LABELS[def.id] = def.label;

const ROW_LABELS = new Map<string, string>();
const COL_LABELS = new Map<string, string>();
for (const layout of ['single', 'split'] as const) for (const r of t3Def(layout).rows) ROW_LABELS.set(`t3.${r.id}`, r.label);
for (const r of T3_SUBTOTAL_ROWS) ROW_LABELS.set(`t3.${r.id}`, r.label);
for (const c of T3_COLS) COL_LABELS.set(`t3.${c.id}`, c.label);
COL_LABELS.set('t3.sub', '法人或其他组织小计');
for (const r of T4_DEF.rows) ROW_LABELS.set(`t4.${r.id}`, r.label);
for (const c of T4_DEF.cols) COL_LABELS.set(`t4.${c.id}`, c.label);
for (const edition of ['2021', '2019'] as const) {
  for (const item of T2_ITEMS[edition]) {
    for (const r of item.rows) if (!ROW_LABELS.has(`t2.${item.item}.${r.id}`)) ROW_LABELS.set(`t2.${item.item}.${r.id}`, `${item.caption}·${r.label}`);
    for (const c of item.cols) if (!COL_LABELS.has(`t2.${c.id}`)) COL_LABELS.set(`t2.${c.id}`, c.label);
  }
}
for (const def of STAT_DEFS) {
  for (const r of def.rows) ROW_LABELS.set(`${def.id}.${r.id}`, r.label);
  for (const c of def.cols) COL_LABELS.set(`${def.id}.${c.id}`, c.label);
}

/** The parts of a cell id: table, row and column ids. */
export function splitCellId(id: string): { table: string; row: string; col: string } {
  const first = id.indexOf('.');
  const last = id.lastIndexOf('.');
  return { table: id.slice(0, first), row: id.slice(first + 1, last), col: id.slice(last + 1) };
}

/** The name of a table, e.g. 表三. */
export function tableLabel(table: string): string {
  return TABLE_LABELS[table] ?? table;
}

/** A row label as printed (full). */
export function rowLabel(table: string, row: string): string {
  return ROW_LABELS.get(`${table}.${row}`) ?? row;
}

/** A column label as printed. */
export function colLabel(table: string, col: string): string {
  return COL_LABELS.get(`${table}.${col}`) ?? col;
}

/**
 * A row label cut short for running text: （二）部分公开（区分处理的…） becomes （二）部分公开. Only
 * a note in brackets at the end is cut: 第二十条第（一）项·行政规范性文件 stays whole.
 */
export function shortRowLabel(table: string, row: string): string {
  const full = rowLabel(table, row);
  const cut = full.replace(/^([(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+\.)?([^（(]+)[（(][^（()）]*[)）]$/, '$1$2');
  return cut.length >= 2 ? cut : full;
}

/** Short row labels that more than one row of a table has (表四's two 行政诉讼 groups). */
let ambiguous: Set<string> | null = null;

function ambiguousShortLabels(): Set<string> {
  if (ambiguous) return ambiguous;
  const seen = new Map<string, string>();
  ambiguous = new Set();
  for (const key of ROW_LABELS.keys()) {
    const { table, row } = splitCellId(`${key}.x`);
    const short = `${table}|${shortRowLabel(table, row)}`;
    const other = seen.get(short);
    if (other !== undefined && other !== rowLabel(table, row)) ambiguous.add(short);
    seen.set(short, rowLabel(table, row));
  }
  return ambiguous;
}

/**
 * A row label for running text: short, unless another row of the table has the same short label
 * (表四「行政诉讼（未经复议直接起诉）」 and 「行政诉讼（复议后起诉）」 must stay apart).
 */
export function distinctRowLabel(table: string, row: string): string {
  const short = shortRowLabel(table, row);
  return ambiguousShortLabels().has(`${table}|${short}`) ? rowLabel(table, row) : short;
}

/** A cell within its table: 「一、本年新收政府信息公开申请数量」「自然人」. */
export function cellInTable(id: string): string {
  const { table, row, col } = splitCellId(id);
  return `「${distinctRowLabel(table, row)}」「${colLabel(table, col)}」`;
}

/** A label naming one cell: 表三「一、本年新收政府信息公开申请数量」「自然人」. */
export function cellLabel(id: string): string {
  return `${tableLabel(splitCellId(id).table)}${cellInTable(id)}`;
}

/**
 * Cells named in a list, each table's name once before its cells: 表三「…」「商业企业」、「…」「科研机构」.
 * A list cut short says how many cells there are in a message of the rule's (the engine's
 * `cellListValue`): no words here but the format's own labels.
 */
export function cellList(ids: readonly string[], separator = '、'): string {
  const parts: string[] = [];
  let lastTable: string | null = null;
  for (const id of ids) {
    const table = splitCellId(id).table;
    parts.push(table === lastTable ? cellInTable(id) : cellLabel(id));
    lastTable = table;
  }
  return parts.join(separator);
}
