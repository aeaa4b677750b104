/** The options of the `similarity` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in similarity.ts. */
import { z } from '../../zod.js';

/** The options of a `similarity` check. */
export const SimilarityCheck = z.strictObject({
  kind: z.literal('similarity'),
  /** Section 五 (problems and improvements) or the whole body. */
  scope: z.enum(['problems', 'body']),
  /** The same agency's previous report, or other agencies' reports in the batch. */
  against: z.enum(['previous', 'others']),
  /** Share of shared text (0–1) from which a finding is made. */
  threshold: z.number().min(0).max(1),
});
