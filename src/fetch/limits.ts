/**
 * Limits of fetching reports from the web (`check <URL>`, `crawl`). Each is configurable under
 * `limits:` in the config; the defaults are polite to government sites (two requests at a time
 * per host, a second between them) and bounded (a hostile or broken server cannot make a run
 * hang or fill the memory).
 */
export interface FetchLimits {
  /** Largest response body, in bytes: the download is aborted beyond it. */
  fetchMaxBytes: number;
  /** Longest wait for one response (headers and body), in milliseconds. */
  fetchTimeoutMs: number;
  /** Most redirects followed for one request. */
  fetchMaxRedirects: number;
  /** Pause between two requests to the same host, in milliseconds. */
  fetchDelayMs: number;
  /** Retries of a request that timed out or got a 5xx answer (with doubling back-off). */
  fetchRetries: number;
  /** Requests at a time to one host (at most 2, however configured). */
  fetchPerHost: number;
  /** Most pages of a column index read by `crawl` (the first page counts). */
  crawlMaxPages: number;
  /** Most reports listed by `crawl`. */
  crawlMaxReports: number;
  /** Longest time a whole `crawl` listing may take, in milliseconds. */
  crawlMaxMs: number;
}

/** The most requests at a time to one host, whatever the config says (the promise). */
export const MAX_PER_HOST = 2;

/** The default {@link FetchLimits}. */
export const DEFAULT_FETCH_LIMITS: Readonly<FetchLimits> = Object.freeze({
  fetchMaxBytes: 20 * 1024 * 1024,
  fetchTimeoutMs: 30_000,
  fetchMaxRedirects: 5,
  fetchDelayMs: 1_000,
  fetchRetries: 2,
  fetchPerHost: MAX_PER_HOST,
  crawlMaxPages: 20,
  crawlMaxReports: 500,
  crawlMaxMs: 10 * 60_000,
});

/** The names of the fetch limits, for the config. */
export const FETCH_LIMIT_KEYS = Object.keys(DEFAULT_FETCH_LIMITS) as (keyof FetchLimits)[];
