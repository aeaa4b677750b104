/**
 * The HTML summary in a real browser (headless Chromium through playwright-core): the SVG
 * charts draw a bar per rule with errors and per agency with errors, longest for the most
 * errors, with accessible titles; the page logs no error; a screenshot is kept for review.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { batchFolder, perRule, type JsonOut } from './helpers.js';
import { CHROMIUM_ARGS, findChromium } from '../helpers/chromium.js';


const executablePath = findChromium();
const ARGS = [...CHROMIUM_ARGS];

describe('the HTML summary in Chromium', () => {
  it.skipIf(!executablePath)('draws bars for the rules and agencies with errors, without console errors', async () => {
    const folder = batchFolder();
    const file = join(folder.out, 'summary.html');
    const run = await runCli(['check', '--format', 'json', '--manifest', folder.manifest, folder.dir, '--summary', file]);
    const out = JSON.parse(run.stdout) as JsonOut;
    const rulesWithErrors = new Map([...perRule(out)].filter(([, c]) => c.error > 0).map(([id, c]) => [id, c.error]));

    const browser = await chromium.launch({ executablePath: executablePath!, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
      await page.goto(pathToFileURL(resolve(file)).href);

      const bars = await page.$$eval('svg#chart-rules g.bar', (gs) => gs.map((g) => ({
        key: g.getAttribute('data-key'), label: g.getAttribute('data-label'), value: Number(g.getAttribute('data-value')), width: (g.querySelector('rect') as SVGRectElement).getBoundingClientRect().width, title: g.querySelector('title')?.textContent,
      })));
      expect(new Map(bars.map((b) => [b.key, b.value]))).toEqual(rulesWithErrors);
      // Labelled for people: each bar says what its rule checks, in Chinese, not its id.
      for (const b of bars) {
        expect(b.label, String(b.key)).toMatch(/[\u4e00-\u9fff]{4}/);
        expect(b.label).not.toBe(b.key);
      }
      for (const b of bars) expect(b.width, String(b.label)).toBeGreaterThan(0);
      const widest = bars.reduce((a, b) => (b.width > a.width ? b : a));
      expect(widest.value).toBe(Math.max(...rulesWithErrors.values()));
      expect(bars[0]!.title).toBe(`${bars[0]!.label}: ${bars[0]!.value}`);

      // Accessible: an image with a title and a description, and the data as a table.
      const chart = await page.$eval('svg#chart-rules', (svg) => ({
        role: svg.getAttribute('role'), title: svg.querySelector(':scope > title')?.textContent, desc: svg.querySelector(':scope > desc')?.textContent, labelledBy: svg.getAttribute('aria-labelledby'),
      }));
      expect(chart).toMatchObject({ role: 'img', title: '各规则发现的错误数', labelledBy: 'chart-rules-title chart-rules-desc' });
      expect(chart.desc).toContain(`${rulesWithErrors.size} 条规则有错误`);
      const tableRows = await page.$$eval('#chart-rules-figure details table tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
      expect(new Map(tableRows.map(([label, n]) => [label, Number(n)]))).toEqual(new Map(bars.map((b) => [b.label, b.value])));

      const agencyBars = await page.$$eval('svg#chart-agencies g.bar', (gs) => gs.map((g) => [g.getAttribute('data-label'), Number(g.getAttribute('data-value'))] as const));
      // hongze (表四 errors), the unreadable file and the manifest row whose report is missing.
      expect(agencyBars.length).toBeGreaterThanOrEqual(3);
      expect(agencyBars.map(([, v]) => v)).toEqual([...agencyBars.map(([, v]) => v)].sort((a, b) => b - a));
      expect(agencyBars.map(([a]) => a)).toContain(folder.missingAgency);
      expect(await page.title()).toBe('政府信息公开工作年度报告检查汇总');
      expect(problems).toEqual([]);

      mkdirSync('test-output', { recursive: true });
      await page.screenshot({ path: 'test-output/summary.png', fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
