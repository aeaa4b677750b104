/**
 * The `html` formatter on real reports, run through the real pipeline: the cells that findings
 * name are highlighted, show the expected value and link to their finding (which links back); a
 * clean report has no highlighted cell; every piece of report text is escaped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBytes, type FileResult } from '../../src/check.js';
import { Checker } from '../../src/engine/run.js';
import type { Report } from '../../src/model/report.js';
import { T3_COLS } from '../../src/format/definitions.js';
import { formatHtml, REPORT_CSS, renderResultHtml } from '../../src/report/html.js';
import type { FormatOptions, ResultEntry } from '../../src/report/types.js';
import { builtinPacks, ROOT } from '../helpers/examples.js';

const ZH: FormatOptions = { locale: 'zh', color: false, version: '0.0.0-test' };
const EN: FormatOptions = { locale: 'en', color: false, version: '0.0.0-test' };

async function check(path: string, locale: 'zh' | 'en' = 'zh'): Promise<FileResult> {
  return checkBytes(new Uint8Array(readFileSync(join(ROOT, path))), path, new Checker(builtinPacks(), { locale }));
}

/** Every `href="#…"` in the page points at an element that exists, and ids are unique. */
function expectLinksResolve($: CheerioAPI): void {
  const tags = new Map<string, string>();
  $('[id]').each((_, el) => {
    const id = $(el).attr('id')!;
    expect(tags.has(id), id).toBe(false);
    tags.set(id, el.tagName);
  });
  const hrefs = $('a[href^="#"]').map((_, el) => $(el).attr('href')!.slice(1)).get();
  expect(hrefs.length).toBeGreaterThan(0);
  for (const h of hrefs) expect(tags.has(h), `#${h}`).toBe(true);
  // `headers` attributes name header cells that exist.
  $('td[headers]').each((_, el) => {
    for (const h of $(el).attr('headers')!.split(' ')) expect(tags.get(h), h).toBe('th');
  });
}

let hongze: FileResult;
let huaian: FileResult;
beforeAll(async () => {
  hongze = await check('fixtures/corpus/original/002-hongze-district-2023.pdf');
  huaian = await check('fixtures/corpus/text/001-huaian-city-2024.txt');
});

