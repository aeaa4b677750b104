// The PDFs the PDF benchmarks run on: the real PDFs in fixtures/corpus/original, and every text
// fixture (corpus texts and seeds) printed by Debian's Chromium, once with ruled tables (one <tr>
// per TAB row, as Word and web pages print) and once without borders (tables laid out by position
// only). Printing takes a while, so the printed files are kept in a cache folder (by a hash of the
// HTML and the Chromium version) and printed again only when that changes.
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportBodyHtml } from '../test/helpers/report-html.mjs';

const ORIGINALS = 'fixtures/corpus/original';
const TEXTS = ['fixtures/corpus/text', 'fixtures/seeds'];

const style = (borders) => `body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;font-size:14px;line-height:1.6}
table{border-collapse:collapse;margin:1em 0}td{${borders ? 'border:1px solid #000;' : ''}padding:2px 6px;vertical-align:middle}td:first-child{width:6em}`;
const html = (text, borders) => `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><style>${style(borders)}</style><body>${reportBodyHtml(text)}</body></html>`;

/** The real PDFs: `{ name, path }`. */
export function originalPdfs() {
  return readdirSync(ORIGINALS).filter((f) => f.endsWith('.pdf')).sort().map((f) => ({ name: f, path: join(ORIGINALS, f) }));
}

/**
 * Every PDF of the benchmark corpus as `{ name, path }`: the real ones, then the printed ones
 * (printed now when not in the cache; without Chromium only the real ones, with a note).
 */
export async function pdfCorpus({ cacheDir = process.env.BENCH_PDF_CACHE ?? join(tmpdir(), 'xxgk-bench-pdfs') } = {}) {
  const out = originalPdfs();
  let chromiumPath = null;
  try {
    chromiumPath = execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh', encoding: 'utf8' }).trim().split('\n')[0] || null;
  } catch {
    chromiumPath = null;
  }
  if (chromiumPath === null) {
    console.error('bench: no chromium on PATH, the Chromium-printed PDFs are left out');
    return out;
  }
  const version = execSync(`${chromiumPath} --version`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  mkdirSync(cacheDir, { recursive: true });
  const jobs = [];
  for (const dir of TEXTS) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const borders of [true, false]) {
        const page = html(text, borders);
        const hash = createHash('sha1').update(version).update(page).digest('hex').slice(0, 16);
        const name = `${f.replace(/\.txt$/, '')}-${borders ? 'ruled' : 'plain'}.pdf`;
        jobs.push({ name, path: join(cacheDir, `${hash}-${name}`), page });
      }
    }
  }
  const missing = jobs.filter((j) => !existsSync(j.path));
  if (missing.length > 0) {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      for (const job of missing) {
        const tab = await browser.newPage();
        await tab.setContent(job.page);
        writeFileSync(job.path, await tab.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' } }));
        await tab.close();
      }
    } finally {
      await browser.close();
    }
  }
  return [...out, ...jobs.map(({ name, path }) => ({ name, path }))];
}

// Run alone, it prints the corpus' paths (one a line), printing what is missing first.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await pdfCorpus()) console.log(f.path);
}
