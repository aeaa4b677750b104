/** `edition-matches-year`: the format a report's tables follow is the one in force for its year. */
import { editionForYear } from '../../format/editions.js';
import { locate, type Outcome } from '../outcome.js';
import { NO_REFS, type CheckKind } from './kind.js';

/** The `edition-matches-year` check kind. */
export const editionMatchesYearKind: CheckKind<'edition-matches-year'> = {
  kind: 'edition-matches-year',
  scope: 'report',
  ...NO_REFS,
  messages: () => ({ default: ['year', 'expected', 'edition', 'label'] }),
  describe: () => '表格行名所属的格式版本须是报告年度适用的版本（2018 年度及以前为 2008 年《条例》时期的统计表，2019 版用于 2019、2020 年度，2021 版自 2021 年度起）。`expected` 为该年度适用的版本，`actual` 为报告所用的版本。',
  evaluate(ctx): Outcome[] {
    const { meta } = ctx.report;
    if (meta.year === null || meta.edition === null || meta.labelEditions.length === 0) return [];
    const expected = editionForYear(meta.year);
    if (expected === meta.edition) return [];
    const label = meta.labelEditions.find((l) => l.edition === meta.edition);
    return [{ status: 'fail', key: 'edition', location: locate(label?.at), vars: { year: meta.year, expected, edition: meta.edition, label: label?.label ?? '' }, expected, actual: meta.edition }];
  },
};
