/**
 * The HTML report of 002 洪泽区 2023 opened in headless Chromium: the 表四 行政复议 总计 cell is
 * visible and painted in the error colour, on screen and in print, and the page logs no errors.
 * Saves a screenshot and a PDF to test-output/ for a look by eye.
 *
 * Needs Debian's `chromium`. Without it the test is skipped locally (with a message) but fails in
 * CI, where it must run.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBytes } from '../../src/check.js';
import { Checker } from '../../src/engine/run.js';
import { formatHtml, SEVERITY_COLORS } from '../../src/report/html.js';
import { builtinPacks, ROOT } from '../helpers/examples.js';
import { CHROMIUM_ARGS, findChromium } from '../helpers/chromium.js';


const CHROMIUM = findChromium();
const ARGS = [...CHROMIUM_ARGS];
const OUTPUT = join(ROOT, 'test-output');

if (!CHROMIUM && !process.env.CI) {
  console.warn('html-browser.test.ts: skipped — no `chromium` on PATH (install Debian\'s chromium to run it; in CI it is required)');
}

/** `#rrggbb` as getComputedStyle writes it. */
const rgb = (hex: string): string => `rgb(${[1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)).join(', ')})`;

describe.skipIf(!CHROMIUM && !process.env.CI)('html report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const problems: string[] = [];

  beforeAll(async () => {
    // In CI a missing browser is a failure, not a skip.
    if (!CHROMIUM) throw new Error('chromium is not installed, and CI requires the browser test to run');
    const file = 'fixtures/corpus/original/002-hongze-district-2023.pdf';
    const result = await checkBytes(new Uint8Array(readFileSync(join(ROOT, file))), file, new Checker(builtinPacks()));
    dir = mkdtempSync(join(tmpdir(), 'xxgk-html-'));
    const htmlPath = join(dir, 'report.html');
    writeFileSync(htmlPath, formatHtml([result], { locale: 'zh', color: false, version: 'test' }));
    mkdirSync(OUTPUT, { recursive: true });

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page: ${err.message}`));
    // The page is self-contained: any request other than the file itself is a defect.
    page.on('request', (req) => {
      if (!req.url().startsWith('file:')) problems.push(`request: ${req.url()}`);
    });
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const cell = (): ReturnType<Page['locator']> => page.locator('td[data-cell="t4.rev.total"]');
  const background = (): Promise<string> => cell().evaluate((el) => getComputedStyle(el).backgroundColor);

  it('shows 表四 行政复议 总计 in the error colour, with the expected value', async () => {
    await expect(cell().isVisible()).resolves.toBe(true);
    expect(await background()).toBe(rgb(SEVERITY_COLORS.error.bg));
    expect((await cell().innerText()).replace(/\s+/g, ' ')).toContain('0 → 应为 11');
    await page.screenshot({ path: join(OUTPUT, 'html-report-002.png'), fullPage: true });
  });

  it('goes from the cell to its finding', async () => {
    await cell().locator('a').first().click();
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toMatch(/^#f-/);
    const finding = page.locator(hash);
    await expect(finding.isVisible()).resolves.toBe(true);
    expect(await finding.locator('.xl-rule code').innerText()).toBe('table4-group-total');
  });

  it('keeps the highlight in print, and prints to A4', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await background()).toBe(rgb(SEVERITY_COLORS.error.bg));
    const adjust = await cell().evaluate((el) => {
      const style = getComputedStyle(el) as CSSStyleDeclaration & { printColorAdjust?: string; webkitPrintColorAdjust?: string };
      return style.printColorAdjust ?? style.webkitPrintColorAdjust;
    });
    expect(adjust).toBe('exact');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(join(OUTPUT, 'html-report-002.pdf'), pdf);
    await page.emulateMedia({ media: 'screen' });
  });

  it('logs no errors and loads nothing from outside', () => {
    expect(problems).toEqual([]);
  });
});
