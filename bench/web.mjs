// Benchmark of the web page (run by `npm run bench` after bench/run.mjs): the size of what the
// browser downloads (first load, and the parts loaded on demand for PDF, Word and Excel), and the
// time from dropping a 10-page PDF on the page to seeing its findings, median of several drops.
// Needs the built page (web/dist, made by `npm run build`) and Debian's Chromium.
/* global DataTransfer, document */ // used inside page.evaluate (browser code)
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { startStaticServer } from '../dist/src/cli/serve.js';
import { reportBodyHtml } from '../test/helpers/report-html.mjs';

const DIST = 'web/dist';
const PAGES = 10;
const DROPS = 7;
const REPORT = 'fixtures/corpus/text/013-pingtan-2024.txt';
const lines = [];
const say = (s) => {
  console.log(s);
  lines.push(s);
};
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

// ---- Bundle size ---------------------------------------------------------------------------
const all = filesUnder(DIST).map((f) => ({ name: relative(DIST, f), bytes: statSync(f).size, gzip: gzipSync(readFileSync(f)).length }));
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
// What the first load fetches: the page, the files it names, and the chunks the entry imports
// statically (Vite adds them as modulepreload links).
const named = new Set([...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]));
const first = all.filter((f) => f.name === 'index.html' || named.has(f.name));
const group = (test) => all.filter((f) => !first.includes(f) && test(f.name));
const sum = (fs) => fs.reduce((a, f) => ({ bytes: a.bytes + f.bytes, gzip: a.gzip + f.gzip }), { bytes: 0, gzip: 0 });
const rows = [
  ['first load (page, entry script, styles, rule packs)', first],
  ['PDF reading (pdf.js and its worker), on demand', group((n) => /^assets\/pdf/.test(n))],
  ['pdf.js CMaps and standard fonts, on demand', group((n) => n.startsWith('pdfjs/'))],
  ['Excel download (exceljs), on demand', group((n) => /^assets\/xlsx/.test(n))],
  ['other on-demand chunks (Word, HTML readers …)', group((n) => n.startsWith('assets/') && !/^assets\/(pdf|xlsx)/.test(n))],
];
say(`# xxgk-lint web page benchmark — ${new Date().toISOString().slice(0, 10)}, Chromium ${execSync('chromium --version', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim().split(' ')[1] ?? ''}`);
say('');
say('## What the browser downloads (web/dist)');
say('| part | files | size | gzip |');
say('|---|---|---|---|');
for (const [name, fs] of rows) {
  const s = sum(fs);
  say(`| ${name} | ${fs.length} | ${kb(s.bytes)} | ${kb(s.gzip)} |`);
}
const total = sum(all);
say(`| everything (kept by the service worker for offline use) | ${all.length} | ${kb(total.bytes)} | ${kb(total.gzip)} |`);

// ---- A 10-page PDF of a real report, printed by Chromium (so it has a real text layer) -------
const browser = await chromium.launch({ executablePath: execSync('command -v chromium', { shell: '/bin/sh' }).toString().trim(), args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
function reportHtml(text, fontPx) {
  return `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><style>body{font-family:"WenQuanYi Micro Hei",sans-serif;font-size:${fontPx}px;line-height:1.6}table{border-collapse:collapse;margin:1em 0}td{border:1px solid #000;padding:2px 6px}</style><body>${reportBodyHtml(text)}</body></html>`;
}
async function printed(fontPx) {
  const page = await browser.newPage();
  await page.setContent(reportHtml(readFileSync(REPORT, 'utf8'), fontPx));
  const pdf = await page.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' } });
  await page.close();
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages = doc.numPages;
  await doc.destroy();
  return { pdf, pages };
}
let pdf = null;
for (let px = 12; px <= 40 && !pdf; px++) {
  const made = await printed(px);
  if (made.pages === PAGES) pdf = made.pdf;
  if (made.pages > PAGES) throw new Error(`no font size gives exactly ${PAGES} pages`);
}
if (!pdf) throw new Error(`the report never reached ${PAGES} pages`);
// Kept for a look with `xxgk-lint check` when asked (BENCH_KEEP_PDF=path).
if (process.env.BENCH_KEEP_PDF) writeFileSync(process.env.BENCH_KEEP_PDF, pdf);

// ---- Drop it on the served page, time until the findings are shown ---------------------------
const server = await startStaticServer(DIST, 0, '127.0.0.1');
const times = [];
const inPage = [];
let findings = 0;
for (let i = 0; i < DROPS; i++) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(server.url);
  await page.waitForSelector('body[data-state="ready"]');
  const transfer = await page.evaluateHandle((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'report-10-pages.pdf', { type: 'application/pdf' }));
    return data;
  }, Buffer.from(pdf).toString('base64'));
  const t0 = performance.now();
  await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer: transfer });
  await page.waitForSelector('body[data-state="done"] li.finding, body[data-state="done"] #results', { timeout: 120_000 });
  times.push(performance.now() - t0);
  inPage.push(Number(await page.evaluate(() => document.body.dataset.checkMs ?? 'NaN')));
  findings = await page.locator('li.finding').count();
  await page.close();
}
await server.close();
await browser.close();
say('');
say(`## Dropping a ${PAGES}-page PDF (${REPORT.split('/').pop()} printed by Chromium, ${kb(pdf.length)}) on the page`);
say(`Median of ${DROPS} drops, each on a freshly opened page (the first includes loading pdf.js): ${median(times).toFixed(0)} ms from the drop to the findings on screen (checking alone, as the page measures it: ${median(inPage).toFixed(0)} ms; slowest drop ${Math.max(...times).toFixed(0)} ms). Findings shown: ${findings}.`);
writeFileSync('bench/last-run-web.md', `${lines.join('\n')}\n`);
