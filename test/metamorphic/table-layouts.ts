/**
 * The 表三 and 表四 layouts of real reports that the metamorphic table suites print: each as a
 * rewrite of the report text and as an HTML table (spanned header and group labels). Shared by the
 * text/HTML suite (tables-t34.test.ts) and the Chromium PDF suite (tables-pdf.test.ts).
 */
import { ingestHtml } from '../../src/ingest/html.js';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';
import type { Report } from '../../src/model/report.js';
import { parseReport } from '../../src/parse/index.js';
import { rewriteT3, rewriteT4, t3Html, t4Html, type T3Out, type T3Rewrite, type T4Shape } from './table-rewrite.js';

/** One layout: its text rewrite, its HTML rendering, and the cells it adds or cannot print. */
export interface TableLayout {
  name: string;
  apply: (text: string, report: Report) => string | null;
  /** Cells the layout adds (a 小计) or cannot print (a merged column): not compared. */
  skip?: (id: string) => boolean;
  /** Rules whose warnings and infos may change. */
  allow?: readonly string[];
  /** The same layout as HTML tables under their headings. */
  html: (report: Report) => string;
  tables: readonly string[];
  minApplicable: number;
}

const ORGS = ['biz', 'res', 'ngo', 'law', 'oth'];
const T3_HEADING = '<p>三、收到和处理政府信息公开申请情况</p>';
const T4_HEADING = '<p>四、政府信息公开行政复议、行政诉讼情况</p>';

/** A 表三 layout from a rewrite spec: the text rewrite and its HTML rendering. */
function t3Layout(name: string, spec: T3Rewrite, extra: Partial<TableLayout> = {}): TableLayout {
  return {
    name, tables: ['t3'], minApplicable: 5,
    apply: (text, report) => rewriteT3(text, report, spec),
    html: (report) => `${T3_HEADING}${t3Html(report, spec)}${T4_HEADING}${t4Html(report, 'per-group')}`,
    ...extra,
  };
}

/** A 表四 layout from a shape. */
function t4Layout(shape: T4Shape): TableLayout {
  return {
    name: `表四 ${shape}`, tables: ['t4'], minApplicable: 5,
    apply: (text, report) => rewriteT4(text, report, shape),
    html: (report) => `${T3_HEADING}${t3Html(report, {})}${T4_HEADING}${t4Html(report, shape)}`,
  };
}

const zeroAs = (mark: string) => (raw: string): string => (raw === '0' ? mark : raw);
const order = (...cols: T3Out[]): T3Out[] => cols;

/** Every clean 表三/表四 layout. */
export const TABLE_LAYOUTS: readonly TableLayout[] = [
  t3Layout('表三 header printed in three levels, format order', {}),
  t3Layout('表三 总计 as the first column', { order: order('total', 'np', 'biz', 'res', 'ngo', 'law', 'oth') }),
  t3Layout('表三 小计 before the five 法人或其他组织 columns', { order: order('np', 'sub', 'biz', 'res', 'ngo', 'law', 'oth', 'total') }, { skip: (id) => id.endsWith('.sub'), allow: ['table3-subtotal'] }),
  t3Layout('表三 a 备注 column added', { order: order('np', 'biz', 'res', 'ngo', 'law', 'oth', 'total', 'remark') }),
  t3Layout('表三 法人或其他组织 merged into one column', { order: order('np', 'org', 'total') }, {
    skip: (id) => ORGS.some((c) => id.endsWith(`.${c}`)),
    // Says that the relations over the five columns cannot be checked; the blank 023 columns are not read.
    allow: ['table3-columns-not-checkable', 'table3-row-total', 'table3-column-balance', 'table3-results-total', 'blank-cells'],
  }),
  t3Layout('表三 without a 总计 column', { order: order('np', 'biz', 'res', 'ngo', 'law', 'oth') }, {
    skip: (id) => id.endsWith('.total'),
    allow: ['narrative-figures', 'narrative-contradiction', 'narrative-parts-sum', 'table3-row-total', 'table3-columns-not-checkable'],
  }),
  t3Layout('表三 zero written as —', { mark: zeroAs('—') }),
  t3Layout('表三 zero written as 无', { mark: zeroAs('无') }),
  t3Layout('表三 zero written as -', { mark: zeroAs('-') }),
  t3Layout('表三 zero written as /', { mark: zeroAs('/') }),
  t3Layout('表三 zero written as – (en dash)', { mark: zeroAs('–') }),
  t3Layout('表三 subtotal rows under （三）（四）（五）（六）', { subtotals: {} }, { skip: (id) => id.includes('_sub.'), allow: ['table3-group-subtotal'] }),
  t3Layout('表三 split in two, the header repeated', { splitBefore: 'r.unable.1' }),
  t3Layout('表三 across a page break: page number, form feed, the header repeated', { pageBreakBefore: 'r.reject.1' }),
  t3Layout('表三 an extra local row', { localAfter: 'r.grant' }),
  t3Layout('表三 总计 first and zero as — together', { order: order('total', 'np', 'biz', 'res', 'ngo', 'law', 'oth'), mark: zeroAs('—') }),
  t4Layout('per-group'),
  t4Layout('transposed'),
  t4Layout('three-rows'),
  t4Layout('index-column'),
  t4Layout('grand-total'),
  t4Layout('no-header'),
];

/** Table cells by id, zero marks (—, /, 无) read as the 0 they stand for. */
export function layoutCells(report: Report, tables: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of tables) {
    for (const cell of Object.values(report.tables[id]?.cells ?? {})) {
      out.set(cell.id, cell.state === 'number' ? String(cell.value) : cell.state === 'dash' || cell.state === 'na' ? '0' : cell.state);
    }
  }
  return out;
}

/** Differences between the cells read before and after, minus cells the layout adds or leaves out on purpose. */
export function layoutDiff(before: Map<string, string>, after: Map<string, string>, skip: (id: string) => boolean): string[] {
  const out: string[] = [];
  for (const [id, value] of before) {
    if (skip(id)) continue;
    const now = after.get(id);
    if (now !== value) out.push(`${id}: ${value} → ${now ?? '(not read)'}`);
  }
  for (const [id, value] of after) if (!before.has(id) && !skip(id)) out.push(`${id}: (not read) → ${value}`);
  return out;
}

/** The clean real reports of the national formats (表三 and 表四), in TAB, pipe and aligned-column text. */
export const T34_FIXTURES: readonly string[] = [
  'fixtures/corpus/text/001-huaian-city-2024.txt',
  'fixtures/corpus/text/003-hongze-district-2024.txt',
  'fixtures/corpus/text/006-shanghai-gov-office-2025.txt',
  'fixtures/corpus/text/010-pingtan-2021.txt',
  'fixtures/corpus/text/013-pingtan-2024.txt',
  'fixtures/corpus/text/023-shuyang-county-fgj-2023.txt',
];

/** A whole page holding 表三 and 表四 tables under their headings (`style` for printing). */
export function htmlPage(tables: string, style = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>2024年政府信息公开工作年度报告</title>${style ? `<style>${style}</style>` : ''}</head><body>${tables}</body></html>`;
}

/** The page read through the HTML ingest and parsed. */
export async function htmlReport(tables: string): Promise<Report> {
  return parseReport(await ingestHtml(new TextEncoder().encode(htmlPage(tables)), DEFAULT_LIMITS));
}
