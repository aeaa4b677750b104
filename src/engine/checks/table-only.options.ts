/** The options of the `table-only` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in table-only.ts. */
import { bare } from './option-types.js';

/** The options of a `table-only` check. */
export const TableOnlyCheck = bare('table-only');
