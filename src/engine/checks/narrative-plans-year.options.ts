/** The options of the `narrative-plans-year` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in narrative-plans-year.ts. */
import { bare } from './option-types.js';

/** The options of a `narrative-plans-year` check. */
export const NarrativePlansYearCheck = bare('narrative-plans-year');
