/**
 * A loopback web site for the fetch tests (no outside network): report pages made from the real
 * reports in fixtures/ (a GBK article page, a page whose report is a PDF attachment, a page with a
 * .docx attachment, one with a .doc attachment when a .doc fixture exists), a 年报 column of three
 * pages, a redirect, a 404, a path robots.txt disallows, a 503 that recovers, and a body larger
 * than any test limit. `hang()` starts a second server that accepts connections and never answers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { encodeGbk } from '../helpers/gbk.js';

/** The fixture a test needs. */
export const fixture = (path: string): Buffer => readFileSync(join('fixtures', path));

/** A .doc report among the fixtures (d20 adds .doc reading with its fixtures), or null. */
export function docFixture(): string | null {
  const walk = (dir: string): string | null => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = walk(path);
        if (found) return found;
      } else if (/\.doc$/i.test(entry.name)) return path;
    }
    return null;
  };
  return walk('fixtures');
}

/** An article page in a government CMS's frame: chrome, a metadata table, the body. */
export function articlePage(options: { title: string; date: string; body: string; charset?: string }): string {
  return `<!DOCTYPE html><html><head><meta charset="${options.charset ?? 'utf-8'}"><title>${options.title}_某某区人民政府</title></head>
<body><div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/files/nav-guide.pdf">办事指南.pdf</a></li></ul></div>
<table class="meta"><tr><td>发布机构</td><td>某某区人民政府办公室</td><td>发布日期</td><td>${options.date}</td></tr></table>
<h1>${options.title}</h1>
<div class="article-content">${options.body}</div>
<div class="footer">主办单位：某某区人民政府办公室 <a href="/sitemap.html">网站地图</a></div></body></html>`;
}

