/** The options of the `table` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in table.ts. */
import { z } from '../../zod.js';

/** The options of a `table` check. */
export const TableCheck = z.strictObject({
  kind: z.literal('table'),
  table: z.string().min(1),
  /** `table`: report a missing table; `rows`: report the rows the format has and the report lacks. */
  report: z.enum(['table', 'rows']).optional(),
});
