/**
 * A web crawler's output as input: a CSV with one crawled report page per row (columns such as
 * 标题, 时间, 内容, 访问地址), as real crawled datasets of government sites are published. Each row
 * is checked as a report: its 内容 is the text (line breaks and table structure are usually lost;
 * the parser's web-text readers handle that), its 标题 the title, its 时间 the page's publication
 * date (used by the deadline rules ahead of the signature date, as for a fetched page), its
 * 访问地址 the page URL.
 *
 * A CSV is a crawler CSV when its header has a content column (内容/正文/content …); the report
 * manifest (src/batch/manifest.ts) has none. Rows are named `<csv file>#<row>`, the row number as
 * a spreadsheet shows it (the header is row 1).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { fieldDate } from '../format/dates.js';
import { decodeText } from '../ingest/text.js';
import type { SourceMeta } from '../model/source.js';

/** The columns read, and the header names (lower-cased) each may have. */
const COLUMNS = {
  title: ['标题', '题目', '名称', '文章标题', 'title', 'biaoti', 'name'],
  date: ['时间', '发布时间', '发布日期', '日期', '成文日期', 'date', 'time', 'pubdate', 'publish_time', 'publish_date', 'shijian', 'riqi'],
  content: ['内容', '正文', '文章内容', '全文', 'content', 'text', 'body', 'neirong', 'zhengwen'],
  url: ['访问地址', '链接', '网址', '地址', '原文链接', 'url', 'link', 'href', 'source_url', 'dizhi', 'lianjie'],
} as const;

type Column = keyof typeof COLUMNS;

/** One crawled report page. */
export interface CrawledRow {
  /** Row number as a spreadsheet shows it (header = 1). */
  row: number;
  title: string;
  /** The 时间 column as written. */
  date: string;
  content: string;
  url: string;
}

/** Which column holds what, from the header row; undefined when there is no content column. */
function columnsOf(header: readonly string[]): Partial<Record<Column, number>> | undefined {
  const found: Partial<Record<Column, number>> = {};
  header.forEach((name, i) => {
    const key = name.replace(/^\ufeff/, '').trim().toLowerCase();
    for (const [column, names] of Object.entries(COLUMNS) as Array<[Column, readonly string[]]>) {
      if (found[column] === undefined && names.includes(key)) found[column] = i;
    }
  });
  return found.content === undefined ? undefined : found;
}

/** Decodes and parses CSV bytes into records; null when they are not readable CSV text. */
function records(bytes: Uint8Array): string[][] | null {
  const decoded = decodeText(bytes);
  if (decoded === null) return null;
  try {
    return parseCsv(decoded.text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true }) as string[][];
  } catch {
    return null;
  }
}

/** True when the CSV's header row has a content column (内容, 正文, content …). */
export function isCrawlerCsv(bytes: Uint8Array): boolean {
  // The header is in the first few KB; a large crawl is not parsed whole to decide.
  const head = decodeText(bytes.subarray(0, 4096))?.text.split(/\r?\n/)[0] ?? '';
  const header = records(new TextEncoder().encode(head))?.[0];
  return header !== undefined && columnsOf(header) !== undefined;
}

/** The rows of a crawler CSV (empty when it is not one). Rows without content are left out. */
export function readCrawlerCsv(bytes: Uint8Array): CrawledRow[] {
  const all = records(bytes);
  const header = all?.[0];
  const columns = header === undefined ? undefined : columnsOf(header);
  if (all === null || columns === undefined) return [];
  // The content is kept as crawled (its blank lines can be a table's empty cells).
  const at = (record: readonly string[], column: Column): string => {
    const i = columns[column];
    const value = i === undefined ? '' : record[i] ?? '';
    return column === 'content' ? value : value.trim();
  };
  const rows: CrawledRow[] = [];
  all.slice(1).forEach((record, i) => {
    const content = at(record, 'content');
    if (content.trim() === '') return;
    rows.push({ row: i + 2, title: at(record, 'title'), date: at(record, 'date'), content, url: at(record, 'url') });
  });
  return rows;
}

/**
 * A row as a report to check: its text (title line, then the 时间 as crawled, then 内容, the way a
 * crawled page reads) and its page metadata.
 */
export function crawledReport(row: CrawledRow): { bytes: Uint8Array; meta: SourceMeta } {
  const text = [row.title, row.date, row.content].filter((s) => s !== '').join('\n');
  const meta: SourceMeta = {};
  if (row.title !== '') meta.title = row.title;
  const date = fieldDate(row.date); // 2024-01-26, 2024/1/26 10:00, 2024年01月26日 …
  if (date !== undefined) meta.publishedAt = date;
  if (/^https?:\/\//i.test(row.url)) meta.pageUrl = row.url;
  return { bytes: new TextEncoder().encode(`${text}\n`), meta };
}

/** The name of a crawler CSV's row as a report file: `<csv>#<row>`. */
export const rowFileName = (csv: string, row: number): string => `${csv}#${row}`;

/** The CSV file and row number a row file name stands for (undefined for other names). */
export function parseRowFileName(name: string): { csv: string; row: number } | undefined {
  const m = /^(.*\.csv)#(\d+)$/i.exec(name);
  return m === null ? undefined : { csv: m[1] ?? '', row: Number(m[2]) };
}
