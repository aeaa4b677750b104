/** The options of the `text` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in text.ts. */
import { RegexSource } from './option-types.js';
import { z } from '../../zod.js';

/** The options of a `text` check. */
export const TextCheck = z.strictObject({
  kind: z.literal('text'),
  /** Regular expression (JavaScript syntax, no flags except through `flags`). */
  pattern: RegexSource,
  flags: z.string().regex(/^[imsu]*$/).optional(),
  /** `absent`: report each match; `present`: report when there is none. */
  expect: z.enum(['absent', 'present']),
  where: z.enum(['title', 'body', 'prose', 'all']).optional(),
  /** Report at most this many matches. */
  max: z.number().int().min(1).optional(),
  /** Only for these issuers (人民政府 reports must cover 考核、评议、责任追究). */
  issuers: z.array(z.enum(['department', 'government', 'unknown'])).min(1).optional(),
  /** Only when this relation over cells holds (e.g. `t3.r.other.2.total > 0`). */
  when: z.string().optional(),
});
