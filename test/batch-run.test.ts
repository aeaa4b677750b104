/**
 * Batch runs: every input accounted for with a status (checked, unreadable, not a report,
 * duplicate, missing from the manifest), workers giving the same results as one thread,
 * consecutive years of one agency paired for the continuity rules.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sameAgency } from '../src/batch/cross.js';
import { runBatch } from '../src/batch/run.js';
import { builtinPacks } from './helpers/examples.js';
import { runCli } from './helpers/cli.js';

const batch = (files: string[], jobs = 1, manifest: { entries: never[]; file: string } | null = null) =>
  runBatch({ files, packs: builtinPacks(), ruleDirs: [], settingsFor: () => ({}), locale: 'zh', jobs, keepReports: false, manifest });

describe('batch runs', () => {
  it('accounts for every file with a status and a reason, and the exit code reflects them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-batch-'));
    copyFileSync('fixtures/corpus/text/013-pingtan-2024.txt', join(dir, 'a-good.txt'));
    copyFileSync('fixtures/corpus/text/013-pingtan-2024.txt', join(dir, 'b-same-as-a.txt'));
    writeFileSync(join(dir, 'c-empty.txt'), '');
    writeFileSync(join(dir, 'd-binary.txt'), new Uint8Array(2048).map((_, i) => (i * 31) % 256));
    writeFileSync(join(dir, 'e-shopping-list.txt'), '买菜\n牛奶两盒\n鸡蛋一斤\n');
    // Garbage behind a report extension, with and without the format's magic number, and a .doc.
    writeFileSync(join(dir, 'f-garbage.pdf'), new Uint8Array(3000).map((_, i) => (i * 57 + 13) % 256));
    writeFileSync(join(dir, 'g-garbage-magic.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 0x41)]));
    writeFileSync(join(dir, 'h-garbage.docx'), new Uint8Array(3000).map((_, i) => (i * 91 + 7) % 256));
    writeFileSync(join(dir, 'i-truncated.docx'), readFileSync('fixtures/corpus/original/013-pingtan-2024.docx').subarray(0, 2000));
    writeFileSync(join(dir, 'j-legacy.doc'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2000)]));
    writeFileSync(join(dir, 'manifest.csv'), 'agency,region,year,file\n平潭综合实验区,福建,2024,a-good.txt\n某县人民政府,福建,2024,\n');
    const run = await runCli(['check', '--format', 'json', '--manifest', join(dir, 'manifest.csv'), dir]);
    const out = JSON.parse(run.stdout) as { results: { file: string; status?: string; findings: { ruleId: string; message: string }[] }[] };
    const status = Object.fromEntries(out.results.map((r) => [r.file.split('/').pop(), [r.status, r.status === 'checked' ? 'no errors' : r.findings[0]?.ruleId]]));
    expect(out.results.find((r) => r.file.endsWith('a-good.txt'))!.findings.filter((f) => !f.ruleId.startsWith('overview'))).toEqual([]);
    expect(status).toEqual({
      'a-good.txt': ['checked', 'no errors'],
      'b-same-as-a.txt': ['duplicate', 'batch/duplicate'],
      'c-empty.txt': ['unreadable', 'ingest/empty'],
      'd-binary.txt': ['unreadable', 'ingest/binary'],
      'e-shopping-list.txt': ['not-a-report', 'batch/not-a-report'],
      'f-garbage.pdf': ['unreadable', 'ingest/corrupt-pdf'],
      'g-garbage-magic.pdf': ['unreadable', 'ingest/corrupt-pdf'],
      'h-garbage.docx': ['unreadable', 'ingest/corrupt-docx'],
      'i-truncated.docx': ['unreadable', 'ingest/corrupt-docx'],
      'j-legacy.doc': ['unreadable', 'ingest/legacy-doc'],
      'manifest.csv': ['missing', 'batch/missing'],
    });
    // Every file not checked says why, in words.
    for (const r of out.results.filter((x) => x.status !== 'checked')) expect(r.findings[0]!.message.length, r.file).toBeGreaterThan(4);
    expect(out.results.find((r) => r.file.endsWith('j-legacy.doc'))!.findings[0]!.message).toContain('另存为” .docx');
    expect(out.results.find((r) => r.status === 'missing')!.findings[0]!.message).toContain('某县人民政府');
    expect(run.code).toBe(1);
  });

  it('a batch with only a non-report passes by default and fails at --fail-severity warning; with an empty file it fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-batch-'));
    writeFileSync(join(dir, 'notes.txt'), '会议纪要\n一、参会人员\n张三、李四\n二、议题\n年终总结\n');
    const lenient = await runCli(['check', '--format', 'json', dir]);
    expect((JSON.parse(lenient.stdout) as { results: { status?: string }[] }).results.map((r) => r.status)).toEqual(['not-a-report']);
    expect(lenient.code).toBe(0);
    expect((await runCli(['check', '--format', 'json', '--fail-severity', 'warning', dir])).code).toBe(1);
    writeFileSync(join(dir, 'zero.txt'), '');
    const withEmpty = await runCli(['check', '--format', 'json', dir]);
    expect((JSON.parse(withEmpty.stdout) as { results: { status?: string }[] }).results.map((r) => r.status)).toEqual(['not-a-report', 'unreadable']);
    expect(withEmpty.code).toBe(1);
  });

  it('gives the same results with two workers as in one thread, in input order', async () => {
    const files = ['fixtures/corpus/text/002-hongze-district-2023.txt', 'fixtures/corpus/text/005-shanghai-stcsm-2024.txt', 'fixtures/corpus/text/013-pingtan-2024.txt', 'fixtures/seeds/003-ankang-2018.txt'];
    const one = await batch(files, 1);
    const two = await batch(files, 2);
    expect(two.entries.map((e) => e.file)).toEqual(files);
    expect(two.entries.map((e) => e.findings)).toEqual(one.entries.map((e) => e.findings));
    expect(two.records.map((r) => r.status)).toEqual(['checked', 'checked', 'checked', 'checked']);
  });

  it('pairs consecutive years of one agency (淮安市洪泽区人民政府 2024 with 洪泽区人民政府 2023) for continuity', async () => {
    expect(sameAgency('淮安市洪泽区人民政府', '洪泽区人民政府')).toBe(true);
    expect(sameAgency('平潭县人民政府', '平潭综合实验区')).toBe(false);
    // As published, the carry-over holds: no finding.
    const clean = await batch(['fixtures/corpus/text/002-hongze-district-2023.txt', 'fixtures/corpus/text/003-hongze-district-2024.txt']);
    expect(clean.entries.flatMap((e) => e.findings).filter((f) => f.ruleId === 'carry-over-continuity')).toEqual([]);
    // Change the 2023 carry-over: the 2024 report's 上年结转 no longer matches it.
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-pair-'));
    const y2023 = join(dir, '2023.txt');
    writeFileSync(y2023, readFileSync('fixtures/corpus/text/002-hongze-district-2023.txt', 'utf8').replace('四、结转下年度继续办理                            0    0   0   0    0    0   0', '四、结转下年度继续办理                            3    0   0   0    0    0   3'));
    const broken = await batch([y2023, 'fixtures/corpus/text/003-hongze-district-2024.txt']);
    const found = broken.entries[1]!.findings.filter((f) => f.ruleId === 'carry-over-continuity');
    expect(found.map((f) => [f.actual, f.expected])).toEqual([[0, 3], [0, 3]]);
    expect(found[0]!.message).toContain('2023 年度报告');
  });
});
