/**
 * Ruled PDF tables read as whole rows ("lattice" mode). PDFs are printed in the test by headless
 * Chromium from the fixture texts, with narrow label columns so that labels wrap over several lines
 * and sit vertically centred beside their numbers (as Word and web pages printed to PDF have them),
 * once as one `<tr>` per text row and once in the format's own layout with `rowspan`/`colspan`
 * group labels. Each must give the canonical tables and findings of the text it was made from.
 *
 * Needs Debian's `chromium`. Without it the Chromium tests are skipped locally (with a message)
 * but fail in CI, where they must run. The geometry tests need no browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { Checker } from '../../src/engine/run.js';
import { ingest } from '../../src/ingest/index.js';
import { findLattices, mergeSegments } from '../../src/ingest/pdf-lattice.js';
import { extractRulings } from '../../src/ingest/pdf-rulings.js';
import { cellText, layOutTables } from '../../src/ingest/pdf-table-text.js';
import type { Finding } from '../../src/model/finding.js';
import type { Report, TableInstance } from '../../src/model/report.js';
import type { SourceText } from '../../src/model/source.js';
import { parseReport } from '../../src/parse/index.js';
import { gridFor, type GridCell } from '../../src/report/html-layout.js';
import { builtinPacks, ROOT } from '../helpers/examples.js';
import { CHROMIUM_ARGS, findChromium } from '../helpers/chromium.js';
import { escapeHtml, reportBodyHtml } from '../helpers/report-html.mjs';

// ---- geometry, without a browser --------------------------------------------------------------

/** Horizontal and vertical segments of a grid drawn with lines at `xs` × `ys`, minus `gaps`. */
function gridRulings(xs: number[], ys: number[], skip: (kind: 'h' | 'v', i: number, j: number) => boolean = () => false) {
  const horizontal = [];
  const vertical = [];
  for (let i = 0; i < ys.length; i++) {
    for (let j = 0; j + 1 < xs.length; j++) if (!skip('h', i, j)) horizontal.push({ pos: ys[i]!, from: xs[j]!, to: xs[j + 1]! });
  }
  for (let j = 0; j < xs.length; j++) {
    for (let i = 0; i + 1 < ys.length; i++) if (!skip('v', i, j)) vertical.push({ pos: xs[j]!, from: ys[i]!, to: ys[i + 1]! });
  }
  return { horizontal, vertical };
}

