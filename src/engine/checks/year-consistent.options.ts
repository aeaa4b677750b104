/** The options of the `year-consistent` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in year-consistent.ts. */
import { bare } from './option-types.js';

/** The options of a `year-consistent` check. */
export const YearConsistentCheck = bare('year-consistent');