describe('html formatter: 002 洪泽区 2023 (two 表四 errors)', () => {
  it('highlights 表四 行政复议 总计 as an error, shows the expected value and links to its finding and back', () => {
    const $ = load(formatHtml([hongze], ZH));
    const cell = $('td[data-cell="t4.rev.total"]');
    expect(cell).toHaveLength(1);
    expect(cell.hasClass('xl-mark')).toBe(true);
    expect(cell.hasClass('xl-error')).toBe(true);
    expect(cell.attr('data-severity')).toBe('error');
    expect(cell.text().replace(/\s+/g, ' ')).toContain('0 → 应为 11');

    const href = cell.find('a[href^="#f-"]').first().attr('href')!;
    const finding = $(`[id="${href.slice(1)}"]`);
    expect(finding.is('li.xl-finding.xl-error')).toBe(true);
    expect(finding.find('.xl-rule code').text()).toBe('table4-group-total');
    // The place as the PDF shows it: the 14th line of page 4 (not the 84th line of the whole text).
    expect(finding.text()).toContain('第4页 第14行');
    expect(finding.text()).toContain('表四 › 行政复议 › 总计');
    expect(finding.find('.xl-ea').text()).toBe('应为 11，实际 0');
    expect(finding.find('.xl-basis').text()).toMatch(/^依据：.*表四/);
    expect(finding.find(`a[href="#${cell.attr('id')}"]`)).toHaveLength(1);
  });

  it('highlights exactly the two cells the errors name; the table-level warning goes to 表三 caption', () => {
    const $ = load(formatHtml([hongze], ZH));
    const marked = $('td.xl-mark').map((_, el) => $(el).attr('data-cell')).get();
    expect(marked.sort()).toEqual(['t4.lit_after.total', 't4.rev.total']);
    expect($('td[data-cell="t4.lit_after.total"]').text()).toContain('应为 5');

    const note = $('table.xl-grid-t3 caption .xl-table-notes li');
    expect(note).toHaveLength(1);
    expect(note.hasClass('xl-warning')).toBe(true);
    const target = $(`[id="${note.find('a').attr('href')!.slice(1)}"]`);
    expect(target.find('.xl-rule code').text()).toBe('table3-other-single-row');
    expectLinksResolve($);
  });

  it('shows the header: file, agency, year, edition, counts', () => {
    const $ = load(formatHtml([hongze], ZH));
    expect($('html').attr('lang')).toBe('zh-CN');
    const head = $('.xl-file .xl-head');
    expect(head.find('h2').text()).toBe('fixtures/corpus/original/002-hongze-district-2023.pdf');
    const meta = Object.fromEntries(head.find('.xl-meta div').map((_, el) => [[$(el).find('dt').text(), $(el).find('dd').text()]]).get() as [string, string][]);
    expect(meta).toEqual({ 机关: '洪泽区人民政府', 年度: '2023 年度', 格式: '2021 版格式', 发布日期: '未找到' });
    expect(head.find('.xl-counts').text()).toBe('2 错误3 警告0 提示');
  });

  it('renders each table in the format layout, with captions, scoped headers and the definitions labels', () => {
    const $ = load(formatHtml([hongze], ZH));
    const tables = $('table.xl-grid');
    expect(tables.map((_, el) => $(el).attr('class')).get()).toEqual(['xl-grid xl-grid-t2', 'xl-grid xl-grid-t3', 'xl-grid xl-grid-t4']);
    tables.each((_, el) => {
      expect($(el).find('caption').text().length).toBeGreaterThan(0);
      expect($(el).find('th:not([scope])')).toHaveLength(0);
    });
    // 表三: seven applicant columns in the format's order, one row per canonical row.
    const t3 = $('table.xl-grid-t3');
    const newRow = t3.find('tr[data-row="new"] td.xl-c');
    expect(newRow.map((_, el) => $(el).attr('data-cell')).get()).toEqual(T3_COLS.map((c) => `t3.new.${c.id}`));
    // Each cell is labelled (through `headers`) by its column's label and its row's.
    newRow.each((k, el) => {
      const labels = $(el).attr('headers')!.split(' ').map((id) => $(`[id="${id}"]`).text());
      expect(labels).toContain(T3_COLS[k]!.label);
      expect(labels).toContain('一、本年新收政府信息公开申请数量');
    });
    expect(t3.find('tbody tr')).toHaveLength(hongze.report.tables.t3!.rows.length);
    expect(t3.find('td[data-cell="t3.new.np"]').text()).toBe('21');
    expect(t3.find('th[scope=rowgroup]').first().text()).toBe('三、本年度办理结果');
    // 表四: one row of fifteen cells under 行政复议 and 行政诉讼.
    const t4 = $('table.xl-grid-t4');
    expect(t4.find('thead th[scope=colgroup]').map((_, el) => $(el).text()).get()).toEqual(['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉']);
    expect(t4.find('tbody td.xl-c')).toHaveLength(15);
    // 表二: each 第二十条 item captioned.
    expect($('table.xl-grid-t2 th[scope=colgroup]').map((_, el) => $(el).text()).get()).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
  });

  it('writes English with locale en', async () => {
    const en = await check('fixtures/corpus/original/002-hongze-district-2023.pdf', 'en');
    const $ = load(formatHtml([en], EN));
    expect($('html').attr('lang')).toBe('en');
    expect($('td[data-cell="t4.rev.total"]').text()).toContain('→ expected 11');
    expect($('.xl-finding.xl-error').first().find('.xl-ea').text()).toBe('expected 11, actual 0');
    // The tables keep the format's Chinese labels, each marked as Chinese for screen readers.
    const t4Headers = $('.xl-tables table.xl-grid-t4 th');
    expect(t4Headers.length).toBeGreaterThan(0);
    expect(t4Headers.filter('[lang="zh-CN"]')).toHaveLength(t4Headers.length);
    expect($('.xl-tables table.xl-grid-t4 caption .xl-cap').attr('lang')).toBe('zh-CN');
  });
});

describe('html formatter: findings that follow from one defect', () => {
  it('lists the folded findings under the one that explains them, closed, with place, message and rule', async () => {
    // 沭阳县发改局 2023 leaves 125 表三 cells blank: one blank-cells finding, the cannot-check
    // findings of the relations those cells break are folded into it.
    const result = await check('fixtures/corpus/text/023-shuyang-county-fgj-2023.txt');
    const folding = result.findings.find((f) => f.ruleId === 'blank-cells' && (f.related?.length ?? 0) > 0)!;
    expect(folding).toBeDefined();
    const $ = load(formatHtml([result], ZH));
    const details = $('li.xl-finding details.xl-related');
    expect(details).toHaveLength(result.findings.filter((f) => (f.related?.length ?? 0) > 0).length);
    const first = details.first();
    expect(first.attr('open')).toBeUndefined();
    expect(first.find('summary').text()).toBe(`同一问题还导致 ${folding.related!.length} 项`);
    expect(first.find('li')).toHaveLength(folding.related!.length);
    expect(first.find('li').first().text()).toContain(folding.related![0]!.message);
    expect(first.find('li code').first().text()).toBe(folding.related![0]!.ruleId);
    // The page counts top-level findings only: one defect, one finding.
    expect($('li.xl-finding')).toHaveLength(result.findings.length);
  });
});

