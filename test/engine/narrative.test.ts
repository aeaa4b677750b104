/**
 * Narrative checks: a figure is compared with the table only when its sentence has the table's
 * scope; each scope qualifier suppresses the comparison, and without it the comparison is made.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText, parseText } from '../helpers/examples.js';
import { readCell } from '../../src/format/numbers.js';

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

describe('narrative parts summed at one level', () => {
  const parts = async (sentence: string) => (await checkText(withSentence(sentence), 'narrative-parts-sum')).filter((f) => f.ruleId === 'narrative-parts-sum');

  it('does not add the breakdown of one part (in brackets) to the parts of the total', async () => {
    expect(await parts('全年共公开信息3000条，其中主动公开政府信息2000条（县直单位1500条，各乡镇500条），依申请公开信息1000条。')).toEqual([]);
  });

  it('does not add the breakdown of one part (named by lower levels, no brackets) either', async () => {
    expect(await parts('全年共公开信息3000条，其中主动公开政府信息2000条，县直单位1500条，各乡镇500条，依申请公开信息1000条。')).toEqual([]);
  });

  it('still adds parts that only happen to add up to another part', async () => {
    const found = await parts('本年度我局信息公开共计67条。其中，机构职能更新3条，法规公文更新2条，政府信息公开年报1条，工作动态更新64条。');
    expect(found.map((f) => [f.severity, f.actual, f.expected])).toEqual([['warning', 67, 70]]);
  });

  it('shows the sum it computed, and the breakdown it left out', async () => {
    const found = await parts('全年共公开信息2900条，其中主动公开政府信息2000条（县直单位1500条，各乡镇500条），依申请公开信息1000条。');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', actual: 2900, expected: 3000 });
    expect(found[0]!.message).toContain('2000 + 1000 = 3000');
    expect(found[0]!.message).toContain('1500、500');
  });

  it('sums a list in brackets after its total', async () => {
    expect(await parts('共公布政府信息120条，（其中政策文件20条，工作动态100条）。')).toEqual([]);
    const found = await parts('共公布政府信息110条，（其中政策文件20条，工作动态100条），另有图解5条。');
    expect(found.map((f) => [f.severity, f.actual, f.expected])).toEqual([['warning', 110, 120]]);
    expect(found[0]!.message).toContain('20 + 100 = 120');
  });

  it('does not take a note in brackets for a breakdown', async () => {
    expect(await parts('共办结申请100件（含上年结转申请30件，同比增长20件）。')).toEqual([]);
    expect(await parts('全年办理人大建议20件（上年为18件，本年新增2件）。')).toEqual([]);
  });
});

describe('narrative lists that name their own count', () => {
  const counts = async (sentence: string) => (await checkText(withSentence(sentence), 'narrative-list-count')).filter((f) => f.ruleId === 'narrative-list-count');

  it('compares the count with the items listed', async () => {
    const found = await counts('主动公开的信息有七类：机构职能、政策文件、规划计划、行政许可、财政资金、人事信息。');
    // Located at the stated count: actual is what the text says (7), expected the items listed (6).
    expect(found.map((f) => [f.severity, f.expected, f.actual])).toEqual([['warning', 6, 7]]);
    expect(found[0]!.message).toContain('6');
  });

  it('accepts a matching list, and 和 that may join the last two items', async () => {
    expect(await counts('主动公开的信息有七类：机构职能、政策文件、规划计划、行政许可、财政资金、人事信息、其他信息。')).toEqual([]);
    expect(await counts('主动公开的信息有七类：机构职能、政策文件、规划计划、行政许可、财政资金、人事信息和其他信息。')).toEqual([]);
  });

  it('counts 一是 … items over the following sentences and says only when too few follow', async () => {
    expect(await counts('我们主要做了三个方面的工作：一是加强培训。二是完善制度。三是强化考核。')).toEqual([]);
    const short = await counts('我们主要做了三个方面的工作：一是加强培训。二是完善制度。');
    expect(short).toHaveLength(1);
    // 方面 are counted as 个方面 (the kind's shared message measure-aspects).
    expect(short[0]!.message).toContain('其后列出了 2 个方面');
  });

  it('does not count a list that ends with 等', async () => {
    expect(await counts('主动公开的信息有七类：机构职能、政策文件等。')).toEqual([]);
  });

  it('counts a section title that holds 、 (行政复议、行政诉讼情况) once, and only such a title', async () => {
    expect(await counts('本报告共分4个部分：总体情况、主动公开、行政复议、行政诉讼情况、其他事项。')).toEqual([]);
    // Two items that together name no part of the format are two items.
    expect(await counts('主动公开的信息有三类：机构职能、政策文件、规划计划、行政许可。')).toHaveLength(1);
    expect(await counts('本报告共分3个部分：总体情况、主动公开、行政复议、行政诉讼情况、其他事项。')).toHaveLength(1);
  });
});

describe('narrative verbs and signs', () => {
  it('reads 全年办理…申请N件 against 表三', async () => {
    expect(await figures('全年办理政府信息公开申请300件。')).toHaveLength(1);
    expect(await figures('全年办理政府信息公开申请218件。')).toEqual([]);
  });

  it('reads a count after − or － as negative, and 3-5件 as a range', () => {
    const report = parseText(withSentence('结转件数较上年变化−3件，另有－2件，处理3-5件。'));
    const values = report.narrative.filter((n) => n.sentence.includes('结转件数较上年')).map((n) => n.value);
    expect(values).toEqual([-3, -2, 5]);
    expect(readCell('−5')).toMatchObject({ state: 'number', value: -5 });
    expect(readCell('－5')).toMatchObject({ state: 'number', value: -5 });
    expect(readCell('−')).toMatchObject({ state: 'dash' });
  });
});

describe('narrative list items and their separators', () => {
  it('parts items by the strongest separator (commas inside 、-separated items are not separators)', async () => {
    const found = await checkText(withSentence('主要做了三方面工作：加强组织领导，明确责任分工、完善制度建设、强化监督考核。'), 'narrative-list-count');
    expect(found.filter((f) => f.ruleId === 'narrative-list-count')).toEqual([]);
  });
});

describe('narrative figures named by two verbs', () => {
  it('reports 受理并办理…申请N件 once', async () => {
    expect(await figures('全年共受理并办理政府信息公开申请300件。')).toHaveLength(1);
  });
});
