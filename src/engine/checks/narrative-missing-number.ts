/** `narrative-missing-number`: a measure word with no number before it (“公开核准企业资质条。”). */
import type { Report } from '../../model/report.js';
import { spanAt } from '../../model/spans.js';
import { locate, type Outcome } from '../outcome.js';
import { forEachMatch, mayMatchAny } from '../regex.js';
import { wholeProse } from './narrative-sentences.js';
import { NO_REFS, type CheckKind } from './kind.js';

/** Words that take a count before them: when no number stands there, one was left out. */
const MISSING_NUMBER = /(?:公开|发布|受理|收到|办结|答复|制发|废止|处理|办理|回复)[^，。；、\d零一二两三四五六七八九十百千万余多几]{1,12}?[^\d\s零一二两三四五六七八九十百千万余多几逐每各本此该这数首某单]\s*(条|件)(?=[，。；、）)]|$)/g;

/** Words in which 件 or 条 is not a measure word (文件, 条例 …). */
const NOT_A_COUNT = /[部整全若逐一]件|条[例件款文目线]|[信邮]件|文件|案件|附件|事件|稿件|要件|软件|证件|物件|部件|组件|来件|函件/;

/**
 * MISSING_NUMBER without its look-ahead: it matches wherever MISSING_NUMBER does (an assertion
 * only takes matches away), and has no assertions, so no match of it in the prose means no
 * sentence has a match of MISSING_NUMBER (see mayMatchAny).
 */
const MISSING_NUMBER_ANYWHERE = /(?:公开|发布|受理|收到|办结|答复|制发|废止|处理|办理|回复)[^，。；、\d零一二两三四五六七八九十百千万余多几]{1,12}?[^\d\s零一二两三四五六七八九十百千万余多几逐每各本此该这数首某单]\s*(条|件)/;

function missingNumbers(report: Report): Outcome[] {
  const out: Outcome[] = [];
  if (!mayMatchAny(MISSING_NUMBER_ANYWHERE, wholeProse(report))) return out;
  for (const sentence of report.sentences) {
    forEachMatch(MISSING_NUMBER, sentence.text, (m) => {
      const before = sentence.text.slice(Math.max(0, m.index + m[0].length - 3), m.index + m[0].length);
      if (NOT_A_COUNT.test(before + (sentence.text[m.index + m[0].length] ?? ''))) return;
      out.push({ status: 'fail', key: `missing:${m[0]}`, location: locate(spanAt(sentence, m.index + m[0].length - 1)), vars: { quote: m[0], measure: m[1]! }, actual: m[0] });
    });
  }
  return out;
}

/** The `narrative-missing-number` check kind. */
export const narrativeMissingNumberKind: CheckKind<'narrative-missing-number'> = {
  kind: 'narrative-missing-number',
  scope: 'report',
  ...NO_REFS,
  messages: () => ({ default: ['quote', 'measure'] }),
  describe: () => '“公开、受理、办结……”之后的量词“条”“件”前面没有数字时提示（“文件”“条例”“案件”等词里的“件”“条”不算）。`actual` 为缺数字的短语。',
  evaluate: (ctx) => missingNumbers(ctx.report),
};
