/**
 * End-to-end test of the web page: builds it with Vite into a temporary folder, serves it with
 * `runServe` on a random port and drives Debian's Chromium with playwright-core. The page must
 * show the same findings as the CLI, highlight the failing table cells, download the same JSON,
 * log no console errors and make no request outside its own origin.
 *
 * Skipped only when Chromium is missing and CI is not set (CI must run it).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runServe } from '../../src/cli/serve.js';
import type { Finding } from '../../src/model/finding.js';
import { runCli } from '../helpers/cli.js';
import { CHROMIUM_ARGS, findChromium } from '../helpers/chromium.js';
import { expectFits, layoutFacts } from './layout.js';

const ROOT = new URL('../../', import.meta.url);
const path = (p: string): string => new URL(p, ROOT).pathname;
const SEED = 'fixtures/seeds/003-ankang-2018.txt';
const PDF = 'fixtures/corpus/original/002-hongze-district-2023.pdf';
const OUTPUT = path('test-output/');
/** A desktop and a phone (iPhone 12–15 width). */
const WIDTHS = [1366, 390] as const;
const layoutLog: string[] = [];


const CHROMIUM = findChromium();
const ARGS = [...CHROMIUM_ARGS];

interface CliJson {
  results: { file: string; report: Record<string, unknown>; findings: Finding[] }[];
  summary: Record<string, number>;
}

async function cliJson(file: string): Promise<CliJson> {
  const run = await runCli(['check', '--format', 'json', '--no-waivers', file]);
  return JSON.parse(run.stdout) as CliJson;
}

