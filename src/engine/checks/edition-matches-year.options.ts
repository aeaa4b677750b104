/** The options of the `edition-matches-year` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in edition-matches-year.ts. */
import { bare } from './option-types.js';

/** The options of a `edition-matches-year` check. */
export const EditionMatchesYearCheck = bare('edition-matches-year');
