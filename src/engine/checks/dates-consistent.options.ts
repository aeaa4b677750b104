/** The options of the `dates-consistent` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in dates-consistent.ts. */
import { bare } from './option-types.js';

/** The options of a `dates-consistent` check. */
export const DatesConsistentCheck = bare('dates-consistent');
