/** The options of the `unreadable-rows` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in unreadable-rows.ts. */
import { OnlyTable } from './option-types.js';
import { z } from '../../zod.js';

/** The options of a `unreadable-rows` check. */
export const UnreadableRowsCheck = z.strictObject({ kind: z.literal('unreadable-rows'), table: OnlyTable });
