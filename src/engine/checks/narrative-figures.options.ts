/** The options of the `narrative-figures` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in narrative-figures.ts. */
import { RegexSource } from './option-types.js';
import { z } from '../../zod.js';

/** The options of a `narrative-figures` check. */
export const NarrativeFiguresCheck = z.strictObject({
  kind: z.literal('narrative-figures'),
  /** Sentence patterns (the first capture group is the figure) and the cells whose sum it states. */
  figures: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        pattern: RegexSource,
        cells: z.array(z.string().min(1)).min(1),
        /** Other cell sets the figure may also mean (a subset or a wider sum). */
        alternatives: z.array(z.array(z.string().min(1)).min(1)).optional(),
        unit: z.string().optional(),
        /** The figure is a channel's (网站, 微博 …): channel words do not put it out of scope. */
        channel: z.boolean().optional(),
      }),
    )
    .min(1),
});
