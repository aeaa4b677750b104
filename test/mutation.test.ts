/**
 * The mutation test of the checker (issue 10), run on the real reports of the fixtures: every
 * number that takes part in an exact relation of the rule packs (one holding on the original) is
 * changed in the report text, one at a time, and the changed text is parsed and checked again.
 * Every change must give a new error. The clean reports get two changes per cell (+1, and −1 or
 * 0 → 7); the reports with known defects one (+1), to keep the run short — `npm run mutation`
 * measures both on every report.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  CLEAN_REPORTS, ROOT, exactRelations, fixtureReports, formatResults, mutateReport, mutateText, mutatedValue, parseText, totals, type ReportResult,
} from '../scripts/mutation.js';
import { Checker } from '../src/engine/run.js';
import { builtinPacks } from './helpers/examples.js';

const packs = builtinPacks();
const checker = new Checker(packs);
const read = (file: string): string => readFileSync(resolve(ROOT, file), 'utf8');

/**
 * Cells in exact relations that hold, per report (the measured population). Pinned so that a rule
 * that stops expanding over a row or column, or a parser change that loses cells, shows here.
 * 表三 + 表四 of a complete 2021 report: 25 × 7 + 15 = 190; 2019-style （六）: 23 × 7 + 15 = 176.
 */
const CELLS: Record<string, number> = {
  '001-huaian-city-2024.txt': 190,
  '002-hongze-district-2023.txt': 166, // 表四 行政复议 and 复议后起诉 fail in the original (10 cells)
  '003-hongze-district-2024.txt': 176,
  '004-shuyang-county-2025.txt': 190,
  '005-shanghai-stcsm-2024.txt': 189, // the blank 结转下年度 总计 is in failing relations only
  '006-shanghai-gov-office-2025.txt': 190,
  '010-pingtan-2021.txt': 190,
  '013-pingtan-2024.txt': 190,
  '015-pingtan-county-2011.txt': 22,
  '018-pingtan-zone-2012.txt': 20,
  '023-shuyang-county-fgj-2023.txt': 65, // the five 法人或其他组织 columns are blank: 125 blank cells
  '000-jiangyou-2017.txt': 3,
  '001-linzi-2017.txt': 0, // its one relation (人员数 = 专职 + 兼职) has a blank 专职: no certain relation
  '002-kejiju-2016.txt': 0, // no statistical table
  '003-ankang-2018.txt': 31,
  '004-wanyuan-2019.txt': 176,
};

function expectAllDetected(result: ReportResult): void {
  const missed = result.mutations.filter((m) => !m.detectedByError);
  // The listing says which mutation was missed and why, should this ever fail.
  expect(missed.length === 0 ? '' : formatResults([result])).toBe('');
  for (const m of result.mutations) {
    expect(m.detectedByRelation).toBe(true);
    // The parser reads every changed number as written, and nothing else changes.
    expect(m.misread).toBeUndefined();
  }
}

describe('mutation test on the real reports', () => {
  it('covers every text fixture', () => {
    expect(fixtureReports().map((f) => basename(f)).sort()).toEqual(Object.keys(CELLS).sort());
  });

  const results: ReportResult[] = [];
  for (const file of fixtureReports()) {
    const name = basename(file);
    const clean = CLEAN_REPORTS.includes(name);
    it(`detects every change of a number in an exact relation: ${name}${clean ? ' (clean, 2 changes per cell)' : ''}`, async () => {
      const result = await mutateReport(file, read(file), checker, packs, { kinds: clean ? ['inc', 'alt'] : ['inc'] });
      results.push(result);
      expect(result.cells).toBe(CELLS[name]);
      expect(result.mutations).toHaveLength(result.cells * (clean ? 2 : 1));
      expectAllDetected(result);
    });
  }

  it('publishes the figure: 100% detected, all by an error', () => {
    const all = totals(results);
    const cleanTotals = totals(results.filter((r) => r.clean));
    expect(cleanTotals).toEqual({ cells: 635, mutations: 1270, detected: 1270, detectedByError: 1270 });
    expect(all.cells).toBe(1798);
    expect(all.detected).toBe(all.mutations);
    expect(all.detectedByError).toBe(all.mutations);
    expect(formatResults(results)).toContain('undetected mutations: none');
  });
});

/**
 * The web-crawled layouts (fixtures/corpus/web): 024 lays its tables out one cell per line, 025 runs
 * every row's digits together (表三 and 表四 read by their one split). A changed number must still
 * give an error: a relation error when the new digits split one way, glued-digits-no-split when no
 * split keeps the relations.
 */