/** A column page listing reports, with a pager. */
function columnPage(items: [string, string, string][], pager: string): string {
  const list = items.map(([href, text, date]) => `<li><a href="${href}" title="${text}">${text}</a><span class="date">${date}</span></li>`).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="SiteName" content="某某区人民政府"><title>政府信息公开年报_某某区人民政府</title></head>
<body><div class="nav"><a href="/">首页</a><a href="/zwgk/ndbg/">政府信息公开年报</a></div>
<ul class="list">${list}</ul><div class="page">${pager}</div></body></html>`;
}

type Route = (req: IncomingMessage, res: ServerResponse) => void;

const send = (type: string, body: string | Uint8Array): Route => (_req, res) => {
  res.writeHead(200, { 'content-type': type });
  res.end(body);
};

/** The loopback site. */
export interface TestSite {
  base: string;
  /** Requests seen, in order (path and User-Agent). */
  seen: { path: string; agent: string }[];
  /** Most requests in flight at once. */
  maxInFlight: number;
  close: () => Promise<void>;
}

/** Builds the site's routes; `late` pages carry a publication date after the deadline. */
function routes(): Map<string, Route> {
  const pdf = fixture('corpus/original/002-hongze-district-2023.pdf');
  const docx = fixture('corpus/original/013-pingtan-2024.docx');
  const gbkPage = fixture('corpus/original/013-pingtan-2024.html');
  const pdfPage = (date: string): string => articlePage({
    title: '洪泽区人民政府2023年政府信息公开工作年度报告', date,
    body: '<p>现将本区2023年政府信息公开工作年度报告予以公布，详见附件。</p><div class="fj"><p>附件：<a href="/files/P020240120.pdf">洪泽区人民政府2023年政府信息公开工作年度报告.pdf</a></p></div>',
  });
  const r = new Map<string, Route>();
  r.set('/robots.txt', send('text/plain', 'User-agent: *\nDisallow: /private/\n'));
  // The real GBK page, served as GBK: once declared in the page only, once in the HTTP header only.
  r.set('/art/2025/t20250310_1.htm', send('text/html', gbkPage));
  r.set('/art/2025/t20250310_2.htm', send('text/html; charset=GBK', Buffer.from(gbkPage.toString('latin1').replace(/<meta http-equiv="Content-Type" content="text\/html; charset=gbk">/i, ''), 'latin1')));
  r.set('/art/2024/t20240120_80576.htm', send('text/html; charset=utf-8', pdfPage('2024-01-20')));
  r.set('/art/2024/t20240420_80577.htm', send('text/html; charset=utf-8', pdfPage('2024-04-20')));
  r.set('/files/P020240120.pdf', send('application/pdf', pdf));
  r.set('/art/2025/t20250310_3.htm', send('text/html', encodeGbk(articlePage({
    title: '平潭综合实验区2024年度政府信息公开工作年度报告', date: '2025-03-10', charset: 'gbk',
    body: '<p>详见附件。</p><div class="attach">附件下载：<ul><li><a href="/files/download.jsp?id=7">平潭综合实验区2024年度政府信息公开工作年度报告.docx</a></li></ul></div>',
  }))));
  r.set('/files/download.jsp', send('application/octet-stream', docx));
  const doc = docFixture();
  if (doc) {
    r.set('/art/2019/t20190131_9.htm', send('text/html; charset=utf-8', articlePage({
      title: '2018年政府信息公开工作年度报告', date: '2019-01-31',
      body: '<p>附件：<a href="/files/P0201901.doc">2018年政府信息公开工作年度报告.doc</a></p>',
    })));
    r.set('/files/P0201901.doc', send('application/msword', readFileSync(doc)));
  }
  r.set('/art/notice.htm', send('text/html; charset=utf-8', articlePage({ title: '关于开展政务公开培训的通知', date: '2024-05-06', body: '<p>各单位：定于下周开展培训。</p>' })));
  r.set('/art/offsite.htm', send('text/html; charset=utf-8', articlePage({
    title: '某局2023年政府信息公开工作年度报告', date: '2024-01-25',
    body: '<p>附件：<a href="http://localhost:1/files/report.pdf">某局2023年政府信息公开工作年度报告.pdf</a></p>',
  })));
  r.set('/old/report.htm', (_req, res) => {
    res.writeHead(302, { location: '/art/2025/t20250310_1.htm' });
    res.end();
  });
  r.set('/loop', (_req, res) => {
    res.writeHead(301, { location: '/loop' });
    res.end();
  });
  r.set('/private/report.htm', send('text/html; charset=utf-8', pdfPage('2024-01-20')));
  let flaky = 0;
  r.set('/flaky.pdf', (_req, res) => {
    if (flaky++ === 0) {
      res.writeHead(503);
      res.end('busy');
    } else send('application/pdf', pdf)(_req, res);
  });
  r.set('/huge.pdf', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const more = (): void => {
      while (sent < 8 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', more);
      }
      res.end();
    };
    res.on('error', () => undefined);
    more();
  });
  // The column: index.html → (下一页) index_1.html → (page number) list.jsp?page=3.
  r.set('/zwgk/ndbg/index.html', send('text/html; charset=utf-8', columnPage([
    ['/art/2025/t20250310_1.htm', '平潭综合实验区2024年度政府信息公开工作年度报告', '2025-03-10'],
    ['/art/2024/t20240120_80576.htm', '洪泽区人民政府2023年政府信息公开工作年度报告', '2024-01-20'],
    ['/art/notice.htm', '关于开展政务公开培训的通知', '2024-05-06'],
  ], '<a href="index.html">首页</a> <a href="index_1.html">下一页</a>')));
  r.set('/zwgk/ndbg/index_1.html', send('text/html; charset=utf-8', columnPage([
    ['/art/2025/t20250310_3.htm', '2024年度政府信息公开工作年度报告', '2025-03-10'],
    ['/missing/t2023.htm', '2022年政府信息公开年报', '2023-01-30'],
  ], '<a href="index.html">1</a> <a href="index_1.html">2</a> <a href="list.jsp?page=3">3</a>')));
  r.set('/zwgk/ndbg/list.jsp', (req, res) => {
    if (!req.url?.includes('page=3')) return void res.writeHead(404).end();
    send('text/html; charset=utf-8', columnPage([
      ['/old/report.htm', '平潭综合实验区2024年度政府信息公开工作年度报告（旧址）', '2025-03-11'],
    ], '<a href="index_1.html">上一页</a>'))(req, res);
  });
  return r;
}

/** Starts the site on a free loopback port. */
export async function startSite(): Promise<TestSite> {
  const table = routes();
  let inFlight = 0;
  const site: TestSite = { base: '', seen: [], maxInFlight: 0, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    site.seen.push({ path: req.url ?? '/', agent: String(req.headers['user-agent'] ?? '') });
    inFlight++;
    site.maxInFlight = Math.max(site.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    // A little latency so that requests overlap when the client allows it.
    setTimeout(() => {
      const route = table.get(path);
      if (route) route(req, res);
      else {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<html><body>404 页面不存在</body></html>');
      }
    }, 15);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return site;
}

/** A server that accepts connections and never answers (for timeouts). */
export async function hang(): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
