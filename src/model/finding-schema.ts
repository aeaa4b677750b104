/**
 * The zod schemas of findings. Only what validates findings at run time imports this module (and
 * zod with it); the types are in finding.ts, which the checker loads at every start.
 */
import { z } from '../zod.js';

/** How serious a finding is. `error` findings are certain; heuristics are `warning` or `info`. */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);

/**
 * Where a finding is. `line` (1-based, in the text view of the document) is always present (the
 * JSON contract requires it); `page` for PDF input; `table`, `row` and `col` are canonical ids
 * (e.g. `t3`, `new`, `total`) with the labels as the format prints them in `tableLabel`,
 * `rowLabel` and `colLabel`. The optional `origin` says where that is in the original file, as a
 * person finds it there (see {@link OriginSchema}); `scope: "document"` marks a finding about the
 * whole document (a missing part, a missing date), whose `line` points nowhere in particular.
 */
export const LocationSchema = z.object({
  line: z.number().int().min(1),
  scope: z.literal('document').optional(),
  origin: z
    .object({
      /** 1-based page and line on that page (PDF). */
      page: z.number().int().min(1).optional(),
      pageLine: z.number().int().min(1).optional(),
      /** 1-based paragraph of the document body (DOCX, HTML), as Word and a browser show them. */
      paragraph: z.number().int().min(1).optional(),
      /** 1-based table of the document, row and column in it (DOCX, HTML). */
      tableIndex: z.number().int().min(1).optional(),
      tableRow: z.number().int().min(1).optional(),
      tableCol: z.number().int().min(1).optional(),
    })
    .optional(),
  column: z.number().int().min(1).optional(),
  endLine: z.number().int().min(1).optional(),
  page: z.number().int().min(1).optional(),
  section: z.string().optional(),
  table: z.string().optional(),
  tableLabel: z.string().optional(),
  row: z.string().optional(),
  rowLabel: z.string().optional(),
  col: z.string().optional(),
  colLabel: z.string().optional(),
});

const findingFields = {
  ruleId: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  /** Which of the rule's messages this is, when not its main one (`default`): e.g. `invalid-date`. */
  messageId: z.string().optional(),
  location: LocationSchema,
  expected: z.union([z.number(), z.string()]).optional(),
  actual: z.union([z.number(), z.string(), z.null()]).optional(),
  basis: z.string().optional(),
  fingerprint: z.string().optional(),
};

/** A finding folded into another because it follows from the same defect (no further nesting). */
export const RelatedFindingSchema = z.object(findingFields);

/**
 * One problem found in a report: plain JSON (the output contract in DESIGN.md). `expected` and
 * `actual` are the two numbers (or strings) compared, when the check compares values.
 * `fingerprint` identifies the finding across runs without depending on the message text.
 * `related` holds the findings that follow from the same defect (src/findings/fold.ts): one
 * defect is one finding, counted once.
 */
export const FindingSchema = z.object({
  ...findingFields,
  related: z.array(RelatedFindingSchema).optional(),
});
