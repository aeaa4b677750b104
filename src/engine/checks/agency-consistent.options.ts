/** The options of the `agency-consistent` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in agency-consistent.ts. */
import { bare } from './option-types.js';

/** The options of a `agency-consistent` check. */
export const AgencyConsistentCheck = bare('agency-consistent');
