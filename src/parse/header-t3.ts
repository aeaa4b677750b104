/**
 * The columns of 表三, read from its header rows instead of assumed from their position.
 *
 * The format's header has up to three levels: 申请人情况 over 自然人 / 法人或其他组织 / 总计, and
 * 法人或其他组织 over 商业企业 科研机构 社会公益组织 法律服务机构 其他. Reports move 总计 first, add a
 * 小计 before (or after) the five organisation columns, merge them into one 法人或其他组织 column,
 * add a 备注 or 上年 column, or drop 总计. Each header row is read left to right as a list of
 * known column names; the level-two row (自然人 … 法人或其他组织 …) gives the order, and the
 * organisation row replaces its 法人或其他组织. A header with any word that names no column, or
 * whose rows do not fit together, is uncertain: then the caller keeps the format's order, and only
 * for rows of exactly the format's count of values.
 */
import { fold } from '../format/normalize.js';
import type { Row } from './rows.js';
import { memo1, TEXTS_KEPT } from './memo.js';

/** A column of 表三 as a header names it: a count column, the merged organisations, or one to ignore. */
export type T3Column = 'np' | 'biz' | 'res' | 'ngo' | 'law' | 'oth' | 'total' | 'sub' | 'org' | 'skip';

/** The five organisation columns, in the format's order. */
export const ORG_COLUMNS: readonly T3Column[] = ['biz', 'res', 'ngo', 'law', 'oth'];

const NAMES: ReadonlyMap<string, T3Column> = new Map<string, T3Column>([
  ['自然人', 'np'], ['商业企业', 'biz'], ['科研机构', 'res'], ['社会公益组织', 'ngo'], ['法律服务机构', 'law'],
  ['其他', 'oth'], ['总计', 'total'], ['小计', 'sub'], ['法人或其他组织小计', 'sub'], ['法人或其他组织', 'org'],
]);
/** Columns a report adds that hold no count of the format: never read as one. */
const IGNORED = /^(?:备注|说明|附注|上年(?:度)?(?:数|数量|同期|情况)?|去年(?:同期)?|同比(?:增减|增长)?|比上年(?:增减)?|增减(?:情况)?)$/;
/** Header words that are no column: the table's caption, its note, the label column's name. */
const STRUCTURAL = /^(?:申请人情况|项目|类别|指标|数据项目|\(数据项目\)|[(（]?本列数据.*|.*勾稽关系.*|.*第[一三]项.*之和.*|等于第三项加第四项之和[)）]?)$/;

type CellKind = T3Column | 'structural' | 'unknown' | 'empty';

/** Cell texts repeat from report to report: each is classified once (bounded). */
const kinds = new Map<string, CellKind>();

/** What one header cell's text is. */
function classify(text: string): CellKind {
  return memo1(kinds, text, () => classifyText(text), TEXTS_KEPT);
}

function classifyText(text: string): CellKind {
  const key = fold(text).replace(/\s+/g, '');
  if (key === '') return 'empty';
  const known = NAMES.get(key);
  if (known !== undefined) return known;
  if (IGNORED.test(key)) return 'skip';
  return STRUCTURAL.test(key) ? 'structural' : 'unknown';
}

/** The column names a row holds, left to right; null when it is no header row. */
export function headerTokens(row: Row): { columns: T3Column[]; unknown: boolean } | null {
  const columns: T3Column[] = [];
  let unknown = false;
  let named = false;
  for (const c of row.cells) {
    const kind = classify(c.text);
    if (kind === 'empty' || kind === 'structural') continue;
    if (kind === 'unknown') {
      unknown = true;
      continue;
    }
    // Spanned copies of one cell (a grid that repeats a merged cell's text) are one column name.
    if (columns[columns.length - 1] === kind && kind === 'org') continue;
    if (kind !== 'skip') named = true;
    columns.push(kind);
  }
  return named ? { columns, unknown } : null;
}

/** The result of reading a header block: the value columns in order, or why they are uncertain. */
export type HeaderPlan = { certain: true; columns: T3Column[] } | { certain: false };

const UNCERTAIN: HeaderPlan = { certain: false };

const hasAll = (list: readonly T3Column[], wanted: readonly T3Column[]): boolean => wanted.every((c) => list.includes(c));

/**
 * The columns a block of header rows names, in order. Certain only when every word is a known
 * column or caption, one row orders 自然人 with the rest, and the organisation row (if any) fills
 * 法人或其他组织 exactly.
 */
export function planFromHeader(rows: readonly Row[]): HeaderPlan {
  const tokenRows: T3Column[][] = [];
  for (const row of rows) {
    const tokens = headerTokens(row);
    if (tokens === null) continue;
    if (tokens.unknown) return UNCERTAIN;
    tokenRows.push(tokens.columns);
  }
  if (tokenRows.length === 0) return UNCERTAIN;
  // A row that names every column itself (a one-level header, or a grid repeating spanned names).
  const full = tokenRows.find((t) => t.includes('np') && (hasAll(t, ORG_COLUMNS) || t.includes('org')));
  if (full === undefined) return UNCERTAIN;
  // A row naming 法人或其他组织 and its five columns is two header levels run into one (web text
  // lays the rows of a merged header out in reading order: 自然人 法人或其他组织 总计 商业企业 …);
  // its order is the leaves' only when the five follow 法人或其他组织 at once.
  if (full.includes('org') && hasAll(full, ORG_COLUMNS)) {
    const at = full.indexOf('org');
    if (!ORG_COLUMNS.every((c, k) => full[at + 1 + k] === c || (full[at + 1] === 'sub' && full[at + 2 + k] === c))) return UNCERTAIN;
  }
  let columns = hasAll(full, ORG_COLUMNS) ? full.filter((c) => c !== 'org') : full;
  if (!hasAll(full, ORG_COLUMNS)) {
    const children = tokenRows.find((t) => t !== full && hasAll(t, ORG_COLUMNS));
    if (children !== undefined) {
      if (children.some((c) => c === 'np' || c === 'total' || c === 'org')) return UNCERTAIN;
      const at = columns.indexOf('org');
      columns = [...columns.slice(0, at), ...children, ...columns.slice(at + 1)];
    }
  }
  // Every other header row must be part of what was used (no stray column names).
  for (const t of tokenRows) if (t !== full && !hasAll(columns, t.filter((c) => c !== 'org' && c !== 'skip'))) return UNCERTAIN;
  return validPlan(columns) ? { certain: true, columns } : UNCERTAIN;
}

/** Each count column at most once; 自然人 present; the organisations either all five or merged. */
function validPlan(columns: readonly T3Column[]): boolean {
  const counted: readonly T3Column[] = columns.filter((c) => c !== 'skip');
  if (new Set(counted).size !== counted.length || !counted.includes('np')) return false;
  const orgs = ORG_COLUMNS.filter((c) => counted.includes(c)).length;
  if (counted.includes('org')) return orgs === 0 && !counted.includes('sub');
  return orgs === ORG_COLUMNS.length;
}
