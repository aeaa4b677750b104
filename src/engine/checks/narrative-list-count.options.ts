/** The options of the `narrative-list-count` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in narrative-list-count.ts. */
import { bare } from './option-types.js';

/** The options of a `narrative-list-count` check. */
export const NarrativeListCountCheck = bare('narrative-list-count');
