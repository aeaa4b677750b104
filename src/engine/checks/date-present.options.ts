/** The options of the `date-present` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in date-present.ts. */
import { bare } from './option-types.js';

/** The options of a `date-present` check. */
export const DatePresentCheck = bare('date-present');
