/** `narrative-parts-sum`: a stated total and the parts listed after it (其中 …, in brackets, 在…的N条中 …). */
import { partsSum } from './narrative-parts.js';
import { NO_REFS, type CheckKind } from './kind.js';

/** The `narrative-parts-sum` check kind. */
export const narrativePartsSumKind: CheckKind<'narrative-parts-sum'> = {
  kind: 'narrative-parts-sum',
  scope: 'report',
  ...NO_REFS,
  messages: () => ({
    default: ['total', 'unit', 'parts', 'sum', 'excerpt'],
    'with-breakdown': ['total', 'unit', 'parts', 'sum', 'excerpt', 'left', 'leftEn'],
    'categories-over': ['total', 'unit', 'parts', 'sum'],
    'categories-under': ['total', 'unit', 'sum', 'gap'],
  }),
  describe: () =>
    [
      '文中所述总数与其后所列各项（“其中……”、紧跟的括号、“在……的 N 条中”）之和须一致。消息：`default`（各项之和不符）、`with-breakdown`（另有未计入的某一项的细分）、`categories-over`（所列各类之和超过总数）、`categories-under`（略少于总数）。',
      '各项之和大于总数时为警告，略小于总数（一成以内）时为提示。发现在总数处：`actual` 为文中的总数，`expected` 为各项之和。',
    ].join('\n\n'),
  evaluate: (ctx) => partsSum(ctx.report),
};
