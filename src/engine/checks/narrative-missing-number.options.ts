/** The options of the `narrative-missing-number` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in narrative-missing-number.ts. */
import { bare } from './option-types.js';

/** The options of a `narrative-missing-number` check. */
export const NarrativeMissingNumberCheck = bare('narrative-missing-number');