describe('lattice geometry', () => {
  it('merges border pieces on one line, across small gaps and sub-point offsets', () => {
    const merged = mergeSegments([
      { pos: 100, from: 0, to: 50 },
      { pos: 100.4, from: 51, to: 90 },
      { pos: 100.2, from: 120, to: 150 },
      { pos: 140, from: 0, to: 150 },
    ]);
    expect(merged.map((s) => [Math.round(s.pos), s.from, s.to])).toEqual([[100, 0, 90], [100, 120, 150], [140, 0, 150]]);
  });

  it('finds merged cells: a group label spanning rows and a heading spanning columns', () => {
    const xs = [50, 100, 200, 250, 300];
    const ys = [100, 120, 140, 160, 180];
    // Row 0: a heading over columns 1–3 (no vertical borders inside it). Column 0: one label
    // over rows 1–3 (no horizontal borders inside it).
    const rulings = gridRulings(xs, ys, (kind, i, j) =>
      (kind === 'v' && i === 0 && (j === 2 || j === 3)) || (kind === 'h' && (i === 2 || i === 3) && j === 0));
    const [lattice, ...others] = findLattices(rulings);
    expect(others).toEqual([]);
    expect(lattice?.xs).toEqual(xs);
    expect(lattice?.ys).toEqual(ys);
    const spans = lattice?.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan]);
    expect(spans).toContainEqual([0, 1, 1, 3]);
    expect(spans).toContainEqual([1, 0, 3, 1]);
    expect(spans).toHaveLength(1 + 1 + 1 + 3 * 3);
  });

  it('takes a row cut by a page break (vertical borders running past the last rule) as an open row', () => {
    const rulings = gridRulings([50, 100, 150], [100, 120]);
    rulings.vertical.push({ pos: 50, from: 120, to: 150 }, { pos: 100, from: 120, to: 150 }, { pos: 150, from: 120, to: 150 });
    const [lattice] = findLattices(rulings);
    expect(lattice?.ys).toEqual([100, 120, 150]);
    expect(lattice?.openBottom).toBe(true);
    expect(lattice?.openTop).toBe(false);
  });

  it('is no table for a frame around a paragraph or a rule under a heading', () => {
    expect(findLattices(gridRulings([50, 500], [100, 300]))).toEqual([]);
    expect(findLattices({ horizontal: [{ pos: 100, from: 50, to: 500 }], vertical: [] })).toEqual([]);
  });

  it('reads thin filled rectangles and stroked lines under the current transform, not white fills or clips', () => {
    const path = (...points: number[][]): Float32Array =>
      new Float32Array(points.flatMap((p, i) => [i === 0 ? 0 : 1, p[0]!, p[1]!]).concat([4]));
    const ops = {
      fnArray: [OPS.save, OPS.transform, OPS.constructPath, OPS.constructPath, OPS.setFillRGBColor, OPS.constructPath, OPS.restore, OPS.constructPath],
      argsArray: [
        null,
        [2, 0, 0, 2, 0, 0],
        [OPS.fill, [path([10, 10], [60, 10], [60, 10.5], [10, 10.5])], null], // a 0.5-high bar → horizontal rule at y≈20
        [OPS.endPath, [path([0, 0], [100, 0], [100, 100], [0, 100])], null], // a clip: not painted
        ['#ffffff'],
        [OPS.fill, [path([10, 30], [60, 30], [60, 30.5], [10, 30.5])], null], // white: invisible
        null,
        [OPS.stroke, [new Float32Array([0, 5, 0, 1, 5, 40])], null], // a stroked vertical line
      ],
    };
    // Identity base: user space is page space here.
    const rulings = extractRulings(ops, [1, 0, 0, 1, 0, 0]);
    expect(rulings.horizontal.map((s) => [s.pos, s.from, s.to])).toEqual([[20.5, 20, 120]]);
    expect(rulings.vertical.map((s) => [s.pos, s.from, s.to])).toEqual([[5, 0, 40]]);
  });

  it('joins a wrapped, vertically centred label into one cell on the row of its numbers', () => {
    const [lattice] = findLattices(gridRulings([50, 100, 150], [100, 160, 220]));
    const item = (text: string, x: number, y: number) => ({ text, x, y, width: 10 * Array.from(text).length, size: 10 });
    const { rows, rest } = layOutTables(lattice ? [lattice] : [], [
      item('一、本年', 52, 120), item('新收申请', 52, 132), item('数量', 52, 144), item('217', 110, 134),
      item('二、上年', 52, 185), item('结转', 52, 197), item('0', 110, 191),
      item('正文', 60, 300),
    ]);
    expect(rows.map((r) => r.text)).toEqual(['一、本年新收申请数量\t217', '二、上年结转\t0']);
    expect(rest.map((i) => i.text)).toEqual(['正文']);
    expect(cellText([item('Total', 0, 10), item('of', 55, 10), item('rows', 0, 22)])).toBe('Total of rows');
  });
});

// ---- printed by Chromium ----------------------------------------------------------------------


const CHROMIUM = findChromium();
const ARGS = [...CHROMIUM_ARGS];
if (!CHROMIUM && !process.env.CI) {
  console.warn('pdf-lattice.test.ts: Chromium tests skipped — no `chromium` on PATH (install Debian\'s chromium to run them; in CI they are required)');
}

const readText = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** Narrow label column, borders, cells vertically centred: labels wrap beside their numbers. */
const STYLE = (borders: boolean): string => `body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;font-size:14px;line-height:1.6}
table{border-collapse:collapse;margin:1em 0}
td{${borders ? 'border:1px solid #000;' : ''}padding:2px 6px;vertical-align:middle}
td:first-child{width:6em}`;

const page = (body: string, borders = true): string =>
  `<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><style>${STYLE(borders)}</style><body>${body}</body></html>`;

/** One `<tr>` per TAB row of the text, one `<p>` per other line (as bench/web.mjs prints it). */
const rowsHtml = (text: string, borders = true): string => page(reportBodyHtml(text), borders);

