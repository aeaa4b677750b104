/** The options of the `cross-year` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in cross-year.ts. */
import { ForSchema } from './option-types.js';
import { z } from '../../zod.js';

/** The options of a `cross-year` check. */
export const CrossYearCheck = z.strictObject({
  kind: z.literal('cross-year'),
  for: ForSchema.optional(),
  /** A relation over this year's cells and last year's (`prev.<cell id>`). */
  assert: z.string().min(3),
  tolerance: z.number().min(0).optional(),
});
