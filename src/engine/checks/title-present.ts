/** `title-present`: the report has a title (“……政府信息公开工作年度报告”) among its first lines. */
import type { Outcome } from '../outcome.js';
import { NO_REFS, type CheckKind } from './kind.js';

/** The `title-present` check kind. */
export const titlePresentKind: CheckKind<'title-present'> = {
  kind: 'title-present',
  scope: 'report',
  ...NO_REFS,
  messages: () => ({ default: [] }),
  describe: () => '报告开头几行须有标题（“……政府信息公开工作年度报告”之类）。',
  evaluate: (ctx): Outcome[] => (ctx.report.meta.title ? [] : [{ status: 'fail', key: 'title', location: { line: 1, scope: 'document' }, vars: {} }]),
};
