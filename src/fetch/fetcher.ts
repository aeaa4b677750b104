/**
 * The fetcher every URL goes through: only http(s); robots.txt honoured; at most two requests at
 * a time per host with a pause between them; redirects followed up to a limit; retries with
 * doubling back-off after a timeout, a dropped connection or a 5xx answer; every outcome kept in
 * the evidence folder when saving, and replayed from it (never the network) when offline.
 */
import robotsParserModule from 'robots-parser';
import { VERSION } from '../version.js';
import { HostGates, sleep } from './gate.js';
import { getOnce, type RawFailure, type RawResponse } from './http.js';
import { MAX_PER_HOST, type FetchLimits } from './limits.js';
import { sha256, type EvidenceReader, type EvidenceWriter } from './store.js';
import type { FetchFailure, FetchOutcome } from './types.js';

/** The robots.txt product token of the tool. */
export const ROBOTS_AGENT = 'xxgk-lint';

/** The User-Agent sent: the tool, its version and where to read about it. */
export const USER_AGENT = `${ROBOTS_AGENT}/${VERSION} (+https://www.npmjs.com/package/xxgk-lint; government information disclosure annual report checker)`;

/** How a fetcher gets its answers. */
export interface FetcherOptions {
  limits: FetchLimits;
  /** Keep every outcome here (`--save`). */
  save?: EvidenceWriter;
  /** Answer from this folder only (`--offline`). */
  offline?: EvidenceReader;
}

/** The parsed robots.txt rules robots-parser gives. */
interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

/**
 * The longest robots.txt Crawl-delay honoured, in ms: a site asking for more (some ask for an
 * hour) still gets this pause, at most 2 requests at a time, rather than a batch that never ends.
 */
export const MAX_CRAWL_DELAY_MS = 30_000;

// robots-parser is CommonJS whose typings declare an ES default export: in Node's ESM the default
// import is the module's function itself.
const robotsParser = robotsParserModule as unknown as (url: string, contents: string) => Robots;

/** A URL the fetcher may ask for: http or https, parsed; null otherwise. */
export function webUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Fetches URLs politely, with evidence. */
export class Fetcher {
  private readonly gates: HostGates;
  private readonly robots = new Map<string, Promise<Robots | 'all' | 'none'>>();
  private readonly done = new Map<string, Promise<FetchOutcome>>();

  constructor(readonly options: FetcherOptions) {
    const { limits } = options;
    this.gates = new HostGates(Math.max(1, Math.min(MAX_PER_HOST, limits.fetchPerHost)), limits.fetchDelayMs);
  }

  /** The outcome of GET `url` (each URL is fetched once per run). */
  get(url: string): Promise<FetchOutcome> {
    let outcome = this.done.get(url);
    if (!outcome) {
      outcome = this.fetchAndKeep(url);
      this.done.set(url, outcome);
    }
    return outcome;
  }

  private async fetchAndKeep(url: string): Promise<FetchOutcome> {
    if (this.options.offline) return this.options.offline.replay(url);
    const outcome = await this.follow(url);
    this.options.save?.record(url, outcome);
    return outcome;
  }

  /** Follows redirects from `url`, each hop checked against robots.txt. */
  private async follow(url: string): Promise<FetchOutcome> {
    const failure = (f: Omit<FetchFailure, 'url'>): FetchOutcome => ({ ok: false, failure: { url, ...f } });
    let current = webUrl(url);
    if (!current) return failure({ kind: 'bad-url', detail: url });
    const { limits } = this.options;
    for (let hop = 0; hop <= limits.fetchMaxRedirects; hop++) {
      if (!(await this.allowed(current))) return failure({ kind: 'robots-disallowed', detail: current.href });
      const answer = await this.withRetries(current);
      if ('kind' in answer) return failure({ kind: answer.kind, detail: answer.detail });
      const location = answer.headers['location'];
      if (answer.status >= 300 && answer.status < 400 && location !== undefined) {
        let next: URL | null;
        try {
          next = webUrl(new URL(location, current).href);
        } catch {
          next = null;
        }
        if (!next) return failure({ kind: 'bad-url', detail: location });
        current = next;
        continue;
      }
      const response = { url, finalUrl: current.href, status: answer.status, headers: answer.headers, fetchedAt: new Date().toISOString(), sha256: sha256(answer.body), body: answer.body };
      if (answer.status >= 400) return { ok: false, failure: { kind: 'http-status', url, status: answer.status, detail: `HTTP ${answer.status}` } };
      return { ok: true, response };
    }
    return failure({ kind: 'too-many-redirects', detail: `> ${limits.fetchMaxRedirects}` });
  }

  /** One request, retried after a timeout, a dropped connection or a 5xx answer. */
  private async withRetries(url: URL): Promise<RawResponse | RawFailure> {
    const { limits } = this.options;
    let answer: RawResponse | RawFailure = { kind: 'network', detail: 'not tried' };
    for (let attempt = 0; attempt <= limits.fetchRetries; attempt++) {
      if (attempt > 0) await sleep(Math.max(limits.fetchDelayMs, 200) * 2 ** (attempt - 1));
      answer = await this.gates.run(url, () => getOnce(url.href, { timeoutMs: limits.fetchTimeoutMs, maxBytes: limits.fetchMaxBytes, userAgent: USER_AGENT }));
      const retry = 'kind' in answer ? answer.kind === 'timeout' || answer.kind === 'network' : answer.status >= 500;
      if (!retry) break;
    }
    return answer;
  }

  /**
   * Whether robots.txt lets the tool fetch `url`. No robots.txt (4xx) allows everything; a 5xx
   * answer disallows everything (RFC 9309 2.3.1.4); an unreachable one allows, and the page's own
   * request then says what is wrong with the site.
   */
  private async allowed(url: URL): Promise<boolean> {
    let rules = this.robots.get(url.origin);
    if (!rules) {
      rules = this.readRobots(url.origin);
      this.robots.set(url.origin, rules);
    }
    const robots = await rules;
    if (robots === 'all') return true;
    if (robots === 'none') return false;
    return robots.isAllowed(url.href, ROBOTS_AGENT) !== false;
  }

  private async readRobots(origin: string): Promise<Robots | 'all' | 'none'> {
    const robotsUrl = `${origin}/robots.txt`;
    const answer = await this.gates.run(new URL(robotsUrl), () => getOnce(robotsUrl, { timeoutMs: this.options.limits.fetchTimeoutMs, maxBytes: 512 * 1024, userAgent: USER_AGENT }));
    if ('kind' in answer) return 'all';
    this.options.save?.record(robotsUrl, { ok: true, response: { url: robotsUrl, finalUrl: robotsUrl, status: answer.status, headers: answer.headers, fetchedAt: new Date().toISOString(), sha256: sha256(answer.body), body: answer.body } });
    if (answer.status >= 500) return 'none';
    if (answer.status !== 200) return 'all';
    const robots = robotsParser(robotsUrl, new TextDecoder().decode(answer.body));
    // Crawl-delay (seconds) lengthens the pause between requests to this host, never shortens it.
    const delay = robots.getCrawlDelay(ROBOTS_AGENT);
    if (typeof delay === 'number' && Number.isFinite(delay) && delay > 0) this.gates.slowDown(new URL(origin).host, Math.min(delay * 1000, MAX_CRAWL_DELAY_MS));
    return robots;
  }
}
