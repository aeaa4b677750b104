/**
 * The 表三/表四 layouts of the metamorphic table suite (table-layouts.ts) printed to PDF by headless
 * Chromium from their HTML renderings, and read back through the PDF reader (issue 16). For each
 * layout and clean fixture, every cell the text read is compared with the PDF's: a layout is either
 * read cell for cell, or — where the PDF cannot say which column a value is in — its cells are
 * left unread, never read with another value, and the report draws no error from the table rules.
 * The share of cells read per layout, for the text, HTML and PDF renderings, is printed. A 表三
 * whose zero cells are left blank (no text at all in the PDF) is read by the columns' positions.
 *
 * One browser for the whole file. Without Chromium the file is skipped locally (with a message);
 * in CI (`CI` set) it must run.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Checker } from '../../src/engine/run.js';
import { ingest } from '../../src/ingest/index.js';
import type { Report } from '../../src/model/report.js';
import { parseReport } from '../../src/parse/index.js';
import { builtinPacks } from '../helpers/examples.js';
import { CHROMIUM_ARGS, findChromium } from '../helpers/chromium.js';
import { checkReport, original } from './harness.js';
import { htmlPage, htmlReport, layoutCells, T34_FIXTURES, TABLE_LAYOUTS, type TableLayout } from './table-layouts.js';
import { t3Html, t4Html } from './table-rewrite.js';

const CHROMIUM = findChromium();
if (!CHROMIUM && !process.env.CI) {
  console.warn('tables-pdf.test.ts: Chromium tests skipped — no `chromium` on PATH (install Debian\'s chromium to run them; in CI they are required)');
}

/** Ruled cells, centred vertically, a CJK font: as agencies' pages print. */
const STYLE = `body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;font-size:12px;line-height:1.5}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #000;padding:2px 4px;vertical-align:middle;text-align:center}`;

/** Cells read with the base value, cells read with another value, cells not read. */
interface Share {
  same: number;
  other: number;
  total: number;
}

/** How many of the base report's cells (minus the layout's own) another rendering read alike. */
function share(base: Report, now: Report, layout: TableLayout): Share & { wrong: string[] } {
  const skip = layout.skip ?? (() => false);
  const before = layoutCells(base, layout.tables);
  const after = layoutCells(now, layout.tables);
  const out = { same: 0, other: 0, total: 0, wrong: [] as string[] };
  for (const [id, value] of before) {
    if (skip(id)) continue;
    out.total++;
    const v = after.get(id);
    if (v === value) out.same++;
    else if (v !== undefined && v !== 'blank') {
      out.other++;
      out.wrong.push(`${id}: ${value} → ${v}`);
    }
  }
  return out;
}

const pct = (s: Share): string => (s.total === 0 ? '—' : `${((100 * s.same) / s.total).toFixed(1)} %`);
const add = (a: Share, b: Share): Share => ({ same: a.same + b.same, other: a.other + b.other, total: a.total + b.total });
const TABLE_RULES = /^(table3-|table4-|glued-digits-no-split)/;

/**
 * The fixtures printed to PDF (the rendering depends on the model, not on the text's layout; three
 * keep the file within a few minutes): a city with large counts, the 2021 example, a county
 * department whose 法人 columns are blank.
 */
const PDF_FIXTURES = new Set(['001-huaian-city-2024.txt', '013-pingtan-2024.txt', '023-shuyang-county-fgj-2023.txt']);

describe.skipIf(!CHROMIUM && !process.env.CI)('表三/表四 layouts printed to PDF by Chromium', () => {
  let browser: Browser;
  let checker: Checker;
  const rows: string[] = [];

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('chromium is not installed, and CI requires the PDF table-layout tests to run');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    checker = new Checker(builtinPacks());
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    if (rows.length > 0) console.log(['| layout | text | HTML | PDF |', '|---|---|---|---|', ...rows].join('\n'));
  });

  async function pdfOf(html: string): Promise<Uint8Array> {
    const tab = await browser.newPage();
    await tab.setContent(html);
    const pdf = await tab.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
    await tab.close();
    return new Uint8Array(pdf);
  }

  for (const layout of TABLE_LAYOUTS) {
    it(`${layout.name}: the PDF reads the cells the text reads, or leaves them unread without an error`, async () => {
      let text: Share = { same: 0, other: 0, total: 0 };
      let html: Share = { same: 0, other: 0, total: 0 };
      let pdf: Share = { same: 0, other: 0, total: 0 };
      const problems: string[] = [];
      let applied = 0;
      for (const file of T34_FIXTURES) {
        const base = await original(file);
        const rewritten = layout.apply(base.text, base.report);
        if (rewritten === null) continue;
        applied++;
        const name = file.split('/').pop()!;
        text = add(text, share(base.report, (await checkReport(rewritten)).report, layout));
        html = add(html, share(base.report, await htmlReport(layout.html(base.report)), layout));
        if (!PDF_FIXTURES.has(name)) continue;
        const report = parseReport(await ingest(await pdfOf(htmlPage(layout.html(base.report), STYLE)), `${name}.pdf`));
        const read = share(base.report, report, layout);
        pdf = add(pdf, read);
        for (const w of read.wrong) problems.push(`${name}: cell ${w}`);
        // Cells the PDF could not place are "cannot check", never an error of the table rules.
        if (read.same < read.total) {
          for (const f of await checker.check(report)) if (f.severity === 'error' && TABLE_RULES.test(f.ruleId)) problems.push(`${name}: error ${f.ruleId}: ${f.message}`);
        }
      }
      rows.push(`| ${layout.name} | ${pct(text)} | ${pct(html)} | ${pct(pdf)} |`);
      expect(problems).toEqual([]);
      expect(applied).toBeGreaterThanOrEqual(layout.minApplicable);
      expect(pdf.same).toBe(pdf.total);
    }, 120_000);
  }

  it.each([['ruled', true], ['borderless', false]])('表三 whose zero cells are left blank (%s PDF): every number read in its column, the blanks read as blank, no error', async (_name, borders) => {
    const style = borders ? STYLE : STYLE.replace('border:1px solid #000;', '');
    const problems: string[] = [];
    let counted = 0;
    for (const file of T34_FIXTURES) {
      const name = file.split('/').pop()!;
      if (!PDF_FIXTURES.has(name)) continue;
      const base = await original(file);
      const blankZero = { mark: (raw: string): string => (raw === '0' ? '' : raw) };
      const tables = `<p>三、收到和处理政府信息公开申请情况</p>${t3Html(base.report, blankZero)}<p>四、政府信息公开行政复议、行政诉讼情况</p>${t4Html(base.report, 'per-group')}`;
      const report = parseReport(await ingest(await pdfOf(htmlPage(tables, style)), `${name}.pdf`));
      for (const cell of Object.values(base.report.tables.t3!.cells)) {
        const now = report.tables.t3?.cells[cell.id];
        const expected = cell.raw === '0' ? 'blank' : cell.state === 'number' ? String(cell.value) : cell.state;
        const got = now === undefined ? '(not read)' : now.state === 'number' ? String(now.value) : now.state;
        counted++;
        if (got !== expected) problems.push(`${name}: ${cell.id}: ${expected} → ${got}`);
      }
      for (const f of await checker.check(report)) if (f.severity === 'error' && TABLE_RULES.test(f.ruleId)) problems.push(`${name}: error ${f.ruleId}: ${f.message}`);
    }
    expect(problems).toEqual([]);
    expect(counted).toBeGreaterThanOrEqual(3 * 168);
  }, 120_000);
});
