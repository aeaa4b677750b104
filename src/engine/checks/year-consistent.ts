/**
 * `year-consistent`: the title's year against the year the body reports on (its 统计期限, else the
 * year the body keeps naming). Message `default` when the body's year comes from the 统计期限,
 * `body-year` when it comes from the body's text.
 */
import { locate, type Outcome } from '../outcome.js';
import { NO_REFS, type CheckKind } from './kind.js';

/** The `year-consistent` check kind. */
export const yearConsistentKind: CheckKind<'year-consistent'> = {
  kind: 'year-consistent',
  scope: 'report',
  ...NO_REFS,
  messages: () => ({ default: ['title', 'period'], 'body-year': ['title', 'period'] }),
  describe: () =>
    '标题年度须与正文所述年度一致：正文年度取自统计期限（消息 `default`），没有统计期限时取正文反复提到的年度（消息 `body-year`）。发现在标题处；`actual` 为标题年度，`expected` 为正文所述年度。',
  evaluate(ctx): Outcome[] {
    const { meta } = ctx.report;
    const { titleYear, bodyYear } = meta;
    if (titleYear === null || !meta.title || !bodyYear || bodyYear.year === titleYear) return [];
    return [{
      status: 'fail', key: 'year', ...(bodyYear.from === 'period' ? {} : { messageId: 'body-year' }), location: locate(meta.title.at),
      vars: { title: titleYear, period: bodyYear.year }, expected: bodyYear.year, actual: titleYear,
    }];
  },
};
