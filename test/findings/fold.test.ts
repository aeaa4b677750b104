/**
 * One defect, one finding (issue 19): the folding step on real reports of fixtures/ and on
 * findings built by hand (what it folds must not depend on messages, tables or order).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBytes } from '../../src/check.js';
import { Checker } from '../../src/engine/run.js';
import { declaredSeverities, foldFindings, partNumber } from '../../src/findings/fold.js';
import type { Finding } from '../../src/model/finding.js';
import { builtinPacks, parseText, ROOT } from '../helpers/examples.js';

const checker = (): Checker => new Checker(builtinPacks());
const read = (path: string): string => readFileSync(resolve(ROOT, path), 'utf8');

async function checkedText(text: string, name = 'report.txt'): Promise<Finding[]> {
  return (await checkBytes(new TextEncoder().encode(text), name, checker())).findings;
}

/** The fixture with one replacement made (the test fails when the text is not there). */
function edited(path: string, from: string, to: string): string {
  const text = read(path);
  expect(text.includes(from), `${from} in ${path}`).toBe(true);
  return text.replace(from, to);
}

describe('folding on real reports', () => {
  it('a 总计 filled with 0 (013, 表三 （七）总计) is one error, the other broken relations folded into it', async () => {
    const findings = await checkedText(edited('fixtures/corpus/text/013-pingtan-2024.txt', '（七）总计\t217\t1\t0\t0\t0\t0\t218', '（七）总计\t217\t1\t0\t0\t0\t0\t0'));
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.ruleId)).toEqual(['table3-results-total']);
    expect(errors[0]!.related?.map((f) => f.ruleId).sort()).toEqual(['table3-column-balance', 'table3-row-total']);
    expect(errors[0]!.related?.every((f) => f.severity === 'error' && f.expected === 218 && f.actual === 0)).toBe(true);
  });

  it('a blank 总计 cell (013) is one 提示 by blank-cells, the three relations it blocks folded into it', async () => {
    const findings = await checkedText(edited('fixtures/corpus/text/013-pingtan-2024.txt', '（七）总计\t217\t1\t0\t0\t0\t0\t218', '（七）总计\t217\t1\t0\t0\t0\t0\t'));
    const atLine = findings.filter((f) => f.location.row === 'r.total');
    expect(atLine.map((f) => f.ruleId)).toEqual(['blank-cells']);
    expect(atLine[0]!.related?.map((f) => f.ruleId).sort()).toEqual(['table3-column-balance', 'table3-results-total', 'table3-row-total']);
  });

  it('a blank 总计 in a PDF-layout row (003) is one unreadable-row 提示 with the 14 checks it blocks', async () => {
    const findings = await checkedText(edited('fixtures/corpus/text/003-hongze-district-2024.txt', '（七）总计                             95   0   0   0    0    0   95', '（七）总计                             95   0   0   0    0    0     '));
    expect(findings.filter((f) => f.severity === 'info').map((f) => f.ruleId)).toEqual(['unreadable-table-rows']);
    const [row] = findings.filter((f) => f.ruleId === 'unreadable-table-rows');
    expect(row!.related).toHaveLength(14);
  });

  it('125 blank cells (023) give one blank-cells 提示, not 38', async () => {
    const findings = await checkedText(read('fixtures/corpus/text/023-shuyang-county-fgj-2023.txt'));
    const t3 = findings.filter((f) => f.location.table === 't3');
    expect(t3.map((f) => f.ruleId)).toEqual(['blank-cells']);
    expect(t3[0]!.related!.length).toBeGreaterThanOrEqual(30);
  });

  it('parts renumbered from 二 on (013: 三 … 七) give one warning, not five', async () => {
    let text = read('fixtures/corpus/text/013-pingtan-2024.txt');
    for (const [from, to] of [['六、其他需要报告', '七、其他需要报告'], ['五、存在的主要问题', '六、存在的主要问题'], ['四、政府信息公开行政复议', '五、政府信息公开行政复议'], ['三、收到和处理', '四、收到和处理'], ['二、主动公开政府信息情况', '三、主动公开政府信息情况']] as const) {
      expect(text.includes(from)).toBe(true);
      text = text.replace(from, to);
    }
    const sections = (await checkedText(text)).filter((f) => f.ruleId === 'required-sections');
    expect(sections).toHaveLength(1);
    expect(sections[0]!.related).toHaveLength(4);
  });

  it('two numbering shifts in opposite directions (005) stay two findings', async () => {
    const numbering = (await checkedText(read('fixtures/corpus/text/005-shanghai-stcsm-2024.txt'))).filter((f) => f.ruleId === 'required-sections' && f.related);
    expect(numbering.map((f) => [f.location.line, f.related!.length])).toEqual([[30, 1], [180, 1]]);
  });

  it('a missing 统计表 (002-kejiju, 2008) is one warning; the parser’s “no table” note is folded into it', async () => {
    const findings = await checkedText(read('fixtures/seeds/002-kejiju-2016.txt'));
    expect(findings.some((f) => f.ruleId === 'parse/no-tables')).toBe(false);
    const [missing] = findings.filter((f) => f.ruleId === 'stat-table-present');
    expect(missing!.related?.map((f) => f.ruleId)).toEqual(['parse/no-tables']);
  });

  it('the two 表四 总计 left at 0 (002-hongze) are two defects: different cells, different amounts', async () => {
    const errors = (await checkedText(read('fixtures/corpus/text/002-hongze-district-2023.txt'))).filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(2);
    expect(errors.every((f) => f.related === undefined)).toBe(true);
  });
});

