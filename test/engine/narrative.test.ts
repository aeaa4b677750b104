/**
 * Narrative checks: a figure is compared with the table only when its sentence has the table's
 * scope; each scope qualifier suppresses the comparison, and without it the comparison is made.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText } from '../helpers/examples.js';

const BASE = readFileSync('fixtures/corpus/text/013-pingtan-2024.txt', 'utf8');
/** 013 with one sentence added to section 六 (its 表三 本年新收 总计 is 218). */
const withSentence = (sentence: string): string => BASE.replace('2024年，无收取信息处理费情况。', `2024年，无收取信息处理费情况。${sentence}`);
const figures = async (sentence: string) => (await checkText(withSentence(sentence), 'narrative-figures')).filter((f) => f.ruleId === 'narrative-figures');

describe('narrative figures and scope qualifiers', () => {
  it('compares a plain statement with the table, naming both numbers', async () => {
    const found = await figures('全年共受理政府信息公开申请300件。');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', expected: 218, actual: 300 });
    expect(found[0]!.message).toContain('300');
    expect(found[0]!.message).toContain('218');
  });

  it('accepts the table value, and 新收 + 上年结转 when that is what the sentence counts', async () => {
    expect(await figures('全年共受理政府信息公开申请218件。')).toEqual([]);
  });

  const qualifiers: [string, string][] = [
    ['全市 (a wider area than the agency)', '全市共受理政府信息公开申请300件。'],
    ['各部门 (constituent units)', '各部门共受理政府信息公开申请300件。'],
    ['累计 (a running total)', '累计受理政府信息公开申请300件。'],
    ['备案 (filings, not applications)', '受理并备案政府信息公开申请300件。'],
    ['another year', '2023年受理政府信息公开申请300件。'],
    ['an approximate figure', '全年受理政府信息公开申请300余件。'],
  ];
  for (const [name, sentence] of qualifiers) {
    it(`does not compare with ${name}`, async () => {
      expect(await figures(sentence)).toEqual([]);
    });
  }

  it('compares a figure a sub-unit states on behalf of the government (区政府办代表区政府)', async () => {
    expect(await figures('区政府办代表区政府受理政府信息公开申请300件。')).toHaveLength(1);
  });

  it('does not take a channel figure for the total', async () => {
    expect(await figures('通过政府网站受理政府信息公开申请300件。')).toEqual([]);
  });

  it('reads the outcome figures against their rows', async () => {
    const found = await figures('其中，予以公开72件，部分公开29件，不予公开39件，无法提供75件，不予处理1件。');
    expect(found.map((f) => [f.expected, f.actual])).toEqual([[71, 72], [39, 39]].filter(([a, b]) => a !== b));
  });
});

describe('narrative contradictions, enumeration and plans', () => {
  it('flags 均已办结 only when applications are carried over', async () => {
    const clean = await checkText(withSentence('所有申请均已按时办结。'), 'narrative-contradiction');
    expect(clean.filter((f) => f.ruleId === 'narrative-contradiction')).toEqual([]);
    const carried = BASE.replace('四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0', '四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1');
    const found = await checkText(carried.replace('2024年，无收取信息处理费情况。', '2024年，无收取信息处理费情况。所有申请均已按时办结。'), 'narrative-contradiction');
    expect(found.filter((f) => f.ruleId === 'narrative-contradiction')).toHaveLength(1);
  });

  it('flags 未收到申请 while 本年新收 is positive', async () => {
    const found = await checkText(withSentence('本年度未收到政府信息公开申请。'), 'narrative-contradiction');
    expect(found.filter((f) => f.ruleId === 'narrative-contradiction').map((f) => f.message)).toEqual([expect.stringContaining('未收到')]);
  });

  it('flags 一是…三是 without 二是 but not a complete list', async () => {
    const gap = await checkText(withSentence('一是加强培训；三是完善制度。'), 'narrative-enumeration');
    expect(gap.filter((f) => f.ruleId === 'narrative-enumeration')).toHaveLength(1);
    const full = await checkText(withSentence('一是加强培训；二是完善制度；三是强化考核。'), 'narrative-enumeration');
    expect(full.filter((f) => f.ruleId === 'narrative-enumeration')).toEqual([]);
  });

  it('flags plans dated with the report year, not work done in it', async () => {
    const plan = await checkText(withSentence('2024年，我们将进一步加强培训。'), 'narrative-plans-year');
    expect(plan.filter((f) => f.ruleId === 'narrative-plans-year')).toHaveLength(1);
    const done = await checkText(withSentence('2024年，我们已完成培训。2025年，我们将进一步加强培训。'), 'narrative-plans-year');
    expect(done.filter((f) => f.ruleId === 'narrative-plans-year')).toEqual([]);
  });
});