/** A canonical table in the format's printed layout, with row- and column-spanning labels. */
function spannedTable(table: TableInstance): string {
  const grid = gridFor(table, { label: '统计指标', unit: '单位' });
  const cells = Object.values(table.cells);
  const td = (c: GridCell): string => {
    const rowspan = 'rowspan' in c && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : '';
    const colspan = c.colspan > 1 ? ` colspan="${c.colspan}"` : '';
    const text = c.kind === 'data' ? cells.find((x) => x.row === c.row && x.col === c.col)?.raw ?? '' : c.text;
    return `<td${rowspan}${colspan}>${escapeHtml(text)}</td>`;
  };
  return `<table>${[...grid.head, ...grid.body].map((r) => `<tr>${r.cells.map(td).join('')}</tr>`).join('')}</table>`;
}

/** The text with each canonical table's lines replaced by the table in the format's layout. */
function spannedHtml(text: string, report: Report): string {
  const lines = text.split('\n');
  const ranges = Object.values(report.tables).map((t) => {
    const ends = Object.values(t.cells).map((c) => c.at.endLine ?? c.at.line);
    return { table: t, from: t.at.line, to: Math.max(t.at.line, ...ends) };
  }).sort((a, b) => a.from - b.from);
  const out: string[] = [];
  lines.forEach((line, i) => {
    const n = i + 1;
    const range = ranges.find((r) => n >= r.from && n <= r.to);
    // A section heading the table starts at stays a heading.
    const heading = range !== undefined && n === range.from && !line.includes('\t') && /^[一二三四五六七八九十]+、/.test(line.trim());
    if (range !== undefined && !heading) {
      if (n === range.from || (n === range.from + 1 && lines[range.from - 1]?.includes('\t') === false && /^[一二三四五六七八九十]+、/.test(lines[range.from - 1]?.trim() ?? ''))) out.push(spannedTable(range.table));
      return;
    }
    if (line.trim() !== '') out.push(`<p>${escapeHtml(line)}</p>`);
  });
  return page(out.join(''));
}

/** Every cell of every canonical table, as `id → [state, value]`. */
function tablesOf(report: Report): Record<string, Record<string, [string, number | null]>> {
  return Object.fromEntries(Object.entries(report.tables).map(([id, table]) => [id,
    Object.fromEntries(Object.values(table.cells).map((c) => [c.id, [c.state, c.value]]))]));
}

const findingKeys = (findings: readonly Finding[], errorsOnly = false): string[] =>
  findings.filter((f) => !errorsOnly || f.severity === 'error').map((f) => JSON.stringify([f.ruleId, f.severity, f.message])).sort();

