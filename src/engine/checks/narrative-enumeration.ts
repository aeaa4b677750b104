/** `narrative-enumeration`: 一是…三是 without 二是, within one section. */
import type { Report } from '../../model/report.js';
import { spanAt } from '../../model/spans.js';
import { locate, type Outcome } from '../outcome.js';
import { forEachMatch, mayMatchAny } from '../regex.js';
import { wholeProse } from './narrative-sentences.js';
import { NO_REFS, type CheckKind } from './kind.js';

const ENUM = /([一二三四五六七八九十])是/g;
const ORDER = '一二三四五六七八九十';

function enumerationGaps(report: Report): Outcome[] {
  const out: Outcome[] = [];
  if (!mayMatchAny(ENUM, wholeProse(report))) return out;
  let expected = 1;
  let section: string | undefined;
  for (const sentence of report.sentences) {
    if (sentence.section !== section) {
      section = sentence.section;
      expected = 1;
    }
    forEachMatch(ENUM, sentence.text, (m) => {
      const n = ORDER.indexOf(m[1]!) + 1;
      if (n === 1) expected = 2;
      else if (n === expected) expected++;
      else if (n > expected && expected > 1) {
        const missing = ORDER.slice(expected - 1, n - 1).split('').map((c) => `${c}是`).join('、');
        out.push({ status: 'fail', key: `enum:${section ?? ''}:${n}`, location: locate(spanAt(sentence, m.index)), vars: { found: m[0], missing }, expected: missing, actual: m[0] });
        expected = n + 1;
      } else expected = n + 1;
    });
  }
  return out;
}

/** The `narrative-enumeration` check kind. */
export const narrativeEnumerationKind: CheckKind<'narrative-enumeration'> = {
  kind: 'narrative-enumeration',
  scope: 'report',
  ...NO_REFS,
  messages: () => ({ default: ['found', 'missing'] }),
  describe: () => '同一部分里的“一是、二是、三是……”不应跳号。`expected` 为缺少的序号，`actual` 为跳号后出现的序号。',
  evaluate: (ctx) => enumerationGaps(ctx.report),
};
