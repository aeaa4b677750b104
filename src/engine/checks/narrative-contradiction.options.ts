/** The options of the `narrative-contradiction` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in narrative-contradiction.ts. */
import { RegexSource } from './option-types.js';
import { z } from '../../zod.js';

/** The options of a `narrative-contradiction` check. */
export const NarrativeContradictionCheck = z.strictObject({
  kind: z.literal('narrative-contradiction'),
  /** A statement (pattern) the tables contradict when `when` holds; `name`/`nameEn` say what the table has. */
  contradictions: z.array(z.strictObject({ name: z.string().min(1), nameEn: z.string().min(1), pattern: RegexSource, when: z.string().min(3) })).min(1),
});
