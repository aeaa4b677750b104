/** `dates-consistent`: the date under the title and the signature date are the same day. */
import { chineseDate } from '../../format/dates.js';
import { locate, type Outcome } from '../outcome.js';
import { NO_REFS, type CheckKind } from './kind.js';

/** The `dates-consistent` check kind. */
export const datesConsistentKind: CheckKind<'dates-consistent'> = {
  kind: 'dates-consistent',
  scope: 'report',
  ...NO_REFS,
  messages: () => ({ default: ['title', 'signature'] }),
  describe: () => '标题下的日期与落款日期须是同一天（写法不同不算）。`expected` 为标题下的日期，`actual` 为落款日期（ISO 格式）。',
  evaluate(ctx): Outcome[] {
    const { dates } = ctx.report.meta;
    const under = dates.find((d) => d.role === 'title');
    const signed = dates.filter((d) => d.role === 'signature').pop();
    if (!under || !signed || under.iso === signed.iso) return [];
    return [{ status: 'fail', key: 'dates', location: locate(signed.at), vars: { title: chineseDate(under.iso), signature: chineseDate(signed.iso) }, expected: under.iso, actual: signed.iso }];
  },
};
