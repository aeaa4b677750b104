/**
 * A batch summary an auditor can count on, on real reports of fixtures/corpus: the same report
 * given as .pdf and .txt, or as .docx, .html and .txt, is checked and counted once and listed as
 * one report in several files; a revised version (one figure changed) of a report is another
 * report, flagged with the original as two reports of one agency for one year; 洪泽区人民政府
 * (2023, whose text writes 淮安市洪泽区) and 淮安市洪泽区人民政府 (2024) are one agency; the time
 * stamp is local with its zone.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { setCells } from '../../src/engine/examples.js';
import { ingestText } from '../../src/ingest/text.js';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';
import { parseReport } from '../../src/parse/index.js';
import { sameAgencyName, splitAgency, textBeforePlace } from '../../src/summary/identity.js';
import { localTimestamp } from '../../src/summary/time.js';
import { renderSummaryText } from '../../src/summary/text.js';
import { summarizeBatch } from '../../src/summary/aggregate.js';
import { runCli } from '../helpers/cli.js';
import { csvObjects, type JsonOut } from './helpers.js';

const TEXT = 'fixtures/corpus/text';
const ORIGINAL = 'fixtures/corpus/original';

/** One report in several formats (the .pdf and .docx/.html are the agencies' own files). */
const SAME = [
  [`${TEXT}/002-hongze-district-2023.txt`, `${ORIGINAL}/002-hongze-district-2023.pdf`],
  [`${TEXT}/013-pingtan-2024.txt`, `${ORIGINAL}/013-pingtan-2024.docx`, `${ORIGINAL}/013-pingtan-2024.html`],
] as const;
/** Other reports of the same agencies: another year each. */
const OTHERS = [`${TEXT}/003-hongze-district-2024.txt`, `${TEXT}/010-pingtan-2021.txt`];

/** 013 with one 表三 figure changed: a revised version, a different report of the same agency and year. */
function revisedPingtan(): string {
  const text = readFileSync(`${TEXT}/013-pingtan-2024.txt`, 'utf8');
  const report = parseReport(ingestText(new TextEncoder().encode(text), 'text', DEFAULT_LIMITS));
  const t3 = report.tables['t3'];
  const cell = Object.entries(t3?.cells ?? {}).find(([, c]) => c.state === 'number' && (c.value ?? 0) > 0);
  if (!cell) throw new Error('013 has no 表三 figure to revise');
  return setCells(text, { [cell[0]]: String((cell[1].value ?? 0) + 1) });
}

let dir = '';
let out: JsonOut;
let csv: Record<string, string>[];
let alone: JsonOut;
let summaryText = '';

