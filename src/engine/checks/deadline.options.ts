/** The options of the `deadline` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in deadline.ts. */
import { SeveritySchema } from '../../model/finding-schema.js';
import { z } from '../../zod.js';

export const Deadline = z.strictObject({
  issuer: z.enum(['department', 'government', 'any']),
  level: z.enum(['province', 'prefecture', 'county', 'township', 'unknown', 'any']).optional(),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  severity: SeveritySchema,
  who: z.string().min(1),
});

/** The options of a `deadline` check. */
export const DeadlineCheck = z.strictObject({ kind: z.literal('deadline'), deadlines: z.array(Deadline).min(1) });
