/**
 * Finds the tables of a report among its rows and maps each onto its canonical definition.
 * Regions are found by what the format prints: 第二十条 captions (表二), the 本年新收 row and the
 * 勾稽关系 note (表三), the 行政复议/行政诉讼 heading (表四), 统计表 captions (2008 regime).
 */
import type { Edition, TableInstance } from '../model/report.js';
import { T2_EDITION_MARKERS } from '../format/definitions.js';
import { coreKey } from './labels.js';
import { fold, numberlessKey } from '../format/normalize.js';
import { memo1, TEXTS_KEPT } from './memo.js';
import type { Row } from './rows.js';
import { mapTable2, t2EditionMarkers } from './table2.js';
import { mapTable3 } from './table3.js';
import { readGluedTable3 } from './glued-table3.js';
import { mapTable4 } from './table4.js';
import { mapStatTable } from './table-stat.js';

/** The tables found, the row ranges they cover, and the edition their labels point to. */
export interface FoundTables {
  tables: Record<string, TableInstance>;
  /** Row index ranges [start, end) that belong to tables (excluded from prose). */
  ranges: [number, number][];
  /** Edition evidence from the labels. */
  labelEditions: { edition: Edition; label: string; row: Row }[];
  /** True when a table heading or anchor for 表三 exists (even if its cells are unreadable). */
  anchors: { t2: boolean; t3: boolean; t4: boolean; stat: boolean };
}

/**
 * For each anchor test below, characters its key must all hold when it passes: 第二十条第…项 (T2
 * caption), 本年新收…申请数量 and 勾稽 (表三's first row and note), 收到和处理…申请情况 (its caption,
 * also as the end of a key), 行政复议 (表四's heading, in the key or in the first cell), 尚未审结,
 * 结果维持 and 维持…纠正 (its header), 统计表 and 统计报表, 统计指标, 指标名称 and 分项指标 (2008
 * captions and headers), 申请人情况. A key holds only characters of the folded text (folding maps a
 * code unit to one code unit; the key drops characters, never adds one), so a row whose folded
 * text lacks a character of every set passes no test.
 */
const ANCHOR_CHAR_SETS = ['第十条项', '新收申量', '勾稽', '收处申况', '复议', '审结', '维持', '统计表', '指标', '申人况'];
const ANCHOR_CHARS = [...new Set(ANCHOR_CHAR_SETS.join(''))];
/** The bit of each character of {@link ANCHOR_CHARS}, by every UTF-16 code unit that folds to it. */
const ANCHOR_BIT = (() => {
  const table = new Int32Array(0x10000);
  for (let c = 0; c < table.length; c++) {
    const at = ANCHOR_CHARS.indexOf(fold(String.fromCharCode(c)));
    if (at >= 0) table[c] = 1 << at;
  }
  return table;
})();
const ANCHOR_MASKS = ANCHOR_CHAR_SETS.map((set) => [...set].reduce((mask, ch) => mask | (1 << ANCHOR_CHARS.indexOf(ch)), 0));

/** True when the row's cells hold every character of one of {@link ANCHOR_CHAR_SETS} (folded). */
function mayBeAnchor(row: Row): boolean {
  let found = 0;
  for (const c of row.cells) {
    const text = c.text;
    for (let i = 0; i < text.length; i++) found |= ANCHOR_BIT[text.charCodeAt(i)]!;
  }
  if (found === 0) return false;
  for (const mask of ANCHOR_MASKS) if ((found & mask) === mask) return true;
  return false;
}

const rowKeys = new Map<string, string>();

/**
 * The label key of a row's text; '' for a row that no anchor test can pass (see
 * {@link ANCHOR_CHAR_SETS}), which every test below rejects as it would the row's key. Profiled: the
 * keys of every row of a report, prose included, were a tenth of finding the tables.
 */
