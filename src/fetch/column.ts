/**
 * `crawl`: the reports listed in a site's 年报 column. A report link is one whose text names a
 * 年度报告 or 年报 and a year; the list goes on over the pages government CMSs make (a 下一页 link,
 * index_1.html, ?page=2, a createPageHTML pager), up to `crawlMaxPages` pages, `crawlMaxReports`
 * reports and `crawlMaxMs`. The date shown beside a link is kept as the page date.
 */
import { agencyFromTitle } from '../parse/meta.js';
import { findDates } from '../format/dates.js';
import { decodePage } from './charset.js';
import type { Fetcher } from './fetcher.js';
import type { FetchLimits } from './limits.js';
import { Page, type PageLink } from './page.js';
import type { FetchFailure } from './types.js';

/** One report listed in a column. */
export interface ColumnEntry {
  /** The agency the link text names (before the year); else the site's name (or host). */
  agency: string;
  year: number | null;
  url: string;
  title: string;
  /** The date shown beside the link, ISO; null when there is none. */
  pageDate: string | null;
}

/** What a crawl found. */
export interface ColumnListing {
  entries: ColumnEntry[];
  /** Column pages that could not be read. */
  failures: FetchFailure[];
  /** Column pages read. */
  pages: number;
  /** Why the crawl stopped early (a limit), if it did. */
  stoppedBy: 'crawlMaxPages' | 'crawlMaxReports' | 'crawlMaxMs' | null;
}

const REPORT_TEXT = /年度报告|年报/;
const YEAR = /((?:19|20)\d{2})\s*年/;

/** The report a link names, or null when its text names no 年度报告/年报 and year. */
export function reportLink(link: PageLink, site: string): ColumnEntry | null {
  const title = link.text.replace(/\s+/g, '');
  if (!REPORT_TEXT.test(title)) return null;
  const year = YEAR.exec(title)?.[1];
  if (year === undefined) return null;
  const rest = (link.context ?? '').replace(link.text, ' ');
  const date = findDates(rest)[0]?.iso ?? null;
  return { agency: agencyFromTitle(title) ?? site, year: Number(year), url: link.url, title, pageDate: date };
}

/** Lists the reports of the column at `start`. */
export async function crawlColumn(start: string, fetcher: Fetcher, limits: FetchLimits): Promise<ColumnListing> {
  const began = Date.now();
  const listing: ColumnListing = { entries: [], failures: [], pages: 0, stoppedBy: null };
  const queue = [start];
  const seen = new Set(queue);
  const listed = new Set<string>();
  while (queue.length > 0) {
    if (listing.pages >= limits.crawlMaxPages) {
      listing.stoppedBy = 'crawlMaxPages';
      break;
    }
    if (Date.now() - began > limits.crawlMaxMs) {
      listing.stoppedBy = 'crawlMaxMs';
      break;
    }
    const url = queue.shift()!;
    const outcome = await fetcher.get(url);
    if (!outcome.ok) {
      listing.failures.push(outcome.failure);
      continue;
    }
    listing.pages++;
    const { response } = outcome;
    const page = new Page(decodePage(response.body, response.headers['content-type']).text, response.finalUrl);
    const site = page.siteName() || new URL(response.finalUrl).hostname;
    for (const link of page.links()) {
      const entry = reportLink(link, site);
      if (!entry || listed.has(entry.url)) continue;
      if (listing.entries.length >= limits.crawlMaxReports) {
        listing.stoppedBy = 'crawlMaxReports';
        break;
      }
      listed.add(entry.url);
      listing.entries.push(entry);
    }
    if (listing.stoppedBy) break;
    for (const next of page.nextPages()) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return listing;
}

/** A CSV field, quoted when it must be (RFC 4180). */
const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The listing as a manifest CSV (UTF-8 with BOM, so Excel opens it): agency, year, url, title, date;
 * `check --manifest` reads it (the url column is fetched).
 */
export function manifestCsv(entries: readonly ColumnEntry[]): string {
  const rows = [['agency', 'year', 'url', 'title', 'date'], ...entries.map((e) => [e.agency, e.year === null ? '' : String(e.year), e.url, e.title, e.pageDate ?? ''])];
  return '\ufeff' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
