/**
 * `check <URL>`, `crawl` and `--save`/`--offline` through the CLI, against the loopback site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { docFixture, hang, startSite, type TestSite } from './server.js';

interface JsonResult {
  file: string;
  report: { year: number | null; publishedAt: string | null; agency: string | null } | null;
  findings: { ruleId: string; severity: string; message: string }[];
}

let site: TestSite;
let dir: string;
let config: string;
beforeAll(async () => {
  site = await startSite();
  dir = mkdtempSync(join(tmpdir(), 'xxgk-web-'));
  config = join(dir, 'config.yaml');
  // A generous time limit: the whole suite runs beside these tests and a busy event loop is slow
  // to read a response. The timeout has its own test with a short limit.
  writeFileSync(config, 'limits:\n  fetchDelayMs: 0\n  fetchTimeoutMs: 20000\n  fetchRetries: 0\n  fetchMaxBytes: 2000000\n');
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

const results = (stdout: string): JsonResult[] => (JSON.parse(stdout) as { results: JsonResult[] }).results;
const ids = (r: JsonResult | undefined): string[] => (r?.findings ?? []).map((f) => f.ruleId);

describe('check <URL>', () => {
  it('checks pages and attachments, and saving then re-checking offline gives the same findings', async () => {
    const urls = [
      `${site.base}/art/2025/t20250310_1.htm`,
      `${site.base}/art/2024/t20240120_80576.htm`,
      `${site.base}/art/2025/t20250310_3.htm`,
      `${site.base}/old/report.htm`,
      `${site.base}/missing/t2023.htm`,
      `${site.base}/huge.pdf`,
      `${site.base}/art/notice.htm`,
    ];
    const saved = join(dir, 'evidence');
    const online = await runCli(['check', '-c', config, '--format', 'json', '--save', saved, ...urls]);
    const got = results(online.stdout);
    const byFile = new Map(got.map((r) => [r.file, r]));
    expect([...byFile.keys()].sort()).toEqual([...urls].sort());
    // The GBK page and the .docx attachment are the same real report; the PDF page is another.
    expect(byFile.get(urls[0]!)?.report).toMatchObject({ year: 2024, publishedAt: '2025-03-10' });
    expect(byFile.get(urls[1]!)?.report).toMatchObject({ year: 2023, publishedAt: '2024-01-20' });
    expect(byFile.get(urls[2]!)?.report).toMatchObject({ year: 2024, publishedAt: '2025-03-10' });
    expect(ids(byFile.get(urls[3]!))).toEqual(['batch/duplicate']); // the redirect lands on the first page
    expect(ids(byFile.get(urls[4]!))).toEqual(['fetch/http-status']);
    expect(ids(byFile.get(urls[5]!))).toEqual(['fetch/too-large']);
    expect(ids(byFile.get(urls[6]!))).toEqual(['fetch/not-a-report']);
    expect(online.code).toBe(1);
    expect(readdirSync(saved).some((n) => n.endsWith('.pdf'))).toBe(true);

    const requests = site.seen.length;
    const offline = await runCli(['check', '-c', config, '--format', 'json', '--offline', saved, ...urls]);
    expect(site.seen.length).toBe(requests);
    expect(results(offline.stdout)).toEqual(got);
    expect(offline.code).toBe(online.code);
    // The saved folder alone is enough: it lists the URLs the run checked.
    const replay = await runCli(['check', '-c', config, '--format', 'json', '--offline', saved]);
    expect(site.seen.length).toBe(requests);
    expect(results(replay.stdout)).toEqual(got);
    expect(replay.code).toBe(online.code);
    expect(replay.stderr).toContain(`重新检查 ${saved} 中保存的 ${urls.length} 个网址`);
    // A folder that lists nothing says so (exit 2), rather than checking nothing.
    const empty = join(dir, 'empty-evidence');
    mkdirSync(empty);
    const none = await runCli(['check', '--offline', empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('没有记录要检查的网址');
  }, 60_000);

  it('a server that never answers is a fetch/timeout finding for its URL, also offline', async () => {
    const dead = await hang();
    const quick = join(dir, 'quick.yaml');
    writeFileSync(quick, 'limits:\n  fetchDelayMs: 0\n  fetchTimeoutMs: 500\n  fetchRetries: 0\n');
    const saved = join(dir, 'evidence-timeout');
    try {
      const online = await runCli(['check', '-c', quick, '--format', 'json', '--save', saved, `${dead.base}/t1.htm`]);
      expect(results(online.stdout).map((r) => [r.file, ids(r)])).toEqual([[`${dead.base}/t1.htm`, ['fetch/timeout']]]);
      expect(online.code).toBe(1);
    } finally {
      await dead.close();
    }
    const offline = await runCli(['check', '-c', quick, '--format', 'json', '--offline', saved, `${dead.base}/t1.htm`]);
    expect(results(offline.stdout).map((r) => ids(r))).toEqual([['fetch/timeout']]);
  }, 30_000);

  it('the deadline rules use the web page date ahead of the report, and say so', async () => {
    const late = await runCli(['check', '-c', config, '--format', 'json', `${site.base}/art/2024/t20240420_80577.htm`]);
    const deadline = results(late.stdout)[0]?.findings.find((f) => f.ruleId === 'deadline');
    expect(deadline?.message).toContain('网页发布日期为 2024年4月20日');
    expect(deadline?.severity).toBe('error');
    const inTime = await runCli(['check', '-c', config, '--format', 'json', `${site.base}/art/2024/t20240120_80576.htm`]);
    expect(ids(results(inTime.stdout)[0])).not.toContain('deadline');
    // The same PDF as a file has no date: the deadline is not checked at all.
    const file = await runCli(['check', '--format', 'json', 'fixtures/corpus/original/002-hongze-district-2023.pdf']);
    expect(results(file.stdout)[0]?.report?.publishedAt).toBeNull();
  }, 30_000);

  it('reads the url column of a manifest', async () => {
    const manifest = join(dir, 'm.csv');
    writeFileSync(manifest, `agency,year,url\n洪泽区人民政府,2023,${site.base}/art/2024/t20240120_80576.htm\n某局,2022,${site.base}/missing/t9.htm\n`);
    const run = await runCli(['check', '-c', config, '--format', 'json', '--manifest', manifest]);
    const got = results(run.stdout);
    expect(got.map((r) => r.file).sort()).toEqual([`${site.base}/art/2024/t20240120_80576.htm`, `${site.base}/missing/t9.htm`].sort());
    expect(ids(got.find((r) => r.file.endsWith('t9.htm')))).toEqual(['fetch/http-status']);
  }, 30_000);

  const doc = docFixture();
  it.skipIf(doc === null)('checks a .doc attachment like a .docx (enabled once .doc reading and a .doc fixture are merged)', async () => {
    const run = await runCli(['check', '-c', config, '--format', 'json', `${site.base}/art/2019/t20190131_9.htm`]);
    const got = results(run.stdout)[0];
    expect(ids(got)).not.toContain('ingest/legacy-doc');
    expect(got?.report?.publishedAt).toBe('2019-01-31');
  }, 30_000);
});

describe('crawl <column URL>', () => {
  it('lists the reports of a column over three pages into a manifest', async () => {
    const out = join(dir, 'crawl.csv');
    const run = await runCli(['crawl', '-c', config, '-o', out, `${site.base}/zwgk/ndbg/index.html`]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('读取了 3 个栏目页面，找到 5 份年度报告');
    const lines = readFileSync(out, 'utf8').replace(/^\ufeff/, '').trim().split(/\r\n/);
    expect(lines[0]).toBe('agency,year,url,title,date');
    expect(lines).toHaveLength(6);
    expect(lines).toContain(`平潭综合实验区,2024,${site.base}/art/2025/t20250310_1.htm,平潭综合实验区2024年度政府信息公开工作年度报告,2025-03-10`);
    // A link text without an agency takes the site's name; the training notice is not listed.
    expect(lines).toContain(`某某区人民政府,2024,${site.base}/art/2025/t20250310_3.htm,2024年度政府信息公开工作年度报告,2025-03-10`);
    expect(lines.some((l) => l.includes('notice'))).toBe(false);
  }, 30_000);

  it('stops at crawlMaxPages', async () => {
    const small = join(dir, 'small.yaml');
    writeFileSync(small, 'limits:\n  fetchDelayMs: 0\n  crawlMaxPages: 1\n');
    const run = await runCli(['crawl', '-c', small, `${site.base}/zwgk/ndbg/index.html`]);
    expect(run.stderr).toContain('读取了 1 个栏目页面，找到 2 份年度报告（达到 limits.crawlMaxPages');
  });

  it('with --check, checks the listed reports as one batch with its summary, online and offline alike', async () => {
    const saved = join(dir, 'crawl-evidence');
    const summary = join(dir, 'summary.csv');
    const online = await runCli(['crawl', '-c', config, '--check', '-f', 'json', '--summary', summary, '--save', saved, `${site.base}/zwgk/ndbg/index.html`]);
    const got = results(online.stdout);
    expect(got).toHaveLength(5);
    expect(ids(got.find((r) => r.file.endsWith('/missing/t2023.htm')))).toEqual(['fetch/http-status']);
    expect(existsSync(summary)).toBe(true);
    expect(readFileSync(summary, 'utf8')).toContain('/art/2024/t20240120_80576.htm');
    const offline = await runCli(['crawl', '-c', config, '--check', '-f', 'json', '--offline', saved, `${site.base}/zwgk/ndbg/index.html`]);
    expect(results(offline.stdout)).toEqual(got);
  }, 60_000);

  it('refuses a column that is not an http(s) URL', async () => {
    const run = await runCli(['crawl', 'fixtures/corpus/original/013-pingtan-2024.html']);
    expect(run.code).toBe(2);
  });
});
