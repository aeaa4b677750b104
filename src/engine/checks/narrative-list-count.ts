/** `narrative-list-count`: a list that names its own count (“主动公开类别有七类：…”) against the items it lists. */
import { listCounts } from './narrative-parts.js';
import { NO_REFS, type CheckKind } from './kind.js';

/** The `narrative-list-count` check kind. */
export const narrativeListCountKind: CheckKind<'narrative-list-count'> = {
  kind: 'narrative-list-count',
  scope: 'report',
  ...NO_REFS,
  messages: () => ({ default: ['quote', 'stated', 'measure', 'counted', 'countedMeasure', 'list'] }),
  // 方面 is counted with a measure word of its own (三个方面): `countedMeasure` is then this message.
  shared: { 'measure-aspects': [] },
  describe: () => '“有七类：……”“分为三个方面，分别是……”所说的项数须与其后列出的项数一致。发现在所说的项数处：`actual` 为文中所说的项数，`expected` 为数出的项数。',
  evaluate: (ctx) => listCounts(ctx.report),
};