/** Runs check over the folder with a CSV and a text summary. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-same-'));
  const outDir = mkdtempSync(join(tmpdir(), 'xxgk-same-out-'));
  for (const file of [...SAME.flat(), ...OTHERS]) copyFileSync(file, join(dir, basename(file)));
  writeFileSync(join(dir, '013-pingtan-2024-revised.txt'), revisedPingtan());
  const csvFile = join(outDir, 'summary.csv');
  const run = await runCli(['check', '--format', 'json', '--no-waivers', dir, '--summary', csvFile]);
  out = JSON.parse(run.stdout) as JsonOut;
  csv = csvObjects(readFileSync(csvFile, 'utf8').slice(1));
  const textFile = join(outDir, 'summary.txt');
  await runCli(['check', '--format', 'json', '--no-waivers', dir, '--summary', textFile]);
  summaryText = readFileSync(textFile, 'utf8');
  // The same reports, each given once: what the summary must count.
  const once = [...SAME.map((group) => join(dir, basename([...group].sort()[0]!))), ...OTHERS.map((f) => join(dir, basename(f))), join(dir, '013-pingtan-2024-revised.txt')];
  alone = JSON.parse((await runCli(['check', '--format', 'json', '--no-waivers', ...once])).stdout) as JsonOut;
}, 180_000);

const statusOf = (name: string): string | undefined => out.results.find((r) => basename(r.file) === name)?.status;
const section = (name: string): Record<string, string>[] => csv.filter((r) => r['类别'] === name);

describe('the same report in several formats', () => {
  it('is checked once: the first file of each group is checked, the others are duplicates naming it', () => {
    for (const group of SAME) {
      const names = group.map((f) => basename(f)).sort();
      expect(names.map(statusOf), names.join(' ')).toEqual(['checked', ...names.slice(1).map(() => 'duplicate')]);
      for (const copy of names.slice(1)) {
        const finding = out.results.find((r) => basename(r.file) === copy)!.findings;
        expect(finding).toHaveLength(1);
        expect(finding[0]!.ruleId).toBe('batch/duplicate');
        expect(finding[0]!.message).toContain(names[0]);
        expect(finding[0]!.message).toContain('同一份报告');
      }
    }
  });

  it('counts once: the summary counts what checking each report once counts', () => {
    const overview = new Map(section('概览').map((r) => [r['键'], r]));
    const counted = (ruleId: string): number[] => {
      const row = section('规则').find((r) => r['键'] === ruleId);
      return row ? [Number(row['错误']), Number(row['警告']), Number(row['提示'])] : [0, 0, 0];
    };
    const expected = new Map<string, number[]>();
    for (const r of alone.results) for (const f of r.findings) {
      const c = expected.get(f.ruleId) ?? [0, 0, 0];
      c[['error', 'warning', 'info'].indexOf(f.severity)]!++;
      expected.set(f.ruleId, c);
    }
    expect(expected.size).toBeGreaterThan(3);
    for (const [ruleId, c] of expected) expect(counted(ruleId), ruleId).toEqual(c);
    // The copies add only their one 重复 note each.
    expect(counted('batch/duplicate')).toEqual([0, 0, 3]);
    expect(Number(overview.get('checked')!['文件数'])).toBe(alone.results.length);
    expect(Number(overview.get('duplicate')!['文件数'])).toBe(3);
    expect(Number(overview.get('files')!['错误'])).toBe(alone.summary.errors);
  });

  it('lists each report given as several files, with its copies', () => {
    const groups = section('同一报告');
    expect(groups.map((g) => basename(g['键']!)).sort()).toEqual(SAME.map((g) => basename([...g].sort()[0]!)).sort());
    for (const group of SAME) {
      const names = group.map((f) => basename(f)).sort();
      const row = groups.find((g) => basename(g['键']!) === names[0])!;
      expect(row['名称或说明']!.split(' ').map((f) => basename(f)).sort()).toEqual(names.slice(1));
      expect(Number(row['文件数'])).toBe(names.length);
    }
    expect(summaryText).toContain('== 同一份报告的多个文件（只计一次） ==');
  });
});

describe('several reports of one agency for one year', () => {
  it('flags the original and its revised version (one figure changed), which are not merged', () => {
    expect(statusOf('013-pingtan-2024-revised.txt')).toBe('checked');
    const flagged = section('一年多份');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!['年度']).toBe('2024');
    expect(flagged[0]!['机关']).toContain('平潭综合实验区');
    expect(flagged[0]!['名称或说明']!.split(' ').map((f) => basename(f)).sort()).toEqual(['013-pingtan-2024-revised.txt', '013-pingtan-2024.docx']);
    expect(summaryText).toContain('== 同一机关同一年度有多份不同的报告 ==');
  });
});

describe('agency names', () => {
  it('counts 洪泽区人民政府 (its report writes 淮安市洪泽区) and 淮安市洪泽区人民政府 as one agency', () => {
    const hongze = section('机关').filter((r) => r['键']!.includes('洪泽区'));
    expect(hongze).toHaveLength(1);
    expect(hongze[0]!['键']).toBe('淮安市洪泽区人民政府');
    expect(hongze[0]!['年度']).toBe('2023 2024');
    expect(hongze[0]!['备注']).toContain('洪泽区人民政府');
    expect(Number(hongze[0]!['文件数'])).toBe(3);
  });

  it('splits a name into its region and the agency proper', () => {
    expect(splitAgency('淮安市洪泽区人民政府')).toEqual({ region: '淮安市', base: '洪泽区人民政府' });
    expect(splitAgency('洪泽区人民政府')).toEqual({ region: '', base: '洪泽区人民政府' });
    expect(splitAgency('宿迁市沭阳县发展和改革局')).toEqual({ region: '宿迁市沭阳县', base: '发展和改革局' });
    expect(splitAgency('淮安市城市管理局')).toEqual({ region: '淮安市', base: '城市管理局' });
    expect(splitAgency('平潭综合实验区')).toEqual({ region: '', base: '平潭综合实验区' });
    expect(splitAgency('江苏省人民政府办公厅')).toEqual({ region: '', base: '江苏省人民政府办公厅' });
  });

  it('merges names only when a region says so, never two places of the same name', () => {
    const before = textBeforePlace('洪泽区人民政府', '本报告由淮安市洪泽区人民政府办公室编制');
    expect(before).toEqual(['本报告由淮安市']);
    const short = { name: '洪泽区人民政府', before };
    expect(sameAgencyName(short, { name: '淮安市洪泽区人民政府', before: [] })).toBe(true);
    // Without the region in its text, the short name is not guessed to be the long one.
    expect(sameAgencyName({ name: '洪泽区人民政府', before: ['本报告由区'] }, { name: '淮安市洪泽区人民政府', before: [] })).toBe(false);
    // 鼓楼区 of 南京市 and of 福州市 are different agencies, whatever else they share.
    expect(sameAgencyName({ name: '南京市鼓楼区人民政府', before: [] }, { name: '福州市鼓楼区人民政府', before: [] })).toBe(false);
    expect(sameAgencyName({ name: '鼓楼区人民政府', before: ['福建省福州市'] }, { name: '南京市鼓楼区人民政府', before: [] })).toBe(false);
    expect(sameAgencyName({ name: '江苏省淮安市洪泽区人民政府', before: [] }, { name: '淮安市洪泽区人民政府', before: [] })).toBe(true);
    expect(sameAgencyName({ name: '沭阳县发展和改革局', before: [] }, { name: '泗阳县发展和改革局', before: [] })).toBe(false);
  });
});

describe('time stamp', () => {
  it('is shown as local time with the zone, in every text summary', () => {
    expect(localTimestamp('2026-12-02T22:00:00.000Z', 'Asia/Shanghai')).toBe('2026-12-03 06:00:00 UTC+08:00 Asia/Shanghai');
    expect(localTimestamp('2026-12-02T22:00:00.000Z', 'UTC')).toBe('2026-12-02 22:00:00 UTC+00:00 UTC');
    expect(localTimestamp('not a date', 'UTC')).toBe('not a date');
    const summary = summarizeBatch([], { generatedAt: '2026-07-01T00:30:00.000Z', timeZone: 'Asia/Shanghai' });
    expect(renderSummaryText(summary, { locale: 'zh' })).toContain('生成时间: 2026-07-01 08:30:00 UTC+08:00 Asia/Shanghai');
    // The CLI's summary: local time of this machine, with its offset.
    expect(summaryText).toMatch(/生成时间: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC[+-]\d\d:\d\d /);
    expect(summaryText).not.toMatch(/生成时间: \d{4}-\d\d-\d\dT/);
  });
});
