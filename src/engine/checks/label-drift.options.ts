/** The options of the `label-drift` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in label-drift.ts. */
import { OnlyTable } from './option-types.js';
import { z } from '../../zod.js';

/** The options of a `label-drift` check. */
export const LabelDriftCheck = z.strictObject({ kind: z.literal('label-drift'), table: OnlyTable });