const rowKey = (row: Row): string => {
  if (!mayBeAnchor(row)) return '';
  const text = row.cells.map((c) => c.text).join('');
  // {@link coreKey}, remembered apart from the label keys: rows are mostly whole lines of prose,
  // which would crowd the labels' cache that 表三 and the 2008 统计表 look keys up in.
  return memo1(rowKeys, text, () => numberlessKey(text), TEXTS_KEPT);
};

/**
 * The rows with their label keys, computed once per row: the anchors are searched for in several
 * passes over all rows, and a plain array is cheaper to read than a cache keyed by row.
 */
interface KeyedRows {
  rows: readonly Row[];
  keys: readonly string[];
}

const findRow = (keyed: KeyedRows, from: number, to: number, test: (key: string, row: Row, index: number) => boolean): number => {
  for (let k = from; k < to; k++) if (test(keyed.keys[k]!, keyed.rows[k]!, k)) return k;
  return -1;
};

/** The 第二十条 caption of 表二, or a glued paragraph (a crawler joined the cells) holding it. */
const isT2Caption = (key: string): boolean => /^第二十条第[一五六八九]项/.test(key) || (key.length > 60 && /第二十条第一项.*\d/.test(key));
const isT3Start = (key: string): boolean => key.includes('本年新收政府信息公开申请数量') || key.includes('勾稽关系为');
const isT3Anchor = (key: string): boolean => isT3Start(key) || key === '收到和处理政府信息公开申请情况';
const isT4Anchor = (key: string, row: Row): boolean =>
  (key.includes('行政复议') && (key.includes('行政诉讼') || key.length <= 6) && !key.includes('结转') && key.length < 40 && row.cells.every((c) => !/\d{2,}/.test(c.text))) ||
  key.includes('政府信息公开行政复议行政诉讼情况') ||
  // The heading as the first cell of a row that runs on into the table (a crawler joined them).
  (row.cells.length > 1 && row.cells[0]!.text.includes('行政复议') && isT4Anchor(coreKey(row.cells[0]!.text), { ...row, cells: [row.cells[0]!] }));
