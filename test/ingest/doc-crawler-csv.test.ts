/**
 * A crawler's CSV (标题, 时间, 内容, 访问地址) as input: built here from the four real crawled
 * Hebei pages in fixtures/corpus/web (each fixture is the crawler's 标题, 时间 and 内容), every row
 * is checked as a report with the same cells and findings as its fixture, its 时间 as the page's
 * publication date (which the deadline rules use ahead of the signature date) and its 访问地址 as
 * the page URL.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawledReport, isCrawlerCsv, readCrawlerCsv } from '../../src/batch/crawler-csv.js';
import { fieldDate } from '../../src/format/dates.js';
import { Checker } from '../../src/engine/run.js';
import { checkBytes } from '../../src/check.js';
import type { Finding } from '../../src/model/finding.js';
import { runCli } from '../helpers/cli.js';
import { builtinPacks, ROOT } from '../helpers/examples.js';

const WEB = join(ROOT, 'fixtures/corpus/web');
const FIXTURES = ['024-hebei-education-2023.txt', '025-hebei-industry-it-2022.txt', '026-hebei-science-tech-2020.txt', '027-hebei-education-2018-tongjibiao.txt'];
// The one page URL the corpus records (fixtures/corpus/MANIFEST.md, 024).
const URL_024 = 'http://jyt.hebei.gov.cn/col/1414231541890/2024/01/26/1706263383193.html';

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** A fixture as the crawler's row: line 1 标题, line 2 时间, the rest 内容. */
function rowOf(file: string): { title: string; date: string; content: string } {
  const [title = '', date = '', ...rest] = readFileSync(join(WEB, file), 'utf8').replace(/\n$/, '').split('\n');
  return { title, date, content: rest.join('\n') };
}

function csv(header: readonly string[], dates: Partial<Record<string, string>> = {}): string {
  const rows = FIXTURES.map((file) => {
    const { title, date, content } = rowOf(file);
    return [title, dates[file] ?? date, content, file.startsWith('024') ? URL_024 : ''].map(quote).join(',');
  });
  return `\ufeff${header.join(',')}\r\n${rows.join('\r\n')}\r\n`;
}

const keys = (findings: readonly Finding[]): string[] => findings.map((f) => JSON.stringify([f.ruleId, f.severity, f.message])).sort();

