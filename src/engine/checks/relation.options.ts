/** The options of the `relation` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in relation.ts. */
import { ForSchema } from './option-types.js';
import { z } from '../../zod.js';

/** The options of a `relation` check. */
export const RelationCheck = z.strictObject({
  kind: z.literal('relation'),
  for: ForSchema.optional(),
  /** `a + b == c`, with `==`, `<=`, `>=`, `<`, `>`; operands are cell ids, numbers, sum(glob). */
  assert: z.string().min(3),
  /** Absolute tolerance, or `decimals` to allow half a unit of the least precise amount written. */
  tolerance: z.union([z.number().min(0), z.literal('decimals')]).optional(),
  /** Treat blank, dash and 不适用 cells as 0 (the default); `false` makes such a relation cannot-check. */
  blankAsZero: z.boolean().optional(),
  /** Only when every named cell is present and is a number greater than 0. */
  when: z.string().optional(),
});
