/** The options of the `consolidated` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in consolidated.ts. */
import { z } from '../../zod.js';

/** The options of a `consolidated` check. */
export const ConsolidatedCheck = z.strictObject({
  kind: z.literal('consolidated'),
  /** Additive cells: the consolidated report's value against the sum of its constituents'. */
  cells: z.array(z.string().min(1)).min(1),
  /** Allowed relative gap (units are added or dropped during the year). */
  tolerance: z.number().min(0).max(1).optional(),
});