const isLevelOneHeading = (row: Row): boolean => /^\s*[五六七八九十]\s*、/.test(row.cells[0]?.text ?? '');
const isStatCaption = (key: string, row: Row): boolean =>
  (key.length <= 40 && /统计表$|统计表[（(]|统计报表$/.test(key) && !/^附件/.test(key)) ||
  (row.cells.length >= 2 && /^(统计指标|指标名称|分项指标)/.test(key));

/** Finds and maps every table in `rows`. `yearHint` breaks ties between layouts. */
export function findTables(rows: readonly Row[], yearHint: number | null): FoundTables {
  const tables: Record<string, TableInstance> = {};
  const ranges: [number, number][] = [];
  const anchors = { t2: false, t3: false, t4: false, stat: false };

  const keys = rows.map(rowKey);
  const keyed: KeyedRows = { rows, keys };
  const t3Anchor = findRow(keyed, 0, rows.length, isT3Start);
  // 表四's heading is followed, within a few rows, by its column header (结果维持 … 尚未审结).
  const t4Header = (k: number): boolean => findRow(keyed, k, Math.min(rows.length, k + 10), (key) => key.includes('尚未审结') || key.includes('结果维持') || (key.includes('维持') && key.includes('纠正'))) >= 0;
  // Or, printed without a header row, by the 15 values of the wide layout right after it.
  const t4Values = (k: number): boolean => rows[k + 1] !== undefined && rows[k + 1]!.cells.filter((c) => /^\d+$/.test(c.text)).length >= 15;
  const t4Anchor = findRow(keyed, Math.max(0, t3Anchor), rows.length, (key, row, k) => isT4Anchor(key, row) && (t4Header(k) || t4Values(k)));
  const t2Start = findRow(keyed, 0, t3Anchor >= 0 ? t3Anchor : rows.length, isT2Caption);

  let labelEditions: FoundTables['labelEditions'] = [];
  if (t2Start >= 0) {
    anchors.t2 = true;
    const t2End = t3Anchor >= 0 ? t3Anchor : Math.min(rows.length, t2Start + 60);
    labelEditions = t2EditionMarkers(rows, t2Start, t2End, T2_EDITION_MARKERS);
    const votes = { '2019': 0, '2021': 0 };
    for (const m of labelEditions) if (m.edition !== '2008') votes[m.edition]++;
    const edition = votes['2019'] > votes['2021'] || (votes['2019'] === votes['2021'] && yearHint !== null && yearHint <= 2020) ? '2019' : '2021';
    tables.t2 = mapTable2(rows, t2Start, t2End, edition);
    ranges.push([t2Start, t2End]);
  }

  if (t3Anchor >= 0) {
    anchors.t3 = true;
    // The table starts at its header note or caption when one precedes the first row.
    let start = t3Anchor;
    for (let k = t3Anchor - 1; k >= Math.max(0, t3Anchor - 12); k--) if (isT3Anchor(keys[k]!)) start = k;
    let end = t4Anchor >= 0 ? t4Anchor : rows.length;
    const heading = findRow(keyed, t3Anchor, end, (_key, row) => isLevelOneHeading(row));
    if (heading >= 0) end = heading;
    end = Math.min(end, t3Anchor + 150);
    const prefer = yearHint !== null && yearHint <= 2020 ? 'single' : 'split';
    const t3 = readGluedTable3(rows, start, end, prefer) ?? mapTable3(rows, start, end, prefer);
    if (t3) tables.t3 = t3;
    ranges.push([start, end]);
  } else if (findRow(keyed, 0, rows.length, (key) => key === '收到和处理政府信息公开申请情况' || key.endsWith('收到和处理政府信息公开申请情况')) >= 0 && findRow(keyed, 0, rows.length, (key) => key.includes('申请人情况')) >= 0) {
    anchors.t3 = true;
  }

  if (t4Anchor >= 0) {
    anchors.t4 = true;
    let end = Math.min(rows.length, t4Anchor + 40);
    let sawValues = false;
    for (let k = t4Anchor + 1; k < end; k++) {
      const row = rows[k]!;
      const text = row.cells.map((c) => c.text).join('');
      const isProse = text.length > 40 && /[。；]/.test(text);
      const isHeading = /^\s*(?:[一二三四五六七八九十]+\s*、|[(（][一二三四五六七八九十]+[)）])/.test(row.cells[0]?.text ?? '');
      if ((sawValues && (isProse || isHeading)) || isLevelOneHeading(row)) {
        end = k;
        break;
      }
      if (row.cells.some((c) => /^\d+$/.test(c.text))) sawValues = true;
    }
    tables.t4 = mapTable4(rows, t4Anchor, end);
    ranges.push([t4Anchor, end]);
  }

  // 2008-regime statistical tables: each caption opens a region that runs to the next caption.
  const captions: number[] = [];
  for (let k = 0; k < rows.length; k++) if (isStatCaption(keys[k]!, rows[k]!)) captions.push(k);
  for (let c = 0; c < captions.length; c++) {
    const start = captions[c]!;
    if (c > 0 && start === captions[c - 1]! + 1) continue; // a caption followed by its header row
    let next = rows.length;
    for (let d = c + 1; d < captions.length; d++) {
      if (captions[d]! > start + 1) {
        next = captions[d]!;
        break;
      }
    }
    const table = mapStatTable(rows, start, next);
    if (!table) continue;
    anchors.stat = true;
    if (tables[table.id] === undefined) tables[table.id] = table;
    ranges.push([start, next]);
  }
  if (captions.length > 0) anchors.stat = anchors.stat || captions.some((k) => /统计表/.test(keys[k]!) && !/^附件/.test(keys[k]!));

  return { tables, ranges, labelEditions, anchors };
}