describe('html formatter: clean report, unreadable files, escaping', () => {
  it('has no highlighted cell for 001 淮安市 2024 (its findings name no table)', () => {
    const $ = load(formatHtml([huaian], ZH));
    expect($('table.xl-grid')).toHaveLength(3);
    expect($('.xl-grid .xl-mark, .xl-grid .xl-tint, .xl-table-notes')).toHaveLength(0);
    expect($('table.xl-grid-t3 tbody tr')).toHaveLength(25);
    expect($('li.xl-finding')).toHaveLength(huaian.findings.length);
  });

  it('shows only the findings of a file that could not be read', () => {
    const entry: ResultEntry = {
      file: 'broken.pdf', report: null, status: 'unreadable',
      findings: [{ ruleId: 'ingest/encrypted-pdf', severity: 'error', message: 'PDF 已加密，无法读取', location: { line: 1 } }],
    };
    const $ = load(formatHtml([entry], ZH));
    expect($('table')).toHaveLength(0);
    expect($('.xl-tables')).toHaveLength(0);
    expect($('li.xl-finding')).toHaveLength(1);
    expect($('.xl-meta').text()).toContain('无法读取');
  });

  it('escapes every piece of report text', () => {
    const report = structuredClone(hongze.report) as Report;
    report.meta.agency!.name = '甲&乙<script>alert(1)</script>';
    const keep = report.tables.t4!.cells['t4.rev.keep']!;
    Object.assign(keep, { raw: '<见附件>&', state: 'text', value: null });
    const findings = hongze.findings.map((f) => ({ ...f, message: `${f.message}<img src=x onerror=alert(1)>`, basis: 'a & b < c' }));
    const entry: ResultEntry = { file: 'x"><b>y</b>.pdf', report, findings };
    const html = formatHtml([entry], ZH);
    const $ = load(html);
    expect($('script, img, b:contains("y")')).toHaveLength(0);
    expect($('.xl-head h2').text()).toBe('x"><b>y</b>.pdf');
    expect($('.xl-meta dd').first().text()).toBe('甲&乙<script>alert(1)</script>');
    const cell = $('td[data-cell="t4.rev.keep"]');
    expect(cell.text()).toBe('<见附件>&');
    expect(cell.hasClass('xl-s-text')).toBe(true);
    expect($('.xl-msg').first().text()).toContain('<img src=x onerror=alert(1)>');
    expect($('.xl-basis').first().text()).toBe('依据：a & b < c');
    expect(html).not.toMatch(/<img|<script/);
  });

  it('keeps ids unique and links resolving with several files; the fragment and stylesheet are exported', () => {
    const $ = load(formatHtml([hongze, huaian, hongze], ZH));
    expect($('section.xl-file')).toHaveLength(3);
    expect($('nav ol.xl-toc li')).toHaveLength(3);
    expectLinksResolve($);

    const fragment = renderResultHtml(hongze, ZH);
    expect(fragment.startsWith('<section class="xl-file"')).toBe(true);
    expect(fragment).not.toMatch(/<html|<style/);
    expect(load(fragment)('td[data-cell="t4.rev.total"].xl-error')).toHaveLength(1);
    expect(REPORT_CSS).toContain('print-color-adjust:exact');
  });

  it('marks blank cells and rows the report lacks, as written', async () => {
    const fgj = await check('fixtures/corpus/text/023-shuyang-county-fgj-2023.txt');
    const $ = load(formatHtml([fgj], ZH));
    const blank = $('td.xl-s-blank').first();
    expect(blank.text()).toBe('空');
    expect(blank.attr('title')).toContain('空白');
    // 表二 prints 规范性文件 where the format says 行政规范性文件.
    expect($('th[scope=row]:contains("报告写作「规范性文件」")')).toHaveLength(1);
  });
});