let checker: Checker;
const dirs: string[] = [];
beforeAll(() => {
  checker = new Checker(builtinPacks());
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('a crawler CSV', () => {
  it('is told from a report manifest by its content column, in Chinese, English or pinyin', () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(isCrawlerCsv(enc(csv(['标题', '时间', '内容', '访问地址'])))).toBe(true);
    expect(isCrawlerCsv(enc(csv(['title', 'date', 'content', 'url'])))).toBe(true);
    expect(isCrawlerCsv(enc(csv(['biaoti', 'shijian', 'neirong', 'url'])))).toBe(true);
    expect(isCrawlerCsv(enc('agency,year,file\n某县人民政府,2024,a.txt\n'))).toBe(false);
    const [zh, en] = [readCrawlerCsv(enc(csv(['标题', '时间', '内容', '访问地址']))), readCrawlerCsv(enc(csv(['title', 'date', 'content', 'url'])))];
    expect(zh).toHaveLength(4);
    expect(en).toEqual(zh);
    expect(zh.map((r) => r.row)).toEqual([2, 3, 4, 5]);
  });

  it.each(FIXTURES)('row of %s: the same cells and findings as the crawled page\'s text, with its page date', async (file) => {
    const rows = readCrawlerCsv(new TextEncoder().encode(csv(['标题', '时间', '内容', '访问地址'])));
    const row = rows[FIXTURES.indexOf(file)]!;
    const { bytes, meta } = crawledReport(row);
    const fromCsv = await checkBytes(bytes, `crawl.csv#${row.row}`, checker, undefined, meta);
    const fromText = await checkBytes(new Uint8Array(readFileSync(join(WEB, file))), file, checker);
    const cells = (r: typeof fromCsv.report): unknown => Object.fromEntries(Object.values(r.tables).map((t) => [t.id, Object.fromEntries(Object.values(t.cells).map((c) => [c.id, c.value]))]));
    expect(cells(fromCsv.report)).toEqual(cells(fromText.report));
    expect(keys(fromCsv.findings)).toEqual(keys(fromText.findings));
    expect(fromCsv.report.meta.publishedAt?.iso).toBe(fieldDate(row.date));
    expect(fromCsv.report.meta.title?.text).toBe(fromText.report.meta.title?.text);
  });

  it('reads what the crawled texts hold: 024 and 027 tables, 025 six sections inline, 026 without 六', async () => {
    const rows = readCrawlerCsv(new TextEncoder().encode(csv(['标题', '时间', '内容', '访问地址'])));
    const results = await Promise.all(rows.map(async (row) => {
      const { bytes, meta } = crawledReport(row);
      return checkBytes(bytes, `crawl.csv#${row.row}`, checker, undefined, meta);
    }));
    const [r24, r25, , r27] = results;
    const t3 = r24!.report.tables.t3!;
    expect(Object.values(t3.cells).filter((c) => c.state === 'number')).toHaveLength(175);
    expect([t3.cells['t3.new.np']?.value, t3.cells['t3.new.total']?.value, t3.cells['t3.r.total.total']?.value]).toEqual([18, 19, 19]);
    expect(Object.values(r24!.report.tables.t4!.cells).filter((c) => c.state === 'number')).toHaveLength(15);
    expect(r24!.report.meta.dates.find((d) => d.role === 'page')?.iso).toBe('2024-01-26');
    expect(r25!.report.outline.filter((s) => s.level === 1).map((s) => s.number)).toEqual(['一', '二', '三', '四', '五', '六']);
    const stat = r27!.report.tables.stat!;
    expect([stat.cells['stat.a1.v']?.value, stat.cells['stat.a2.v']?.value, stat.cells['stat.a3.v']?.value]).toEqual([1, 1, 0]);
    // Errors only where the MANIFEST records defects: 026 lacks 六, 表三 and 表四.
    expect(results.map((r) => r.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)))
      .toEqual([[], [], ['required-sections', 'table3-present', 'table4-present'], []]);
  });

  it('a 时间 after the deadline is the date the deadline rule measures, and it says so', async () => {
    // 024 is a department's 2023 report signed 2024年1月26日; crawled as published on 2024-02-20.
    const rows = readCrawlerCsv(new TextEncoder().encode(csv(['标题', '时间', '内容', '访问地址'], { [FIXTURES[0]!]: '2024-02-20 09:30' })));
    const { bytes, meta } = crawledReport(rows[0]!);
    expect(meta).toEqual({ title: rows[0]!.title, publishedAt: '2024-02-20', pageUrl: URL_024 });
    const { findings } = await checkBytes(bytes, 'crawl.csv#2', checker, undefined, meta);
    const late = findings.filter((f) => f.ruleId === 'deadline');
    // The signature (2024年1月26日) is within the deadline: the page date may be a re-publication,
    // so the late page date is a warning that names the date it measured, never an error.
    expect(late.map((f) => f.severity)).toEqual(['warning']);
    expect(late[0]!.message).toMatch(/按公布期限以网页发布日期为准/);
    expect(late[0]!.message).toMatch(/发布日期/);
    expect(late[0]!.message).toMatch(/2024年2月20日/);
  });

  it('`xxgk-lint check crawl.csv` checks one report per row, named <csv>#<row>', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-crawl-'));
    dirs.push(dir);
    const file = join(dir, 'crawl.csv');
    writeFileSync(file, csv(['标题', '时间', '内容', '访问地址']));
    const run = await runCli(['check', '--format', 'json', file]);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { results: Array<{ file: string; report: { year: number | null; publishedAt: string | null }; findings: Finding[] }> };
    expect(out.results.map((r) => r.file)).toEqual([2, 3, 4, 5].map((n) => `${file}#${n}`));
    expect(out.results.map((r) => [r.report.year, r.report.publishedAt])).toEqual([[2023, '2024-01-26'], [2022, '2023-01-28'], [2020, fieldDate(rowOf(FIXTURES[2]!).date) ?? null], [2018, '2019-02-28']]);
    expect(out.results.flatMap((r) => r.findings).filter((f) => f.ruleId.startsWith('ingest/'))).toEqual([]);
  });
});
