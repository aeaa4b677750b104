/**
 * Bad input never throws: an empty file, a binary file, a 50 MB file, a GBK copy of a real report
 * and a text without any table each give a result with a located reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { parseReport } from '../../src/parse/index.js';
import { Checker } from '../../src/engine/run.js';
import { builtinPacks } from '../helpers/examples.js';
import { encodeGbk } from '../helpers/gbk.js';

async function run(bytes: Uint8Array, name: string) {
  const report = parseReport(await ingest(bytes, name));
  const findings = await new Checker(builtinPacks()).check(report);
  return { report, findings };
}

describe('bad input', () => {
  it('an empty file gets a located reason', async () => {
    const { findings } = await run(new Uint8Array(0), 'empty.txt');
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'ingest/empty', severity: 'error', location: { line: 1 } })]);
  });

  it('a binary file gets a located reason', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const { findings } = await run(bytes, 'random.txt');
    expect(findings.map((f) => f.ruleId)).toEqual(['ingest/binary']);
    expect(findings[0]!.message).toMatch(/不是可读的文本/);
  });

  it('a 50 MB file is refused with a reason, not read into the parser', async () => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    const { findings, report } = await run(bytes, 'huge.txt');
    expect(findings.map((f) => f.ruleId)).toEqual(['ingest/too-large']);
    expect(report.lines).toEqual([]);
  });

  it('a GBK copy of a real report parses like the UTF-8 original', async () => {
    const text = readFileSync('fixtures/seeds/000-jiangyou-2017.txt', 'utf8');
    const gbk = await run(encodeGbk(text), 'gbk.txt');
    const utf8 = await run(new TextEncoder().encode(text), 'utf8.txt');
    expect(gbk.report.source.encoding).toBe('gb18030');
    expect(gbk.report.tables).toEqual(utf8.report.tables);
    expect(gbk.report.meta).toEqual(utf8.report.meta);
    expect(gbk.findings).toEqual(utf8.findings);
  });

  it('UTF-16 with a BOM and UTF-8 with a BOM decode', async () => {
    const text = '2023年政府信息公开工作年度报告\n一、总体情况\n';
    const le = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect((await ingest(le, 'a.txt')).lines[0]!.text).toBe('2023年政府信息公开工作年度报告');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const src = await ingest(bom, 'b.txt');
    expect(src.encoding).toBe('utf-8-bom');
    expect(src.lines[0]!.text).toBe('2023年政府信息公开工作年度报告');
  });

  it('a text without any table says so, located at the heading where tables belong', async () => {
    const text = ['某局2023年政府信息公开工作年度报告', '一、总体情况', '本年度工作顺利。', '二、主动公开政府信息情况', '全年主动公开信息100条。'].join('\n');
    const { report } = await run(new TextEncoder().encode(text), 'plain.txt');
    expect(report.problems).toEqual([expect.objectContaining({ id: 'parse/no-tables', severity: 'info', at: { line: 4 } })]);
  });

  it('random and truncated real reports never throw', async () => {
    const text = readFileSync('fixtures/corpus/text/005-shanghai-stcsm-2024.txt', 'utf8');
    for (let cut = 0; cut < text.length; cut += 997) {
      const { report } = await run(new TextEncoder().encode(text.slice(0, cut)), 'cut.txt');
      expect(report.source.lineCount).toBeGreaterThanOrEqual(0);
    }
  });
});
