/** Unit tests of the normalisers, number and date readers, label matching and each row layout. */
import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/text.js';
import { findDates } from '../../src/format/dates.js';
import { labelSimilarity } from '../../src/parse/labels.js';
import { cjkCount, fold, labelKey, stripNumbering } from '../../src/format/normalize.js';
import { parseChineseNumber, readCell } from '../../src/format/numbers.js';
import { readGluedDigits } from '../../src/parse/glued-digits.js';
import { readRows } from '../../src/parse/rows.js';
import { agencyFromTitle } from '../../src/parse/meta.js';
import { readHeading } from '../../src/parse/outline.js';

const rows = (text: string) => readRows(toSourceLines(text)).map((r) => [r.kind, r.cells.map((c) => c.text)]);

describe('normalisers', () => {
  it('folds full-width characters and odd spaces, keeping every offset', () => {
    const text = '（一）１２３，\u3000ａＢ\u00a0⼀';
    expect(fold(text)).toBe('(一)123, aB 一');
    expect(fold(text)).toHaveLength(text.length);
  });

  it('keeps CJK punctuation that carries meaning', () => {
    expect(fold('、。“”《》')).toBe('、。“”《》');
  });

  it('gives one label key for width and punctuation variants', () => {
    expect(labelKey('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe(labelKey('(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)'));
    expect(labelKey('社会 公益 组织')).toBe('社会公益组织');
  });

  it('strips outline numbers and 其中', () => {
    expect(stripNumbering('其中：1、网站公开')).toBe('网站公开');
    expect(stripNumbering('（三）不予公开')).toBe('不予公开');
    expect(stripNumbering('8.属于行政查询事项')).toBe('属于行政查询事项');
    expect(stripNumbering('12.5万元')).toBe('12.5万元');
    expect(cjkCount('a中b文')).toBe(2);
  });
});

describe('numbers', () => {
  it('reads cell states without guessing', () => {
    expect(readCell('')).toEqual({ state: 'blank', value: null });
    expect(readCell(' — ').state).toBe('dash');
    expect(readCell('/').state).toBe('dash');
    expect(readCell('不适用').state).toBe('na');
    expect(readCell('无').state).toBe('na');
    expect(readCell('见附件').state).toBe('text');
    expect(readCell('１，２３４')).toEqual({ state: 'number', value: 1234 });
    expect(readCell('1,234.50')).toEqual({ state: 'number', value: 1234.5, decimals: 2 });
    expect(readCell('24252.311082')).toMatchObject({ value: 24252.311082, decimals: 6 });
    expect(readCell('251000元')).toEqual({ state: 'number', value: 251000, unit: '元' });
    expect(readCell('0.5 万元')).toMatchObject({ value: 0.5, unit: '万元' });
    expect(readCell('+1036')).toEqual({ state: 'number', value: 1036 });
    expect(readCell('-3')).toEqual({ state: 'number', value: -3 });
    expect(readCell('8.05%')).toMatchObject({ value: 8.05, unit: '%' });
  });

  it('reads Chinese numerals', () => {
    expect(parseChineseNumber('十二')).toBe(12);
    expect(parseChineseNumber('一百二十')).toBe(120);
    expect(parseChineseNumber('三千零五')).toBe(3005);
    expect(parseChineseNumber('两万')).toBe(20000);
    expect(parseChineseNumber('二〇一二')).toBe(2012);
    expect(parseChineseNumber('多')).toBeNull();
  });

  it('splits digits that ran together only when one split is possible', () => {
    expect(readGluedDigits('000', 3)).toMatchObject({ kind: 'unique', values: [0, 0, 0] });
    expect(readGluedDigits('105', 3)).toMatchObject({ kind: 'unique', values: [1, 0, 5] });
    expect(readGluedDigits('693665', 3).kind).toBe('ambiguous');
    expect(readGluedDigits('12', 3).kind).toBe('impossible');
  });
});

describe('dates', () => {
  it('reads the date forms reports use', () => {
    expect(findDates('2018年2月27日').map((d) => d.iso)).toEqual(['2018-02-27']);
    expect(findDates('二○一二年二月二十日').map((d) => d.iso)).toEqual(['2012-02-20']);
    expect(findDates('二〇一三年一月二十日').map((d) => d.iso)).toEqual(['2013-01-20']);
    expect(findDates('发布时间 2020-01-20 15:22').map((d) => d.iso)).toEqual(['2020-01-20']);
    expect(findDates('2020/1/31').map((d) => d.iso)).toEqual(['2020-01-31']);
    expect(findDates('（２０２６年１月２３日）').map((d) => d.iso)).toEqual(['2026-01-23']);
    expect(findDates('2019年2月30日')).toEqual([]);
  });
});

describe('labels', () => {
  it('matches misprints, fragments and width variants, not other rows', () => {
    expect(labelSimilarity('2.其他法律行政止公开', '2.其他法律行政法规禁止公开')).toBeGreaterThanOrEqual(0.75);
    expect(labelSimilarity('（二）部分公开（区分处理的，只计这一情', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBeGreaterThanOrEqual(0.75);
    expect(labelSimilarity('1. 属于国家秘密', '1.属于国家秘密')).toBe(1);
    expect(labelSimilarity('2.其他法律行政法规禁止公开', '3.其他')).toBe(0);
    expect(labelSimilarity('1.本机关不掌握相关政府信息', '1.属于国家秘密')).toBe(0);
  });
});

describe('row layouts', () => {
  it('TAB rows keep empty cells', () => {
    expect(rows('一、本年新收\t26\t\t\t26')).toEqual([['tab', ['一、本年新收', '26', '', '', '26']]]);
  });

  it('markdown pipe rows drop separator lines', () => {
    expect(rows('| 行政许可 | 97 |\n|---|---|\n| 行政处罚 |  |')).toEqual([
      ['pipe', ['行政许可', '97']],
      ['pipe', ['行政处罚', '']],
    ]);
  });

  it('pdftotext layout splits columns on runs of spaces and trailing numbers', () => {
    expect(rows('一、本年新收政府信息公开申请数量      21    0      0\n行政许可 97\n-3-')).toEqual([
      ['layout', ['一、本年新收政府信息公开申请数量', '21', '0', '0']],
      ['layout', ['行政许可', '97']],
    ]);
  });

  it('a cell per line with a leading TAB, rows between blank lines, broken labels joined', () => {
    const text = '\t（三）不予\n\n公开\n\t1.属于国家秘密\n\t0\n\t\n\n\t总计\n\t5';
    expect(rows(text)).toEqual([
      ['cells', ['(三)不予公开', '1.属于国家秘密', '0', '']],
      ['cells', ['总计', '5']],
    ]);
  });

  it('cells ended by | lines, as many per row as the header has', () => {
    const text = ['统 计 指 标', '|', '单位', '|', '合计', '|', '(一)主动公开政府信息数', '(不同渠道和方式公开相同信息计1条)', '|', '条', '|', '1267', '|', '(三)从事人员数', '|', '人', '|', '|'].join('\n');
    expect(rows(text)).toEqual([
      ['bar', ['统 计 指 标', '单位', '合计']],
      ['bar', ['(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)', '条', '1267']],
      ['bar', ['(三)从事人员数', '人', '']],
    ]);
  });
});

describe('metadata helpers', () => {
  it('reads the agency from a title', () => {
    expect(agencyFromTitle('洪泽区人民政府2023年政府信息公开工作年度报告')).toBe('洪泽区人民政府');
    expect(agencyFromTitle('2024 年上海市科委政府信息公开工作年度报告')).toBe('上海市科委');
  });

  it('reads headings, also glued to their first sentence', () => {
    expect(readHeading('一、总体情况2021年，我区以…', { line: 1 })).toMatchObject({ level: 1, number: '一', title: '总体情况', glued: true });
    expect(readHeading('（二）依申请公开情况。进一步规范…', { line: 1 })).toMatchObject({ level: 2, title: '依申请公开情况', glued: true });
    expect(readHeading('## 一、总体情况', { line: 1 })).toMatchObject({ level: 1, title: '总体情况', glued: false });
    expect(readHeading('2023 年，洪泽区…', { line: 1 })).toBeNull();
  });
});