describe('foldFindings', () => {
  const report = parseText(read('fixtures/corpus/text/013-pingtan-2024.txt').replace('（七）总计\t217\t1\t0\t0\t0\t0\t218', '（七）总计\t217\t1\t0\t0\t0\t0\t'));
  const declared = declaredSeverities(checker().rules);
  const at = { line: 57, table: 't3', row: 'r.total', col: 'total' };
  const blank: Finding = { ruleId: 'blank-cells', severity: 'info', message: 'a', location: at };
  const cannot: Finding = { ruleId: 'table3-row-total', severity: 'info', message: 'b', location: at };

  it('does not read messages: other messages fold the same way', () => {
    const a = foldFindings([blank, cannot], report, declared);
    const b = foldFindings([{ ...blank, message: 'x' }, { ...cannot, message: 'y' }], report, declared);
    expect(a.map((f) => [f.ruleId, f.related?.length])).toEqual([['blank-cells', 1]]);
    expect(b.map((f) => [f.ruleId, f.related?.length])).toEqual(a.map((f) => [f.ruleId, f.related?.length]));
  });

  it('keeps a failed check (an error) apart from a blank cell: a certain failure is a defect of its own', () => {
    const failed: Finding = { ...cannot, severity: 'error' };
    expect(foldFindings([blank, failed], report, declared)).toHaveLength(2);
  });

  it('does not fold across tables', () => {
    const elsewhere: Finding = { ...cannot, ruleId: 'table4-group-total', location: { line: 63, table: 't4', row: 'review', col: 'total' } };
    expect(foldFindings([blank, elsewhere], report, declared)).toHaveLength(2);
  });

  it('does not fold equal amounts that share no row or column', () => {
    const a: Finding = { ruleId: 'table3-results-total', severity: 'error', message: '', location: { line: 1, table: 't3', row: 'r.total', col: 'np' }, expected: 5, actual: 4 };
    const b: Finding = { ruleId: 'table3-row-total', severity: 'error', message: '', location: { line: 2, table: 't3', row: 'new', col: 'total' }, expected: 9, actual: 8 };
    expect(foldFindings([a, b], report, declared)).toHaveLength(2);
  });

  it('reads part numbers', () => {
    expect([partNumber('三、收到'), partNumber('十、x'), partNumber('（三）x'), partNumber(3)]).toEqual([3, 10, null, null]);
  });
});
