/** The options of the `title-present` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in title-present.ts. */
import { bare } from './option-types.js';

/** The options of a `title-present` check. */
export const TitlePresentCheck = bare('title-present');
