/**
 * Why a row is unreadable: the parser records a code and its values, the words are the
 * `unreadable-rows` kind's messages (rules/kinds/unreadable-rows.yaml). Each code reads in Chinese
 * exactly as the parser wrote it before the texts became data (the sentences below are the
 * parser's former templates with these values), and in English without Chinese other than the
 * report's text and the table's labels it quotes.
 */
import { describe, expect, it } from 'vitest';
import { defaultText } from '../../src/engine/kind-messages.js';
import { defaultReasonText, reasonPhrase } from '../../src/format/unreadable-reason.js';
import { UnreadableReasonSchema } from '../../src/model/report-schema.js';
import type { UnreadableReason, UnreadableWhy } from '../../src/model/report.js';

const label = '行政规范性文件';
const cols = ['本年制发件数', '本年废止件数', '现行有效件数'];
const group = '依申请公开';
const missing = ['予以公开', '不予公开'];
const CASES: Record<UnreadableReason, [UnreadableWhy['values'], string]> = {
  't2-no-values': [{ label }, `「${label}」一行没有数值`],
  't2-count': [{ label, count: 2, expected: 3, cols }, `「${label}」一行有 2 个数值，应有 3 个（${cols.join('、')}），无法确定各数值属于哪一列`],
  't2-empty-before-next': [{ label }, `「${label}」一行没有任何数值（后面紧接着下一行的行名或下一项的标题），各单元格都是空的`],
  't2-glued': [{ label, digits: '1203', expected: 3 }, `「${label}」后的数字连在一起（1203），无法确定如何拆分成 3 个单元格`],
  't3-count': [{ count: 5, expected: 7 }, '这一行有 5 个数值，表三每行应有 7 个（申请人类别各一列加总计），无法确定各数值属于哪一列'],
  't3-header-mismatch': [{ expected: 8 }, '这一行的数值与表头的 8 列对不上，无法确定各数值属于哪一列'],
  't3-text-in-count': [{ col: '自然人', text: '详见附件说明材料' }, '表头「自然人」列这一格填的是文字「详见附件说明材料」，无法确定这一行的数值'],
  't3-places': [{ count: 4 }, '这一行有 4 个数值，无法按各列的位置确定它们属于哪一列'],
  't3-no-label': [{}, '这一行没有可辨认的行名，无法确定它是表三的哪一行'],
  't3-no-row': [{}, '这一行无法对应到表三的任何一行'],
  't3-subtotal': [{}, '这一行是小计，但无法确定它是哪一组的小计'],
  't3-no-values': [{}, '找到了表三，但其中没有可读的数值行'],
  't3-glued-ambiguous': [{ digits: '1100000011', fits: 2 }, '行名后的数字连在一起（1100000011），有 2 种拆分都满足“总计等于各列之和”，无法确定各单元格的值'],
  't3-glued-no-split': [{ digits: '123' }, '行名后的数字连在一起（123），无法拆分成 7 个单元格'],
  't4-no-values': [{}, '找到了表四，但其中没有可读的数值'],
  't4-header-count': [{ count: 4, expected: 5 }, '这一行有 4 个数值，表头有 5 列，无法确定各数值属于哪一列'],
  't4-count': [{ count: 12 }, '表四应有 15 个数值（行政复议、未经复议直接起诉、复议后起诉各 5 个），这里读到 12 个，无法确定各数值属于哪一格'],
  't4-glued-header': [{ digits: '100010000000000' }, '表四的数字连在一起（100010000000000），表头的列名无法对应到三组各五列，无法确定各数值属于哪一格'],
  't4-glued-too-long': [{ digits: '1234' }, '表四的数字连在一起（1234），位数太多，无法列举各种拆分'],
  't4-glued-too-many': [{ digits: '1234' }, '表四的数字连在一起（1234），拆分方式太多，无法列举'],
  't4-glued-no-split': [{ digits: '1234' }, '表四的数字连在一起（1234），无法拆分成 15 个单元格'],
  't4-glued-ambiguous': [{ digits: '11000110000000000', fits: 2 }, '表四的数字连在一起（11000110000000000），有 2 种拆分都满足“各组总计等于结果维持、结果纠正、其他结果、尚未审结之和”，无法确定各单元格的值'],
  'stat-count': [{ count: 1, expected: 2, cols }, `这一行有 1 个数值，应有 2 个（${cols.join('、')}）`],
  'stat-unlisted-row': [{ label, group }, `「${label}」不是统计表的标准行，无法确定它是否计入「${group}」的分项，分项之和无法核对`],
  'stat-parts-incomplete': [{ group, missing }, `「${group}」列出的分项没有「其他」行，也不是统计表规定的全部分项（缺少${missing.map((m) => `「${m}」`).join('、')}），分项之和不一定等于总数，无法核对`],
};

/** The English text with the quoted report text and labels (the values that are text) taken out. */
function withoutValues(text: string, values: UnreadableWhy['values']): string {
  const texts = Object.values(values).flatMap((v) => (typeof v === 'number' ? [] : Array.isArray(v) ? v : [v]));
  return texts.sort((a, b) => b.length - a.length).reduce((t, v) => t.split(v).join(''), text);
}

describe('the reasons of unreadable rows', () => {
  it('cover every reason code the model knows', () => {
    expect(Object.keys(CASES).sort()).toEqual([...UnreadableReasonSchema.options].sort());
  });

  for (const [code, [values, zh]] of Object.entries(CASES) as [UnreadableReason, [UnreadableWhy['values'], string]][]) {
    it(`${code} reads as before in Chinese, and in English without Chinese words`, () => {
      const why: UnreadableWhy = { reason: code, values };
      expect(defaultText('unreadable-rows', reasonPhrase(why), 'zh')).toBe(zh);
      const en = defaultText('unreadable-rows', reasonPhrase(why), 'en');
      expect(en).not.toMatch(/\{\{/);
      expect(withoutValues(en, values)).not.toMatch(/\p{Script=Han}|[「」（），、“”]/u);
      // Every value the parser gives appears in the English text too.
      for (const v of Object.values(values).flat()) expect(en).toContain(String(v));
      // The outline and the HTML report, which cannot load the engine, show the same texts.
      expect(defaultReasonText(why, 'zh')).toBe(zh);
      expect(defaultReasonText(why, 'en')).toBe(en);
    });
  }
});
