/** The options of the `narrative-percent` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in narrative-percent.ts. */
import { bare } from './option-types.js';

/** The options of a `narrative-percent` check. */
export const NarrativePercentCheck = bare('narrative-percent');
