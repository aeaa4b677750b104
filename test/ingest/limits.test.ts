/**
 * Input limits: each limit of IngestLimits is enforced with a Chinese and an English message that
 * names the limit, is configurable in `.xxgk-lint.yaml` (`limits:`, validated with located
 * errors), and reaches the check both in this thread and in worker threads.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBytes } from '../../src/check.js';
import { limitsOf, loadConfigText } from '../../src/config.js';
import { Checker } from '../../src/engine/run.js';
import { flattenDeepTags } from '../../src/ingest/html-depth.js';
import { DEFAULT_LIMITS, type IngestLimits } from '../../src/ingest/limits.js';
import type { Finding } from '../../src/model/finding.js';
import { builtinPacks } from '../helpers/examples.js';
import { runCli } from '../helpers/cli.js';
import { zip } from '../helpers/zip.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const REPORT = 'fixtures/corpus/text/013-pingtan-2024.txt';
const bytesOf = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

async function findings(bytes: Uint8Array, file: string, limits: Partial<IngestLimits>, locale: 'zh' | 'en' = 'zh'): Promise<Finding[]> {
  return (await checkBytes(bytes, file, new Checker(builtinPacks(), { locale }), { ...DEFAULT_LIMITS, ...limits })).findings;
}
const byId = (list: readonly Finding[], id: string): Finding | undefined => list.find((f) => f.ruleId === id);

describe('input limits are enforced with clear messages', () => {
  it.each([
    ['text', REPORT],
    ['html', 'fixtures/corpus/original/013-pingtan-2024.html'],
    ['docx', 'fixtures/corpus/original/013-pingtan-2024.docx'],
    ['pdf', 'fixtures/corpus/original/002-hongze-district-2023.pdf'],
  ])('a %s file over maxFileBytes is not read, and the finding says so in Chinese and English', async (_kind, path) => {
    const bytes = bytesOf(path);
    const zh = byId(await findings(bytes, path, { maxFileBytes: 1000 }), 'ingest/too-large');
    expect(zh?.severity).toBe('error');
    expect(zh?.message).toContain(`文件大小 ${bytes.length} 字节，超过上限 1000 字节`);
    expect(zh?.message).toContain('limits.maxFileBytes');
    const en = byId(await findings(bytes, path, { maxFileBytes: 1000 }, 'en'), 'ingest/too-large');
    expect(en?.message).toContain(`over the 1000-byte limit`);
    // At the limit exactly, the file is read.
    expect(byId(await findings(bytes, path, { maxFileBytes: bytes.length }), 'ingest/too-large')).toBeUndefined();
  });

  it('a docx zip bomb over maxDocxUncompressedBytes is not inflated', async () => {
    // 8 MB of zeros deflates to about 8 KB: honest headers, but over a 1 MB limit.
    const bomb = zip([{ name: 'word/document.xml', data: new Uint8Array(8 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100_000);
    const list = await findings(bomb, 'bomb.docx', { maxDocxUncompressedBytes: 1024 * 1024 });
    expect(byId(list, 'ingest/zip-bomb')?.severity).toBe('error');
    expect(byId(list, 'ingest/zip-bomb')?.message).toContain('上限 1048576 字节');
    // The same archive with the default 50 MB limit passes the bomb check (and is then malformed XML).
    expect(byId(await findings(bomb, 'bomb.docx', {}), 'ingest/zip-bomb')).toBeUndefined();
  });

  it('a docx whose parts expand beyond the limit while declaring small sizes is stopped while inflating', async () => {
    const liar = zip([{ name: 'word/document.xml', data: `<w:document ${W}><w:body>${'<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>'.repeat(20_000)}</w:body></w:document>`, declaredSize: 100 }]);
    expect(byId(await findings(liar, 'liar.docx', { maxDocxUncompressedBytes: 64 * 1024 }), 'ingest/zip-bomb')?.message).toContain('压缩炸弹');
  });

  it('a PDF with more pages than maxPdfPages is read up to the limit, with a warning', async () => {
    const path = 'fixtures/corpus/original/002-hongze-district-2023.pdf';
    const result = await checkBytes(bytesOf(path), path, new Checker(builtinPacks()), { ...DEFAULT_LIMITS, maxPdfPages: 1 });
    const warning = byId(result.findings, 'ingest/too-many-pages');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/^PDF 共 \d+ 页，只读取了前 1 页/);
    expect(new Set(result.report.lines.map((l) => l.at.page))).toEqual(new Set([1]));
    expect(byId((await checkBytes(bytesOf(path), path, new Checker(builtinPacks()))).findings, 'ingest/too-many-pages')).toBeUndefined();
  });

  it('HTML nested deeper than maxHtmlDepth is cut, with a warning naming the limit', async () => {
    const html = `<html><body><p>二、主动公开政府信息情况</p>${'<div>'.repeat(60)}深处的文字${'</div>'.repeat(60)}</body></html>`;
    const list = await findings(encode(html), 'deep.html', { maxHtmlDepth: 30 });
    expect(byId(list, 'ingest/html-too-deep')?.message).toContain('网页元素嵌套超过 30 层');
    expect(byId(await findings(encode(html), 'deep.html', {}), 'ingest/html-too-deep')).toBeUndefined();
  });

  it('text with more lines than maxLines is read up to the limit, with a warning', async () => {
    const text = readFileSync(REPORT, 'utf8');
    const result = await checkBytes(encode(text), REPORT, new Checker(builtinPacks()), { ...DEFAULT_LIMITS, maxLines: 20 });
    expect(byId(result.findings, 'ingest/too-many-lines')?.message).toMatch(/^文件有 \d+ 行，只读取了前 20 行/);
    expect(result.report.lines.length).toBeLessThanOrEqual(20);
  });
});

describe('flattening deep HTML before parsing', () => {
  it('returns normal pages unchanged, unclosed <p> and <td> included', () => {
    const page = `<html><body>${'<p>段落'.repeat(500)}<table>${'<tr><td>1<td>2'.repeat(500)}</table><script>var s = "${'<div>'.repeat(500)}";</script><!-- ${'<div>'.repeat(500)} --></body></html>`;
    expect(flattenDeepTags(page, 20)).toEqual({ text: page, dropped: 0 });
  });

  it('drops the start and end tags past the depth, keeping their text in order', () => {
    const { text, dropped } = flattenDeepTags('<div><div><div><span>a</span>b</div></div></div>', 2);
    expect(dropped).toBe(2);
    expect(text).toBe('<div><div>ab</div></div>');
  });

  // A hang guard (the test's timeout): a quadratic version took minutes on this input; speed
  // itself is measured by `npm run bench`, not asserted here.
  it('flattens 200000 nested elements', () => {
    const deep = '<div>'.repeat(200_000) + 'x' + '</div>'.repeat(200_000);
    const { text, dropped } = flattenDeepTags(deep, 100);
    expect(dropped).toBe(200_000 - 100);
    expect(text).toBe('<div>'.repeat(100) + 'x' + '</div>'.repeat(100));
  }, 60_000);
});

describe('limits in the config file', () => {
  it('are read from a limits: section over the defaults', () => {
    const { config, errors } = loadConfigText('limits:\n  maxFileBytes: 1000\n  maxPdfPages: 3\n', 'c.yaml', []);
    expect(errors).toEqual([]);
    expect(limitsOf(config!)).toEqual({ ...DEFAULT_LIMITS, maxFileBytes: 1000, maxPdfPages: 3 });
    expect(limitsOf({})).toEqual(DEFAULT_LIMITS);
  });

  it('refuse a value that is not a positive integer, and an unknown limit, with located errors', () => {
    const { config, errors } = loadConfigText('locale: zh\nlimits:\n  maxFileBytes: -5\n  maxLines: 1.5\n  maxPages: 3\n', 'c.yaml', []);
    expect(config).toBeNull();
    expect(errors.map((e) => [e.line, e.message.split('：')[0]])).toEqual(expect.arrayContaining([[3, 'limits.maxFileBytes'], [4, 'limits.maxLines']]));
    const unknown = errors.find((e) => e.hint?.includes('可用的上限'));
    expect(unknown?.hint).toContain('maxPdfPages');
    expect(unknown?.line).toBeGreaterThanOrEqual(2); // located in the limits: section, not at 1:1
  });

  it.each([1, 2])('reach the check through the CLI (jobs=%i: in this thread and in workers)', async (jobs) => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-limits-'));
    writeFileSync(join(dir, '.xxgk-lint.yaml'), 'limits:\n  maxFileBytes: 2000\n');
    writeFileSync(join(dir, 'a.txt'), readFileSync(REPORT));
    writeFileSync(join(dir, 'b.txt'), '一、总体情况\n本年度……\n');
    const run = await runCli(['check', '--format', 'json', '--jobs', String(jobs), dir]);
    const out = JSON.parse(run.stdout) as { results: { file: string; status?: string; findings: Finding[] }[] };
    const a = out.results.find((r) => r.file.endsWith('a.txt'))!;
    expect(a.status).toBe('unreadable');
    expect(a.findings[0]?.ruleId).toBe('ingest/too-large');
    expect(a.findings[0]?.message).toContain('超过上限 2000 字节');
    expect(out.results.find((r) => r.file.endsWith('b.txt'))!.findings.some((f) => f.ruleId === 'ingest/too-large')).toBe(false);
    expect(run.code).toBe(1);
  });
});