describe.skipIf(!CHROMIUM && !process.env.CI)('ruled tables in PDFs printed by Chromium', () => {
  let browser: Browser;
  let checker: Checker;

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('chromium is not installed, and CI requires the PDF lattice tests to run');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    checker = new Checker(builtinPacks());
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function print(html: string): Promise<Uint8Array> {
    const tab = await browser.newPage();
    await tab.setContent(html);
    const pdf = await tab.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' } });
    await tab.close();
    return new Uint8Array(pdf);
  }

  async function read(bytes: Uint8Array, name: string): Promise<{ source: SourceText; report: Report; findings: Finding[] }> {
    const source = await ingest(bytes, name);
    const report = parseReport(source);
    return { source, report, findings: await checker.check(report) };
  }

  const fromText = async (path: string) => read(new Uint8Array(readFileSync(join(ROOT, path))), path);

  it('013 (2021 format) one row per <tr>: wrapped labels come out whole, same tables and findings as the text', async () => {
    const path = 'fixtures/corpus/text/013-pingtan-2024.txt';
    const text = await fromText(path);
    const html = rowsHtml(readText(path));
    const pdf = await read(await print(html), '013.pdf');
    expect(pdf.source.problems).toEqual([]);
    const lines = pdf.source.lines.map((l) => l.text);
    // The label wrapped over three lines in its narrow cell is one cell of its row.
    expect(lines.map((l) => l.replace(/\t+$/, ''))).toContain('一、本年新收政府信息公开申请数量\t217\t1\t0\t0\t0\t0\t218');
    expect(lines.some((l) => /^府信息公开申请|^数量$/.test(l))).toBe(false);
    expect(Object.keys(pdf.report.tables).sort()).toEqual(['t2', 't3', 't4']);
    expect(tablesOf(pdf.report)).toEqual(tablesOf(text.report));
    expect(findingKeys(pdf.findings)).toEqual(findingKeys(text.findings));
    // The parser sees the rows the HTML reader gives for the same page (trailing empty cells aside).
    const html2 = await read(new TextEncoder().encode(html), '013.html');
    // (Spaces aside too: the HTML keeps a typed space inside a Chinese label, "办 理结果".)
    const rows = (s: SourceText): string[] => s.lines.map((l) => l.text.replace(/\t+$/, '').replace(/ /g, '')).filter((t) => t.includes('\t'));
    expect(rows(pdf.source)).toEqual(rows(html2.source));
    // Rows keep their page and line in the page.
    const row = pdf.source.lines.find((l) => l.text.startsWith('（七）总计\t'));
    expect(row?.origin.page).toBeGreaterThan(1);
    expect(row?.origin.pageLine).toBeGreaterThan(0);
  }, 60_000);

  it('013 as the agency published it (real rowspan/colspan HTML): same tables and findings as the text', async () => {
    const text = await fromText('fixtures/corpus/text/013-pingtan-2024.txt');
    // The page is GB2312, as many government sites still serve.
    const original = new TextDecoder('gbk').decode(readFileSync(join(ROOT, 'fixtures/corpus/original/013-pingtan-2024.html')))
      .replace(/<(script|link|img|iframe)\b[^>]*>(<\/\1>)?/gi, '')
      .replace('</head>', `<style>td{vertical-align:middle}td:first-child{width:4em}</style></head>`);
    const pdf = await read(await print(original), '013-original.pdf');
    expect(pdf.source.lines.some((l) => l.text.startsWith('三、本年度办理结果\t（一）予以公开\t'))).toBe(true);
    expect(tablesOf(pdf.report)).toEqual(tablesOf(text.report));
    // The page's chrome (发布日期) is printed too, so the findings are those of the page itself.
    const page = await read(new Uint8Array(readFileSync(join(ROOT, 'fixtures/corpus/original/013-pingtan-2024.html'))), '013.html');
    expect(tablesOf(page.report)).toEqual(tablesOf(text.report));
    // (Except the deadline: printed, the page's 发布日期 line is body text, read as the date.)
    const notDeadline = (f: Finding): boolean => f.ruleId !== 'deadline';
    expect(findingKeys(pdf.findings.filter(notDeadline))).toEqual(findingKeys(page.findings.filter(notDeadline)));
  }, 60_000);

  it.each([
    ['2021 format, spanned group labels', 'fixtures/corpus/text/013-pingtan-2024.txt', ['t2', 't3', 't4']],
    ['2019 format', 'fixtures/seeds/004-wanyuan-2019.txt', ['t2', 't3', 't4']],
    ['2008 统计表', 'fixtures/seeds/001-linzi-2017.txt', ['stat']],
  ])('%s (%s) in the format\'s layout with rowspan/colspan: same tables and errors as the text', async (_name, path, ids) => {
    const text = await fromText(path);
    expect(Object.keys(text.report.tables).sort()).toEqual(ids);
    const pdf = await read(await print(spannedHtml(readText(path), text.report)), 'spanned.pdf');
    expect(pdf.source.lines.filter((l) => l.text.includes('\t')).length).toBeGreaterThan(10);
    expect(tablesOf(pdf.report)).toEqual(tablesOf(text.report));
    expect(findingKeys(pdf.findings, true)).toEqual(findingKeys(text.findings, true));
  }, 60_000);

  it('a table printed without borders is laid out by position, as before', async () => {
    const path = 'fixtures/corpus/text/013-pingtan-2024.txt';
    const html = rowsHtml(readText(path), false).replace('td:first-child{width:6em}', '');
    const pdf = await read(await print(html), 'borderless.pdf');
    const lines = pdf.source.lines.map((l) => l.text);
    expect(lines.some((l) => l.includes('\t'))).toBe(false);
    expect(lines.some((l) => /^（七）总计\s{2,}217(\s+\d+){6}$/.test(l.trim()))).toBe(true);
    expect(Object.keys(pdf.report.tables).sort()).toEqual(['t2', 't3', 't4']);
  }, 60_000);
});
