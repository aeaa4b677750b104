/** The options of the `intro-parts` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in intro-parts.ts. */
import { bare } from './option-types.js';

/** The options of a `intro-parts` check. */
export const IntroPartsCheck = bare('intro-parts');
