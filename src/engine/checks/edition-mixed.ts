/** `edition-mixed`: row labels of the 2019 format and of the 2021 format in one report. */
import { locate, type Outcome } from '../outcome.js';
import { NO_REFS, type CheckKind } from './kind.js';

/** The `edition-mixed` check kind. */
export const editionMixedKind: CheckKind<'edition-mixed'> = {
  kind: 'edition-mixed',
  scope: 'report',
  ...NO_REFS,
  messages: () => ({ default: ['label2019', 'label2021'] }),
  describe: () => '同一份报告的表格里既有只见于 2019 版格式的行名，又有只见于 2021 版格式的行名时提示。`expected` 为报告所按的版本，`actual` 为两个行名。',
  evaluate(ctx): Outcome[] {
    const { meta } = ctx.report;
    const e19 = meta.labelEditions.find((l) => l.edition === '2019');
    const e21 = meta.labelEditions.find((l) => l.edition === '2021');
    if (!e19 || !e21) return [];
    return [{ status: 'fail', key: 'mixed', location: locate(e19.at), vars: { label2019: e19.label, label2021: e21.label }, expected: meta.edition ?? '', actual: `${e19.label} / ${e21.label}` }];
  },
};