const WEB_CELLS: Record<string, number> = {
  '024-hebei-education-2023.txt': 190,
  '025-hebei-industry-it-2022.txt': 190,
};

describe('mutation test on web-crawled layouts', () => {
  for (const [name, cells] of Object.entries(WEB_CELLS)) {
    it(`detects every change of a number in an exact relation: ${name}`, async () => {
      const file = `fixtures/corpus/web/${name}`;
      const result = await mutateReport(file, read(file), checker, packs, { kinds: ['inc'] });
      expect(result.cells).toBe(cells);
      expect(result.mutations.filter((m) => !m.detectedByError).map((m) => `${m.cell}: ${m.reason ?? ''}`)).toEqual([]);
    }, 120_000);
  }
});

describe('mutation test machinery', () => {
  it('enumerates only exact relations that hold on the original', () => {
    const report = parseText(read('fixtures/corpus/text/002-hongze-district-2023.txt'));
    const relations = exactRelations(report, packs);
    const rules = new Set(relations.map((r) => r.ruleId));
    // The inequalities and the rule with a tolerance never enter the measure.
    expect(rules.has('t2-made-within-valid')).toBe(false);
    expect(rules.has('fee-amount-unit')).toBe(false);
    expect(rules).toEqual(new Set(['table3-column-balance', 'table3-results-total', 'table3-row-total', 'table4-group-total']));
    // 表四 行政复议 (10+1+0+0 ≠ 0) fails in the original; 未经复议直接起诉 holds.
    const t4 = relations.filter((r) => r.ruleId === 'table4-group-total').map((r) => r.source);
    expect(t4).toEqual(['t4.lit_direct.keep + t4.lit_direct.fix + t4.lit_direct.other + t4.lit_direct.pending == t4.lit_direct.total']);
    // 2019-style （六）: the expansion over the three 2021 rows does not apply, the single row does.
    expect(relations.some((r) => r.cells.includes('t3.r.other.np'))).toBe(true);
    expect(relations.some((r) => r.cells.includes('t3.r.other.1.np'))).toBe(false);
  });

  it('changes only the number at the cell\'s place in the text', () => {
    const text = read('fixtures/corpus/text/013-pingtan-2024.txt');
    const report = parseText(text);
    const cell = report.tables.t3!.cells['t3.new.total']!;
    const mutated = mutateText(text, cell, mutatedValue(cell.value!, 'inc'));
    expect(mutated.locationNote).toBeUndefined();
    const before = text.split('\n');
    const after = mutated.text.split('\n');
    expect(after.filter((l, i) => l !== before[i])).toEqual([before[cell.at.line - 1]!.replace(/\t218$/, '\t219')]);
    expect(parseText(mutated.text).tables.t3!.cells['t3.new.total']!.value).toBe(219);
  });

  it('writes into a blank cell between its TABs', () => {
    const text = read('fixtures/corpus/text/023-shuyang-county-fgj-2023.txt');
    const cell = parseText(text).tables.t3!.cells['t3.new.biz']!;
    expect(cell.state).toBe('blank');
    const mutated = parseText(mutateText(text, cell, 1).text).tables.t3!.cells;
    expect(mutated['t3.new.biz']).toMatchObject({ state: 'number', value: 1 });
    expect(mutated['t3.new.np']!.value).toBe(26);
    expect(mutated['t3.new.total']!.value).toBe(26);
  });

  it('mutated values stay non-negative integers and differ from the original', () => {
    for (const v of [0, 1, 9, 10, 3119]) {
      for (const kind of ['inc', 'alt', 'wide'] as const) {
        const m = mutatedValue(v, kind);
        expect(Number.isInteger(m) && m >= 0 && m !== v).toBe(true);
      }
    }
    expect(mutatedValue(0, 'alt')).toBe(7);
    expect(mutatedValue(10, 'alt')).toBe(9);
    expect(mutatedValue(37, 'wide')).toBe(137);
  });

  it('reports a change no rule catches, with the reason (the rule turned off)', async () => {
    const file = 'fixtures/corpus/text/013-pingtan-2024.txt';
    const blind = new Checker(packs, { rules: { 'table4-group-total': 'off' } });
    const result = await mutateReport(file, read(file), blind, packs, { kinds: ['inc'], only: (id) => id.startsWith('t4.lit_direct.') });
    expect(result.cells).toBe(5);
    // 013 has no 行政诉讼 figure in its prose, so nothing else sees the change.
    expect(result.detected).toBe(0);
    for (const m of result.mutations) expect(m.reason).toBe('relation broken but no new finding (same fingerprint as an existing finding?): table4-group-total');
    expect(formatResults([result])).toContain('undetected mutations: 5');
  });
});