describe.skipIf(CHROMIUM === null && !process.env.CI)('web page (Chromium)', { timeout: 180_000 }, () => {
  let outDir = '';
  let url = '';
  let stop: () => void = () => undefined;
  let served: Promise<number> = Promise.resolve(0);
  let printed = '';
  let browser: Browser;
  const consoleErrors: string[] = [];
  const requests: { url: string; method: string; afterLoad: boolean }[] = [];

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'xxgk-web-'));
    mkdirSync(OUTPUT, { recursive: true });
    await build({ configFile: path('web/vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += String(chunk);
      return true;
    });
    const listening = new Promise<string>((ok) => {
      served = runServe({ port: 0, host: '127.0.0.1', root: outDir, until: new Promise<void>((done) => (stop = done)), onListening: ok });
    });
    url = await listening;
    write.mockRestore();
    if (CHROMIUM === null) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    stop();
    await served;
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  /** A fresh page on the served site, with console errors and requests recorded. */
  async function open(viewport = { width: 1440, height: 1000 }): Promise<Page> {
    const context = await browser.newContext({ acceptDownloads: true, viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    let loaded = false;
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), afterLoad: loaded }));
    await page.goto(url);
    await page.waitForSelector('body[data-state="ready"]');
    loaded = true;
    return page;
  }

  type Shown = { ruleId: string; severity: string; message: string };
  // The page groups findings by section and table, so its order differs from the CLI's.
  const sorted = (list: Shown[]): Shown[] => [...list].sort((a, b) => `${a.ruleId}|${a.message}`.localeCompare(`${b.ruleId}|${b.message}`));
  const asShown = (findings: readonly Finding[]): Shown[] => sorted(findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message })));

  async function shownFindings(page: Page): Promise<Shown[]> {
    return sorted(
      await page.$$eval('li.finding', (items) =>
        items.map((li) => ({ ruleId: li.getAttribute('data-rule') ?? '', severity: li.getAttribute('data-severity') ?? '', message: li.querySelector('.message')?.textContent ?? '' })),
      ),
    );
  }

  it('prints its URL in Chinese', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(printed).toContain(`已启动：${url}`);
    expect(printed).toContain('不会上传');
  });

  it('(a) shows the findings of pasted text, as the CLI finds them', async () => {
    const expected = (await cliJson(SEED)).results[0]!.findings;
    expect(expected.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['stat-channels-cover-total', 'blank-cells']));
    const page = await open();
    await expect(page.textContent('#privacy')).resolves.toContain('不会上传');
    await page.click('#paste-details summary');
    await page.fill('#paste-text', readFileSync(path(SEED), 'utf8'));
    await page.click('#paste-form button[type="submit"]');
    await page.waitForSelector('body[data-state="done"]');
    expect(await shownFindings(page)).toEqual(asShown(expected));
    const errors = expected.filter((f) => f.severity === 'error').length;
    await expect(page.textContent('#status')).resolves.toMatch(new RegExp(`检查完成.*${errors} 个错误`));
    // The blank 统计表 cell is marked as blank (blank is not 0: the sum it belongs to cannot be checked).
    const cell = page.locator('[data-cell="stat.org.3.v"]');
    // Its cannot-check finding is folded into blank-cells (one defect, one finding): tinted as info.
    await expect(cell.getAttribute('class')).resolves.toMatch(/xl-s-blank.*xl-tint-info|xl-mark.*xl-info/);
    await expect(cell.textContent()).resolves.toContain('空');
    // What the same defect also caused is listed under the finding that explains it, closed.
    const folding = expected.filter((f) => (f.related?.length ?? 0) > 0);
    expect(folding.length).toBeGreaterThan(0);
    const related = await page.$$eval('li.finding details.related', (ds) => ds.map((d) => ({ open: (d as HTMLDetailsElement).open, summary: d.querySelector('summary')?.textContent ?? '', items: d.querySelectorAll('li').length })));
    expect(related).toEqual(expect.arrayContaining(folding.map((f) => ({ open: false, summary: `同一问题还导致 ${f.related!.length} 项`, items: f.related!.length }))));
    expect(related).toHaveLength(folding.length);
    // Grouped by table and section, in report order.
    const groups = await page.$$eval('.finding-group h4', (hs) => hs.map((h) => h.textContent ?? ''));
    expect(groups.some((g) => g.startsWith('政府信息公开情况统计表'))).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(OUTPUT, 'web-003.png'), fullPage: true });
    await page.context().close();
  });

  it('(b, d) checks an uploaded PDF, highlights the 表四 cell and downloads the CLI JSON', async () => {
    const cli = await cliJson(PDF);
    const page = await open();
    await page.setInputFiles('#file-input', path(PDF));
    await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
    const shown = await shownFindings(page);
    expect(shown.filter((f) => f.ruleId === 'table4-group-total' && f.severity === 'error')).toHaveLength(2);
    expect(shown).toEqual(asShown(cli.results[0]!.findings));
    // The place as the PDF shows it (page 4, its 14th line), as the CLI prints it.
    await expect(page.locator('li.finding[data-rule="table4-group-total"] .where').first().textContent()).resolves.toBe('第4页 第14行');

    const cell = page.locator('[data-cell="t4.rev.total"]');
    await expect(cell.getAttribute('class')).resolves.toMatch(/xl-mark.*xl-error/);
    await expect(cell.textContent()).resolves.toContain('应为 11');
    // "在表格中查看" scrolls to the cell and focuses it.
    await page.locator('li.finding[data-rule="table4-group-total"]').first().getByRole('button', { name: '在表格中查看' }).click();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).resolves.toBe('t4.rev.total');
    await page.screenshot({ path: join(OUTPUT, 'web-002.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    expect(download.suggestedFilename()).toBe('002-hongze-district-2023-检查结果.json');
    const json = JSON.parse(readFileSync(await download.path(), 'utf8')) as CliJson;
    expect(json.results).toHaveLength(1);
    expect(json.results[0]!.file).toBe('002-hongze-district-2023.pdf');
    expect(json.results[0]!.report).toEqual(cli.results[0]!.report);
    expect(json.results[0]!.findings).toEqual(cli.results[0]!.findings);
    expect(json.summary).toEqual(cli.summary);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#download-xlsx')]);
    expect(readFileSync(await xlsx.path()).subarray(0, 2).toString('latin1')).toBe('PK');
    const [html] = await Promise.all([page.waitForEvent('download'), page.click('#download-html')]);
    expect(readFileSync(await html.path(), 'utf8')).toMatch(/data-cell="t4\.rev\.total"[^>]*class="[^"]*xl-mark/);
    await page.context().close();
  });

  it('is usable with the keyboard: arrows between findings, Enter locates, R explains the rule', async () => {
    const page = await open();
    await page.setInputFiles('#file-input', path(SEED));
    await page.waitForSelector('body[data-state="done"]');
    await page.focus('li.finding[tabindex="0"]');
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('data-rule'));
    expect(second).toBe('stat-channels-cover-total');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.closest('[data-cell]')?.getAttribute('data-cell') ?? document.activeElement?.id)).resolves.toBeTruthy();
    await page.focus('li.finding[data-rule="date-present"]').catch(() => undefined);
    await page.locator('li.finding[data-rule="blank-cells"]').focus();
    await page.keyboard.press('r');
    const dialog = page.locator('#rule-dialog');
    await expect(dialog.isVisible()).resolves.toBe(true);
    await expect(dialog.textContent()).resolves.toContain('依据');
    await page.keyboard.press('Escape');
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-rule'))).resolves.toBe('blank-cells');
    // The severity filter hides findings.
    await page.uncheck('input[data-severity="warning"]');
    expect((await shownFindings(page)).length).toBeGreaterThan(0);
    await expect(page.locator('li.finding[data-severity="warning"]:visible').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('works offline once loaded: checks a PDF and reloads with the network off', async () => {
    const page = await open();
    await page.waitForSelector('body[data-offline="ready"]', { timeout: 60_000 });
    await expect(page.locator('#offline-note').isVisible()).resolves.toBe(true);
    await page.context().setOffline(true);
    // Fails if the page reached the network: pdf.js, its worker and CMaps must come from the cache.
    await page.setInputFiles('#file-input', path(PDF));
    await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
    await expect(page.locator('li.finding[data-rule="table4-group-total"][data-severity="error"]').count()).resolves.toBe(2);
    await page.reload();
    await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
    await page.locator('#paste-details summary').click();
    await page.fill('#paste-text', readFileSync(path(SEED), 'utf8'));
    await page.locator('#paste-form button[type="submit"]').click();
    await page.waitForSelector('body[data-state="done"]', { timeout: 30_000 });
    await expect(page.locator('li.finding').count()).resolves.toBeGreaterThan(0);
    await page.context().close();
  });

  it('fits 1366 px and 390 px: no page scrolling sideways, nothing clipped, the footer ends the page', async () => {
    for (const width of WIDTHS) {
      const page = await open({ width, height: 900 });
      // Before a file: a short page, where an empty band below the footer would show.
      let facts = await layoutFacts(page);
      expectFits(facts, `page ready @${width}`);
      await page.setInputFiles('#file-input', path(PDF));
      await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
      facts = await layoutFacts(page);
      expectFits(facts, `page with results @${width}`);
      // The results grid's tables scroll inside their own panel, not the page.
      expect(await page.locator('#panel-tables').evaluate((el) => el.getBoundingClientRect().right <= document.documentElement.clientWidth + 0.5)).toBe(true);
      await page.evaluate(() => window.scrollTo(0, 0));
      const shot = join(OUTPUT, `web-layout-${width}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      layoutLog.push(`page @${width}: ${JSON.stringify(facts.summary)}`);
      // The rule dialog fits too, and shows description, basis and examples, not regexes or paths.
      await page.locator('li.finding[data-rule="table4-group-total"]').first().getByRole('button', { name: /规则说明/ }).click();
      const dialog = page.locator('#rule-dialog');
      await expect(dialog.isVisible()).resolves.toBe(true);
      const box = await dialog.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(OUTPUT, `web-rule-dialog-${width}.png`) });
      await page.context().close();
    }
  }, 180_000);

  it('says an unreadable file could not be read, and why, not 检查完成', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-bad-'));
    try {
      // A PNG image renamed .pdf, and a .docx cut in half.
      const png = join(dir, '报告.pdf');
      writeFileSync(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]));
      const docx = join(dir, '报告.docx');
      const whole = readFileSync(path('fixtures/corpus/original/013-pingtan-2024.docx'));
      writeFileSync(docx, whole.subarray(0, Math.floor(whole.length / 2)));
      for (const [file, why] of [[png, /PDF|图片|图像/], [docx, /Word|损坏/]] as const) {
        const page = await open();
        await page.setInputFiles('#file-input', file);
        await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
        const status = (await page.textContent('#status')) ?? '';
        expect(status).not.toContain('检查完成');
        expect(status).toMatch(/无法读取/);
        expect(status).toMatch(why);
        expect(await page.getAttribute('#status', 'data-outcome')).toBe('unreadable');
        await page.context().close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains a rule with its description, basis and a short excerpt of its examples, no regexes or file paths', async () => {
    const page = await open();
    await page.setInputFiles('#file-input', path(SEED));
    await page.waitForSelector('body[data-state="done"]');
    const rules = await page.$$eval('li.finding', (items) => [...new Set(items.map((li) => li.getAttribute('data-rule') ?? ''))]);
    expect(rules.length).toBeGreaterThan(2);
    for (const rule of rules) {
      await page.locator(`li.finding[data-rule="${rule}"]`).first().getByRole('button', { name: /规则说明/ }).click();
      const dialog = page.locator('#rule-dialog');
      await expect(dialog.isVisible()).resolves.toBe(true);
      const text = (await dialog.textContent()) ?? '';
      if (!rule.includes('/')) {
        expect(text, rule).toContain('依据');
        expect(text, rule).toMatch(/例子/);
      }
      expect(text, rule).not.toMatch(/fixtures\/|\.txt\b|\.ya?ml\b/);
      // No regular expressions: their syntax never reads as Chinese prose.
      expect(text, rule).not.toMatch(/\\[dsSwb]|\(\?[:=!<]|\[\^|\.\*|\.\+|\|\|/);
      await page.keyboard.press('Escape');
    }
    await page.context().close();
  });

  it('the HTML report (check --format html) fits 1366 px and 390 px; its tables scroll inside their own box', async () => {
    const run = await runCli(['check', '--format', 'html', '--no-waivers', PDF]);
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-htmlreport-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, run.stdout);
    try {
      for (const width of WIDTHS) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
        const page = await context.newPage();
        await page.goto(pathToFileURL(file).href);
        const facts = await layoutFacts(page);
        expectFits(facts, `html report @${width}`);
        expect(await page.locator('.xl-table').count()).toBeGreaterThan(0);
        const shot = join(OUTPUT, `html-report-layout-${width}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        expect(statSync(shot).size).toBeGreaterThan(10_000);
        layoutLog.push(`html report @${width}: ${JSON.stringify(facts.summary)}`);
        await context.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    writeFileSync(join(OUTPUT, 'layout-facts.txt'), layoutLog.join('\n') + '\n');
  }, 120_000);

  it('(c) logs no console errors and requests nothing outside its own origin', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    const origin = new URL(url).origin;
    expect(requests.filter((r) => new URL(r.url).origin !== origin && !r.url.startsWith('blob:') && !r.url.startsWith('data:'))).toEqual([]);
    // After the page loaded, only GETs of its own built files (code, pdf.js assets, the page itself
    // on reload), never a report sent anywhere.
    const builtFile = (u: string): boolean => {
      const pathname = decodeURIComponent(new URL(u, url).pathname);
      return pathname === '/' || (existsSync(join(outDir, pathname)) && statSync(join(outDir, pathname)).isFile());
    };
    expect(requests.filter((r) => r.afterLoad && !r.url.startsWith('blob:') && (r.method !== 'GET' || !builtFile(r.url)))).toEqual([]);
  });
});
