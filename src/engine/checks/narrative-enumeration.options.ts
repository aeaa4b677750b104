/** The options of the `narrative-enumeration` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in narrative-enumeration.ts. */
import { bare } from './option-types.js';

/** The options of a `narrative-enumeration` check. */
export const NarrativeEnumerationCheck = bare('narrative-enumeration');
