/** The options of the `sections` check kind (zod: the rule files' schema and its JSON Schema); the kind itself is in sections.ts. */
import { RegexSource } from './option-types.js';
import { z } from '../../zod.js';

/** What shows a section's content when its heading is not found: tables, or words in the text. */
export const SectionContent = z.strictObject({
  /** Canonical table ids (t2, t3, t4) that belong to the section. */
  tables: z.array(z.string().min(1)).optional(),
  /** Regular expression searched in the report's lines. */
  text: RegexSource.optional(),
  /** How the content is named in messages (e.g. 表四或“行政复议”“行政诉讼”的文字). */
  what: z.string().min(1),
});

export const SectionSpec = z.strictObject({
  number: z.string().min(1),
  /** The official title; its known variants (format/section-titles.ts) are matched by similarity. */
  title: z.string().min(1),
  /** Regexes (on the heading title with spaces removed) that also name this section. */
  accept: z.array(RegexSource).min(1).optional(),
  /** Content that shows the section is there without its heading (then a warning, not an error). */
  content: SectionContent.optional(),
});

/** The options of a `sections` check. */
export const SectionsCheck = z.strictObject({ kind: z.literal('sections'), sections: z.array(SectionSpec).min(1) });
