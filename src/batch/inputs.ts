/**
 * Node-only: what a batch reads for one input name. A file's bytes, with the .xlsx 统计表 beside
 * it (src/ingest/attachments.ts says what "beside" is); a crawler CSV's row (`crawl.csv#12`) as
 * its text and page metadata (src/batch/crawler-csv.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isAttachmentOf, type Attachment } from '../ingest/attachments.js';
import type { SourceMeta } from '../model/source.js';
import type { CrawledRow } from './crawler-csv.js';

// The crawler CSV reader (and csv-parse) is loaded only when a CSV is among the inputs.
const crawlerCsv = (): Promise<typeof import('./crawler-csv.js')> => import('./crawler-csv.js');
const ROW_NAME = /\.csv#\d+$/i;

/** One input ready to check. */
export interface Input {
  bytes: Uint8Array;
  /** Page metadata from outside the file (a crawler CSV's 标题, 时间, 访问地址). */
  meta?: SourceMeta;
  attachments: Attachment[];
}

// The last crawler CSV read, by path: a batch reads its rows one after another.
let csvCache: { path: string; rows: Map<number, CrawledRow> } | undefined;

async function crawledRow(csv: string, row: number): Promise<CrawledRow | undefined> {
  if (csvCache?.path !== csv) {
    const rows = (await crawlerCsv()).readCrawlerCsv(new Uint8Array(readFileSync(csv)));
    csvCache = { path: csv, rows: new Map(rows.map((r) => [r.row, r])) };
  }
  return csvCache.rows.get(row);
}

// The last folder listed, for the attachments beside each report in it.
let folderCache: { path: string; names: string[] } | undefined;

function besides(file: string): Attachment[] {
  const folder = dirname(file);
  if (folderCache?.path !== folder) {
    let names: string[] = [];
    try {
      names = readdirSync(folder).filter((n) => /\.xlsx$/i.test(n));
    } catch {
      names = [];
    }
    folderCache = { path: folder, names };
  }
  return folderCache.names
    .map((n) => join(folder, n))
    .filter((path) => isAttachmentOf(path, file))
    .map((path) => ({ bytes: new Uint8Array(readFileSync(path)), name: path }));
}

/**
 * Reads one input name: a crawler CSV row name gives that row's report; any other name the file
 * and the .xlsx attachments beside it. Throws like `readFileSync` for a missing file.
 */
export async function readInput(name: string): Promise<Input> {
  if (ROW_NAME.test(name) && !existsSync(name)) {
    const { crawledReport, parseRowFileName } = await crawlerCsv();
    const row = parseRowFileName(name);
    const crawled = row === undefined ? undefined : await crawledRow(row.csv, row.row);
    if (row === undefined || crawled === undefined) throw new Error(`${name}：CSV 中没有这一行`);
    const { bytes, meta } = crawledReport(crawled);
    return { bytes, meta, attachments: [] };
  }
  return { bytes: new Uint8Array(readFileSync(name)), attachments: besides(name) };
}

/**
 * Replaces each crawler CSV among the input files by its rows (`crawl.csv#2`, `#3` …); other
 * files (a report manifest CSV included) stay as they are.
 */
export async function expandCrawlerCsvs(files: readonly string[]): Promise<string[]> {
  if (!files.some((f) => /\.csv$/i.test(f))) return [...files];
  const { isCrawlerCsv, readCrawlerCsv, rowFileName } = await crawlerCsv();
  return files.flatMap((file) => {
    if (!/\.csv$/i.test(file) || !existsSync(file)) return [file];
    const bytes = new Uint8Array(readFileSync(file));
    if (!isCrawlerCsv(bytes)) return [file];
    return readCrawlerCsv(bytes).map((r) => rowFileName(file, r.row));
  });
}
