/** The options of the `section-length` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in section-length.ts. */
import { z } from '../../zod.js';

/** The options of a `section-length` check. */
export const SectionLengthCheck = z.strictObject({
  kind: z.literal('section-length'),
  /** The level-1 section number, e.g. 一. */
  section: z.string().min(1),
  /** Most characters allowed, white space not counted. */
  max: z.number().int().min(1),
});
