/**
 * Reports on the web: the URLs given to `check` (and a manifest's `url` column) are fetched and
 * their documents staged as files for the batch, with the page's metadata beside them; `crawl`
 * lists a 年报 column into a manifest and, with `--check`, checks the reports it lists.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { fetchLimitsOf, limitsOf } from '../config-limits.js';
import type { ManifestEntry } from '../batch/types.js';
import { crawlColumn, manifestCsv } from '../fetch/column.js';
import { failureFinding } from '../fetch/failure.js';
import { Fetcher } from '../fetch/fetcher.js';
import { fetchReport } from '../fetch/report.js';
import { EvidenceReader, EvidenceWriter, recordInputUrls, savedInputUrls } from '../fetch/store.js';
import type { SourceMeta } from '../model/source.js';
import type { ResultEntry } from '../report/index.js';
import { ExitError } from './setup-core.js';

/** Where fetched bytes are kept (`--save`) or replayed from (`--offline`). */
export interface WebOptions {
  save?: string;
  offline?: string;
}

/** The fetcher a run uses: from the saved folder when offline (never the network), else the web. */
export function makeFetcher(options: WebOptions, config: Config): Fetcher {
  const limits = fetchLimitsOf(config);
  if (options.offline !== undefined) {
    try {
      return new Fetcher({ limits, offline: new EvidenceReader(options.offline) });
    } catch (error) {
      throw new ExitError(2, `无法读取保存的文件夹 ${options.offline}：${(error as Error).message}`);
    }
  }
  try {
    return new Fetcher({ limits, ...(options.save !== undefined ? { save: new EvidenceWriter(options.save) } : {}) });
  } catch (error) {
    throw new ExitError(2, `无法创建保存文件夹 ${options.save}：${(error as Error).message}`);
  }
}

/** Web reports staged as local files for a batch. */
export interface StagedWeb {
  /** Local files to check, in input order. */
  files: string[];
  /** The URL shown for a staged file. */
  nameOf: (file: string) => string | undefined;
  /** The page metadata of a staged file (URL, publication date, title). */
  metaFor: (file: string) => SourceMeta | undefined;
  /** One entry per URL that gave no report, with its `fetch/…` finding. */
  failed: ResultEntry[];
  /** Deletes the staged files. */
  remove: () => void;
}

/** Fetches at most this many reports at once (the per-host limit still holds within them). */
const PARALLEL_REPORTS = 6;

/**
 * Fetches the given URLs and the manifest entries that have a url and no file, and writes each
 * report document to a temporary folder. A manifest entry fetched is pointed at its staged file;
 * one whose fetch failed is taken out of the manifest (its failure says why, not "missing").
 */
export async function stageWeb(urls: readonly string[], manifest: { entries: ManifestEntry[] } | null, options: WebOptions, config: Config, locale: 'zh' | 'en'): Promise<StagedWeb> {
  const fetcher = makeFetcher(options, config);
  const fromManifest = manifest?.entries.filter((e) => e.url !== undefined && e.file === undefined) ?? [];
  const all = [...new Set([...urls, ...fromManifest.map((e) => e.url!)])];
  const given = new Set(all);
  if (options.save !== undefined && options.offline === undefined) recordInputUrls(options.save, all);
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-lint-web-'));
  const limits = limitsOf(config);
  const results = new Array<Awaited<ReturnType<typeof fetchReport>>>(all.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < all.length) {
      const index = next++;
      results[index] = await fetchReport(all[index]!, fetcher, given, limits);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_REPORTS, all.length) }, worker));

  const files: string[] = [];
  const names = new Map<string, string>();
  const metas = new Map<string, SourceMeta>();
  const failed: ResultEntry[] = [];
  const fileOfUrl = new Map<string, string>();
  results.forEach((result, index) => {
    if (!result.ok) {
      failed.push({ file: result.url, report: null, findings: [failureFinding(result.failure, locale)], status: 'unreadable' });
      return;
    }
    // Named by its position and content: two URLs with the same document stay two inputs (the batch then calls the second a duplicate).
    const file = join(dir, `${String(index).padStart(4, '0')}-${result.document.name}`);
    writeFileSync(file, result.document.bytes);
    files.push(file);
    names.set(file, result.url);
    metas.set(file, result.meta);
    fileOfUrl.set(result.url, file);
  });
  if (manifest) {
    manifest.entries = manifest.entries.filter((e) => {
      if (e.url === undefined || e.file !== undefined) return true;
      const file = fileOfUrl.get(e.url);
      if (file !== undefined) e.file = file;
      return file !== undefined;
    });
  }
  return { files, nameOf: (f) => names.get(f), metaFor: (f) => metas.get(f), failed, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The URLs to re-check from a saved folder when `check --offline <dir>` names none: those the
 * runs that saved into it were asked to check.
 */
export function offlineInputs(dir: string, locale: 'zh' | 'en'): string[] {
  const urls = savedInputUrls(dir);
  if (urls.length === 0) {
    throw new ExitError(2, `保存的文件夹 ${dir} 中没有记录要检查的网址（inputs.json）：请给出网址，或先用 --save 保存一次`, `The saved folder ${dir} lists no URLs to check (inputs.json): give the URLs, or save a run with --save first`);
  }
  if (locale === 'zh') process.stderr.write(`不联网，重新检查 ${dir} 中保存的 ${urls.length} 个网址\n`);
  else process.stderr.write(`Offline: checking again the ${urls.length} URLs saved in ${dir}\n`);
  return urls;
}

/** Options of `crawl`. */
export interface CrawlCliOptions extends WebOptions {
  output?: string;
  check?: boolean;
  config?: string;
  locale?: 'zh' | 'en';
}

/**
 * Lists the column at `column` into a manifest (stdout, or `--output`); with `--check`, checks the
 * listed reports as one batch through `check`, which is given the manifest.
 */
export async function runCrawl(column: string, options: CrawlCliOptions, config: Config, check: (manifest: string) => Promise<number>): Promise<number> {
  if (!/^https?:\/\//i.test(column)) throw new ExitError(2, `crawl 需要一个 http(s) 网址，而不是「${column}」`);
  const locale = options.locale ?? config.locale ?? 'zh';
  const listing = await crawlColumn(column, makeFetcher(options, config), fetchLimitsOf(config));
  for (const failure of listing.failures) process.stderr.write(`${failureFinding(failure, locale).message}\n`);
  if (listing.pages === 0) throw new ExitError(2, locale === 'zh' ? `无法读取栏目页面 ${column}` : `Could not read the column page ${column}`);
  const stopped = listing.stoppedBy ? (locale === 'zh' ? `（达到 limits.${listing.stoppedBy}，未读完）` : ` (stopped at limits.${listing.stoppedBy})`) : '';
  process.stderr.write(locale === 'zh' ? `读取了 ${listing.pages} 个栏目页面，找到 ${listing.entries.length} 份年度报告${stopped}\n` : `Read ${listing.pages} column pages, found ${listing.entries.length} annual reports${stopped}\n`);
  const csv = manifestCsv(listing.entries);
  if (!options.check) {
    if (options.output) writeFileSync(options.output, csv);
    else process.stdout.write(csv);
    return listing.entries.length > 0 ? 0 : 1;
  }
  const temporary = options.output ? null : mkdtempSync(join(tmpdir(), 'xxgk-lint-crawl-'));
  const manifest = options.output ?? join(temporary!, 'manifest.csv');
  try {
    writeFileSync(manifest, csv);
    if (listing.entries.length === 0) return 1;
    return await check(manifest);
  } finally {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}
