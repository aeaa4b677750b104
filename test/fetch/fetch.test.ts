/**
 * Fetching reports from a loopback site (test/fetch/server.ts): the fetcher's limits and
 * politeness, finding the report on a page or in its attachment, the page's metadata, and every
 * failure as an outcome (never a throw).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Fetcher, USER_AGENT } from '../../src/fetch/fetcher.js';
import { getOnce } from '../../src/fetch/http.js';
import { DEFAULT_FETCH_LIMITS, type FetchLimits } from '../../src/fetch/limits.js';
import { fetchReport } from '../../src/fetch/report.js';
import { EvidenceReader, EvidenceWriter, sha256 } from '../../src/fetch/store.js';
import { failureFinding, FETCH_FINDING_IDS } from '../../src/fetch/failure.js';
import { BUILTIN_FINDING_IDS } from '../../src/cli/finding-ids.js';
import { builtinDescriptions } from '../../src/summary/labels.js';
import { Page } from '../../src/fetch/page.js';
import { siteOf } from '../../src/fetch/site.js';
import type { FoundDate } from '../../src/model/report.js';
import { publicationDate } from '../../src/engine/checks/publication-date.js';
import { defaultText } from '../../src/engine/kind-messages.js';
import { hang, startSite, type TestSite } from './server.js';

const FAST: FetchLimits = { ...DEFAULT_FETCH_LIMITS, fetchDelayMs: 0, fetchTimeoutMs: 400, fetchRetries: 1 };

let site: TestSite;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site.close();
});

describe('the fetcher', () => {
  it('sends a User-Agent naming the tool and its URL, and reads robots.txt first', async () => {
    const fetcher = new Fetcher({ limits: FAST });
    const outcome = await fetcher.get(`${site.base}/art/2025/t20250310_1.htm`);
    expect(outcome.ok).toBe(true);
    expect(USER_AGENT).toMatch(/^xxgk-lint\/\S+ \(\+https:\/\//);
    const mine = site.seen.filter((s) => s.agent === USER_AGENT).map((s) => s.path);
    expect(mine.indexOf('/robots.txt')).toBeLessThan(mine.indexOf('/art/2025/t20250310_1.htm'));
  });

  it('follows a redirect and records the final URL', async () => {
    const outcome = await new Fetcher({ limits: FAST }).get(`${site.base}/old/report.htm`);
    expect(outcome.ok && outcome.response.finalUrl).toBe(`${site.base}/art/2025/t20250310_1.htm`);
  });

  it.each([
    ['/missing/page.htm', 'http-status'],
    ['/loop', 'too-many-redirects'],
    ['/private/report.htm', 'robots-disallowed'],
  ])('%s fails as %s', async (path, kind) => {
    const outcome = await new Fetcher({ limits: FAST }).get(`${site.base}${path}`);
    expect(outcome.ok ? null : outcome.failure.kind).toBe(kind);
  });

  it('refuses other schemes and unparsable URLs without a request', async () => {
    for (const url of ['ftp://example.gov.cn/a.pdf', 'file:///etc/passwd', 'http//broken']) {
      const outcome = await new Fetcher({ limits: FAST }).get(url);
      expect(outcome.ok ? null : outcome.failure.kind).toBe('bad-url');
    }
  });

  it('stops a download that passes the size limit', async () => {
    const started = Date.now();
    const outcome = await new Fetcher({ limits: { ...FAST, fetchMaxBytes: 200_000 } }).get(`${site.base}/huge.pdf`);
    expect(outcome.ok ? null : outcome.failure.kind).toBe('too-large');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('gives up on a server that never answers after the time limit and the retries', async () => {
    const dead = await hang();
    try {
      const started = Date.now();
      const outcome = await new Fetcher({ limits: { ...FAST, fetchTimeoutMs: 300, fetchRetries: 1 } }).get(`${dead.base}/report.htm`);
      expect(outcome.ok ? null : outcome.failure.kind).toBe('timeout');
      // robots.txt (one try) + the page (two tries) + one back-off: about 1.1 s, well under 5.
      expect(Date.now() - started).toBeGreaterThanOrEqual(600);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await dead.close();
    }
  });

  it('tells a refused connection (network) from a name that does not resolve (dns)', async () => {
    const closed = await hang();
    const port = new URL(closed.base).port;
    await closed.close(); // nothing listens on that port now
    const refused = await new Fetcher({ limits: { ...FAST, fetchRetries: 0 } }).get(`http://127.0.0.1:${port}/report.htm`);
    expect(refused.ok ? null : refused.failure).toMatchObject({ kind: 'network', detail: 'ECONNREFUSED' });
    // No DNS query leaves the machine: the platform's fetch is replaced by one failing as getaddrinfo does.
    const dnsError = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND www.nowhere.gov.cn'), { code: 'ENOTFOUND' }) });
    vi.stubGlobal('fetch', () => Promise.reject(dnsError));
    try {
      const outcome = await getOnce('http://www.nowhere.gov.cn/a.htm', { timeoutMs: 1000, maxBytes: 1000, userAgent: USER_AGENT });
      expect(outcome).toEqual({ kind: 'dns', detail: 'ENOTFOUND' });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('retries a 5xx answer and gets the document', async () => {
    const outcome = await new Fetcher({ limits: FAST }).get(`${site.base}/flaky.pdf`);
    expect(outcome.ok).toBe(true);
    expect(site.seen.filter((s) => s.path === '/flaky.pdf')).toHaveLength(2);
  });

  it('makes at most 2 requests at a time to one host, and waits the delay between them', async () => {
    const before = site.maxInFlight;
    expect(before).toBeLessThanOrEqual(2);
    const fetcher = new Fetcher({ limits: { ...FAST, fetchPerHost: 5 } }); // the config cannot raise it above 2
    const paths = Array.from({ length: 8 }, (_, k) => `${site.base}/nothing-${k}.htm`);
    await Promise.all(paths.map((p) => fetcher.get(p)));
    expect(site.maxInFlight).toBe(2);
    const delayed = new Fetcher({ limits: { ...FAST, fetchDelayMs: 120 } });
    const started = Date.now();
    await Promise.all([1, 2, 3].map((k) => delayed.get(`${site.base}/slow-${k}.htm`)));
    // robots.txt and three pages: three pauses of 120 ms between four starts.
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
  });

  it("honours robots.txt's Crawl-delay when it is longer than the configured pause", async () => {
    // A site of its own, whose robots.txt asks for 0.3 s between requests.
    const starts: number[] = [];
    const server = createServer((req, res) => {
      starts.push(Date.now());
      if (req.url === '/robots.txt') res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nCrawl-delay: 0.3\n');
      else res.writeHead(404, { 'content-type': 'text/html' }).end('<p>无</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const fetcher = new Fetcher({ limits: { ...FAST, fetchDelayMs: 10 } });
      await Promise.all([1, 2, 3].map((k) => fetcher.get(`${base}/page-${k}.htm`)));
      expect(starts).toHaveLength(4);
      // Every request after robots.txt starts at least 0.3 s after the one before: the three pages
      // arrive 0.9 s or more after robots.txt (with the configured 10 ms alone: about 30 ms).
      // Measured over the whole run, as the server sees arrivals, so that connection set-up time
      // on a busy machine does not blur one gap.
      expect(starts[3]! - starts[0]!).toBeGreaterThanOrEqual(880);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('keeps evidence by content hash with a sidecar, and replays it offline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-evidence-'));
    try {
      const url = `${site.base}/old/report.htm`;
      const online = await new Fetcher({ limits: FAST, save: new EvidenceWriter(dir) }).get(url);
      await new Fetcher({ limits: FAST, save: new EvidenceWriter(dir) }).get(`${site.base}/missing/x.htm`);
      expect(online.ok).toBe(true);
      if (!online.ok) return;
      const names = readdirSync(dir);
      const body = names.find((n) => n.startsWith(online.response.sha256));
      expect(body).toBeDefined();
      expect(sha256(readFileSync(join(dir, body!)))).toBe(online.response.sha256);
      const sidecars = names.filter((n) => n.endsWith('.json')).map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as Record<string, unknown>);
      const sidecar = sidecars.find((s) => s['url'] === url)!;
      expect(sidecar).toMatchObject({ url, finalUrl: `${site.base}/art/2025/t20250310_1.htm`, status: 200, sha256: online.response.sha256 });
      expect((sidecar['headers'] as Record<string, string>)['content-type']).toBe('text/html');
      expect(typeof sidecar['fetchedAt']).toBe('string');
      expect(sidecars.some((s) => s['url'] === `${site.base}/robots.txt`)).toBe(true);

      const seen = site.seen.length;
      const reader = new EvidenceReader(dir);
      const offline = await new Fetcher({ limits: FAST, offline: reader }).get(url);
      expect(offline.ok && Buffer.from(offline.response.body).equals(Buffer.from(online.response.body))).toBe(true);
      const missing = await new Fetcher({ limits: FAST, offline: reader }).get(`${site.base}/missing/x.htm`);
      expect(missing.ok ? null : missing.failure.kind).toBe('http-status');
      const never = await new Fetcher({ limits: FAST, offline: reader }).get(`${site.base}/never-fetched.htm`);
      expect(never.ok ? null : never.failure.kind).toBe('offline-missing');
      expect(site.seen.length).toBe(seen); // offline: no request at all
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the report of a URL', () => {
  const get = (path: string, limits: FetchLimits = FAST): ReturnType<typeof fetchReport> => fetchReport(`${site.base}${path}`, new Fetcher({ limits }), new Set());

  it.each(['/art/2025/t20250310_1.htm', '/art/2025/t20250310_2.htm'])('reads a GBK article page as the report (%s: charset in the page, then in the header only)', async (path) => {
    const report = await get(path);
    expect(report.ok && !report.attachment).toBe(true);
    if (!report.ok) return;
    const { ingest } = await import('../../src/ingest/index.js');
    const source = await ingest(report.document.bytes, report.document.name);
    expect(source.lines.map((l) => l.text).join('\n')).toContain('平潭综合实验区2024年度政府信息公开工作年度报告');
    expect(source.meta.publishedAt).toBe('2025-03-10');
  });

  it('takes the PDF attachment of a page that only says 详见附件, keeping the page date', async () => {
    const report = await get('/art/2024/t20240120_80576.htm');
    expect(report.ok && report.attachment).toBe(true);
    if (!report.ok) return;
    expect(report.document.name).toMatch(/\.pdf$/);
    expect(report.document.url).toBe(`${site.base}/files/P020240120.pdf`);
    expect(report.meta).toMatchObject({ publishedAt: '2024-01-20', pageUrl: `${site.base}/art/2024/t20240120_80576.htm` });
  });

  it('takes a .docx attachment under 附件下载 whose link has no extension (the link text names the file)', async () => {
    const report = await get('/art/2025/t20250310_3.htm');
    expect(report.ok && report.document.name).toMatch(/\.docx$/);
    expect(report.ok && report.meta.publishedAt).toBe('2025-03-10');
  });

  it('says a page is not a report when its body is none and it has no attachment', async () => {
    const report = await get('/art/notice.htm');
    expect(report.ok ? null : report.failure.kind).toBe('not-a-report');
  });

  it('does not follow an attachment to another site', async () => {
    const report = await get('/art/offsite.htm');
    expect(report.ok ? null : report.failure.kind).toBe('off-site');
  });

  it('passes a fetch failure on', async () => {
    const report = await get('/missing/t1.htm');
    expect(report.ok ? null : report.failure).toMatchObject({ kind: 'http-status', status: 404 });
  });
});

describe('pages and sites', () => {
  it('finds embedded PDF viewers and frames', () => {
    const page = new Page('<html><body><iframe src="/pdfjs/web/viewer.html?file=%2Fupload%2Freport.pdf"></iframe><embed src="b.pdf"></body></html>', 'https://www.x.gov.cn/art/1.htm');
    expect(page.attachments().map((a) => a.url)).toEqual(['https://www.x.gov.cn/upload/report.pdf', 'https://www.x.gov.cn/art/b.pdf']);
  });

  it('prefers a report named 报告 in PDF or Word to a spreadsheet, and leaves chrome links out', () => {
    const page = new Page('<div class="nav"><a href="/guide.pdf">指南</a></div><p>附件：<a href="/t.xlsx">统计表.xlsx</a> <a href="/r.doc">2018年年度报告.doc</a></p>', 'https://www.x.gov.cn/a.htm');
    expect(page.attachments().map((a) => a.url)).toEqual(['https://www.x.gov.cn/r.doc', 'https://www.x.gov.cn/t.xlsx']);
  });

  it('reads a createPageHTML pager', () => {
    const page = new Page('<script>createPageHTML(3, 0, "index", "html");</script>', 'https://www.x.gov.cn/col/ndbg/index.html');
    expect(page.nextPages()).toEqual(['https://www.x.gov.cn/col/ndbg/index_1.html', 'https://www.x.gov.cn/col/ndbg/index_2.html']);
  });

  it('knows a site by its registrable domain', () => {
    expect(siteOf('www.huaian.gov.cn')).toBe(siteOf('file.huaian.gov.cn'));
    expect(siteOf('www.huaian.gov.cn')).not.toBe(siteOf('www.suqian.gov.cn'));
    expect(siteOf('127.0.0.1')).not.toBe(siteOf('localhost'));
  });

  it('every failure is a listed, documented finding with Chinese and English messages', () => {
    const docs = readFileSync('docs/fetch.md', 'utf8');
    const described = { zh: builtinDescriptions('zh'), en: builtinDescriptions('en') };
    for (const id of FETCH_FINDING_IDS) {
      expect(BUILTIN_FINDING_IDS as readonly string[]).toContain(id);
      // The batch summary's per-rule table explains the line in both languages.
      expect(described.zh.get(id), id).toMatch(/[\u4e00-\u9fff]/);
      expect(described.en.get(id), id).toMatch(/^[^\u4e00-\u9fff]+$/);
      expect(docs).toContain(`\`${id}\``);
      const failure = { kind: id.slice('fetch/'.length) as never, url: 'https://x.gov.cn/a', detail: 'd', status: 404 };
      expect(failureFinding(failure, 'zh').message).toMatch(/[\u4e00-\u9fff]/);
      expect(failureFinding(failure, 'en').message).not.toMatch(/[\u4e00-\u9fff]/);
      expect(failureFinding(failure, 'zh').ruleId).toBe(id);
    }
  });
});

describe('the page date of a fetched report', () => {
  const at = { line: 1 };
  const page = (iso: string): FoundDate => ({ iso, raw: iso, role: 'page', certain: true, at, url: 'https://www.x.gov.cn/art/1.htm' });
  const signed = (iso: string): FoundDate => ({ iso, raw: iso, role: 'signature', certain: true, at });

  it('is used ahead of the signature date and named 网页发布日期', () => {
    const used = publicationDate({ dates: [page('2024-02-05'), signed('2024-01-20')] });
    expect(used?.date.iso).toBe('2024-02-05');
    expect(defaultText('deadline', used!.source)).toBe('网页发布日期');
    expect(defaultText('deadline', used!.why!)).toContain('网页发布日期（2024年2月5日）与落款日期（2024年1月20日）不一致，按公布期限以网页发布日期为准');
  });

  it('gives way to a later signature date (a report is not published before it is signed), and says why', () => {
    const used = publicationDate({ dates: [page('2024-01-10'), signed('2024-01-20')] });
    expect(used?.date.role).toBe('signature');
    expect(defaultText('deadline', used!.why!)).toContain('晚于网页发布日期');
  });

  it('a page date read from a saved file (no URL) keeps its usual name', () => {
    const saved: FoundDate = { iso: '2024-02-05', raw: '2024-02-05', role: 'page', certain: true, at };
    expect(defaultText('deadline', publicationDate({ dates: [saved] })!.source)).toBe('发布日期');
  });
});
