/** The options of the `narrative-parts-sum` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in narrative-parts-sum.ts. */
import { bare } from './option-types.js';

/** The options of a `narrative-parts-sum` check. */
export const NarrativePartsSumCheck = bare('narrative-parts-sum');
