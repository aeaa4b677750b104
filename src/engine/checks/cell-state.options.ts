/** The options of the `cell-state` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in cell-state.ts. */
import { z } from '../../zod.js';

/** The options of a `cell-state` check. */
export const CellStateCheck = z.strictObject({
  kind: z.literal('cell-state'),
  /** Cell id globs, e.g. `t3.*.*`. */
  cells: z.array(z.string().min(1)).min(1),
  require: z.array(z.enum(['number', 'not-blank', 'non-negative', 'integer', 'has-unit'])).min(1),
  /** Report at most one finding per table row (blank rows) instead of one per cell. */
  groupBy: z.enum(['cell', 'row', 'table']).optional(),
});
