/** The options of the `edition-mixed` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in edition-mixed.ts. */
import { bare } from './option-types.js';

/** The options of a `edition-mixed` check. */
export const EditionMixedCheck = bare('edition-mixed');
