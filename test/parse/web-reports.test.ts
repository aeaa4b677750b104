/**
 * Reports as crawled from Hebei provincial departments' web pages (fixtures/corpus/web, see its
 * MANIFEST): tables one cell per line with blank lines, a 2008 统计表 published as a page of its own.
 * Every cell is read with the value the page shows, and a correct report draws no error.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkReport } from '../metamorphic/harness.js';
import { ROOT } from '../helpers/examples.js';

const read = (name: string): string => readFileSync(resolve(ROOT, 'fixtures/corpus/web', name), 'utf8');

describe('web-crawled reports', () => {
  it('024 (cells one per line): 表二, 表三 and 表四 read whole, no error', async () => {
    const { report, findings } = await checkReport(read('024-hebei-education-2023.txt'));
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual([]);
    const t3 = report.tables.t3!;
    expect(Object.values(t3.cells).filter((c) => c.state === 'number')).toHaveLength(175);
    expect([t3.cells['t3.new.np']?.value, t3.cells['t3.new.biz']?.value, t3.cells['t3.new.total']?.value]).toEqual([18, 1, 19]);
    expect(t3.cells['t3.r.total.total']?.value).toBe(19);
    expect(Object.values(report.tables.t4!.cells).filter((c) => c.state === 'number')).toHaveLength(15);
    expect(report.meta.edition).toBe('2021');
  });

  it('025 (the whole report on one line, every table run together): 表三 and 表四 read by their one split each, no error', async () => {
    const { report, findings } = await checkReport(read('025-hebei-industry-it-2022.txt'));
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual([]);
    expect(Object.values(report.tables.t3!.cells).filter((c) => c.state === 'number')).toHaveLength(175);
    const t4 = report.tables.t4!;
    expect(['rev', 'lit_direct', 'lit_after'].map((g) => t4.cells[`t4.${g}.total`]?.value)).toEqual([1, 0, 1]);
    expect(Object.values(t4.cells).filter((c) => c.state === 'number')).toHaveLength(15);
    expect(findings.filter((f) => f.ruleId === 'glued-digits-read' && f.message.startsWith('表四'))).toHaveLength(1);
  });

  it('027 (a 统计表 page of its own): read as the report\'s 统计表; 办结 1 but 答复 0 is a warning', async () => {
    const { report, findings } = await checkReport(read('027-hebei-education-2018-tongjibiao.txt'));
    expect(report.meta.edition).toBe('2008');
    const stat = report.tables.stat!;
    expect([stat.cells['stat.a1.v']?.value, stat.cells['stat.a2.v']?.value, stat.cells['stat.a3.v']?.value]).toEqual([1, 1, 0]);
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'stat-answered-matches-handled').map((f) => f.severity)).toEqual(['warning']);
  });
});
