/**
 * `intro-parts`: the intro's list of parts against the report's top-level headings. The list is
 * read in every form real intros use; each item is matched by meaning (words all titles share
 * dropped, or the same part of the national format); only an item that is no part of the report
 * is reported, and said to be a subheading when it is one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { introList, introParts, itemNames } from '../../src/engine/checks/intro-parts.js';
import { parseText } from '../helpers/examples.js';

const P2024 = 'fixtures/corpus/text/013-pingtan-2024.txt';
const INTRO_2024 = '本报告共分6个部分：总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。';
const text2024 = readFileSync(P2024, 'utf8');
/** 013 with its intro list replaced. */
const withIntro = (intro: string): string => {
  expect(text2024).toContain(INTRO_2024);
  return text2024.replace(INTRO_2024, intro);
};
const outcomes = (text: string) => introParts(parseText(text));

describe('introList: the forms of the intro sentence', () => {
  it.each([
    ['本报告共分6个部分：总体情况、主动公开、依申请公开、其他事项。', ['总体情况', '主动公开', '依申请公开', '其他事项']],
    ['全文包括总体情况、主动公开、依申请公开、政府信息管理等六部分。', ['总体情况', '主动公开', '依申请公开', '政府信息管理']],
    ['本报告由概述、主动公开政府信息情况、统计表共三个部分组成。', ['概述', '主动公开政府信息情况', '统计表']],
    ['本报告由市政府办公室编制，全文包括总体情况、主动公开政府信息情况、其他需要报告的事项，数据统计期限为全年。', ['总体情况', '主动公开政府信息情况', '其他需要报告的事项']],
    ['本年度报告包括总体情况、主动公开情况、依申请公开情况和其他需要报告的事项等四个部分。', ['总体情况', '主动公开情况', '依申请公开情况和其他需要报告的事项']],
  ])('%s', (sentence, items) => {
    expect(introList(sentence)?.items).toEqual(items);
  });

  it.each([
    ['本报告由市政府办公室编制。'],
    ['本报告包括总体情况和主动公开情况。'],
    ['全市包括甲区、乙区、丙区等三个部分。'],
  ])('no list: %s', (sentence) => {
    expect(introList(sentence)).toBeNull();
  });
});

describe('itemNames: an item names a heading by meaning, not by its words', () => {
  it.each([
    ['主动公开', '主动公开政府信息情况'],
    ['依申请公开', '收到和处理政府信息公开申请情况'],
    ['存在的问题及工作打算', '存在的问题及改进情况'],
    ['政府信息公开工作存在的主要问题及改进情况', '存在的主要问题及改进情况'],
    ['机构建设', '机构建设、保障经费和培训会议情况'],
    ['概述', '总体情况'],
  ])('%s names %s', (item, heading) => expect(itemNames(item, heading)).toBe(true));

  it.each([
    ['政府信息管理', '主动公开政府信息情况'],
    ['平台建设', '其他需要报告的事项'],
    ['政府信息管理', '收到和处理政府信息公开申请情况'],
    ['监督保障', '总体情况'],
  ])('%s does not name %s', (item, heading) => expect(itemNames(item, heading)).toBe(false));
});

describe('introParts on rewritten intros of a correct report', () => {
  it.each([
    ['the original', INTRO_2024],
    ['count last', '本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六个部分。'],
    ['abbreviated', '全文包括总体情况、主动公开、依申请公开、复议诉讼情况、存在的问题及改进措施、其他事项等六部分。'],
    ['the 2019 wordings', '本报告由总体情况、主动公开政府信息的情况、收到和处理政府信息公开申请的情况、因政府信息公开工作被申请行政复议、提起行政诉讼情况、存在的主要问题及整改情况和其他需要报告的事项组成。'],
    ['some parts left out', '本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等部分。'],
    ['no list', '本报告按格式要求编制。'],
  ])('%s: nothing', (_name, intro) => {
    expect(outcomes(withIntro(intro))).toEqual([]);
  });

  it('a part the report does not have is named, at the list, with the sections the report has', () => {
    const found = outcomes(withIntro(INTRO_2024.replace('存在的主要问题及改进情况', '队伍建设情况')));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ actual: '队伍建设情况', location: { line: 8 } });
    expect(found[0]!.messageId).toBeUndefined();
    expect(found[0]!.vars.items).toBe('「队伍建设情况」');
    expect(String(found[0]!.vars.sections)).toMatch(/^一、总体情况；二、主动公开政府信息情况；.*；六、其他需要报告的事项$/);
  });

  it('subheadings listed as parts are said to be subheadings of their part', () => {
    const found = introParts(parseText(readFileSync('fixtures/corpus/web/024-hebei-education-2023.txt', 'utf8')));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'subheading', actual: '政府信息管理、平台建设', vars: { parents: '「一、总体情况」', count: 2 } });
  });

  it('an item naming a part of the format is left to the sections rule, even where the heading is missing', () => {
    // 006 has no heading 五、: its intro still lists the part, which is not this rule's concern.
    const text = readFileSync('fixtures/corpus/text/006-shanghai-gov-office-2025.txt', 'utf8');
    const report = parseText(text);
    const intro = report.sentences.find((s) => s.text.includes('全文包括'));
    expect(introList(intro!.text)?.items).toContain('政府信息公开工作存在的主要问题及改进情况');
    expect(introParts(report)).toEqual([]);
  });

  it('a list that names fewer than two of the report parts is not a list of its parts', () => {
    expect(outcomes(withIntro('本报告包括调研报告、会议纪要、总体情况等三个部分。'))).toEqual([]);
  });

  it('only the intro: a list after the second part begins is not read', () => {
    const text = text2024.replace('2024年，无收取信息处理费情况。', '2024年，无收取信息处理费情况。本报告包括总体情况、主动公开政府信息情况、队伍建设情况等三个部分。');
    expect(outcomes(text)).toEqual([]);
  });
});
