/** The one Chinese date reader: dates found, and dates written as dates that no calendar has. */
import { describe, expect, it } from 'vitest';
import { chineseDate, fieldDate, findDates, impossibleDate } from '../../src/format/dates.js';

describe('format/dates', () => {
  it('reads dates in digits, in Chinese numerals and with separators', () => {
    expect(findDates('2018年2月27日 二○一二年二月二十日 2020/1/31').map((d) => d.iso)).toEqual(['2018-02-27', '2012-02-20', '2020-01-31']);
    expect(chineseDate('2024-01-31')).toBe('2024年1月31日');
  });

  it('finds a date no calendar has, in digits or Chinese numerals, and nothing in a real one', () => {
    expect(impossibleDate('落款 2025年2月30日')).toBe('2025年2月30日');
    expect(impossibleDate('2025年13月1日')).toBe('2025年13月1日');
    expect(impossibleDate('二〇二五年二月三十日')).toBe('二〇二五年二月三十日');
    expect(impossibleDate('2024年2月29日')).toBeNull();
    expect(impossibleDate('1880年2月30日')).toBeNull();
    expect(impossibleDate('没有日期')).toBeNull();
  });

  it.each([
    ['2025-03-10', '2025-03-10'],
    ['2025-03-10 10:00:00', '2025-03-10'],
    ['2025-03-10T10:00:00+08:00', '2025-03-10'],
    ['2024/1/26 10:00', '2024-01-26'],
    ['2024.1.20', '2024-01-20'],
    ['2024年01月26日', '2024-01-26'],
    ['2025年3月10日 10:00', '2025-03-10'],
    ['2025年3月10', '2025-03-10'],
    ['发布时间：2024 年 1 月 20 日  来源：本网', '2024-01-20'],
    ['２０２４－０１－２０', '2024-01-20'],
    ['二〇二四年一月二十日', '2024-01-20'],
  ])('reads the date a page field or a crawled 时间 holds: %s', (value, iso) => {
    expect(fieldDate(value)).toBe(iso);
  });

  it.each(['2025-02-30', '2025年13月1日', '2025-03-101', '浏览次数：2025', ''])('reads no date from %j (not a calendar day, or not a date)', (value) => {
    expect(fieldDate(value)).toBeUndefined();
  });
});
