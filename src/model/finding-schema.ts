/**
 * The zod schemas of findings. Only what validates findings at run time imports this module (and
 * zod with it); the types are in finding.ts, which the checker loads at every start.
 */
import { z } from '../zod.js';

/** How serious a finding is. `error` findings are certain; heuristics are `warning` or `info`. */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);

/**
 * Where a finding is. `line` (1-based) is always present; `page` for PDF input; `table`, `row`
 * and `col` are canonical ids (e.g. `t3`, `new`, `total`) with the labels as the format prints
 * them in `tableLabel`, `rowLabel` and `colLabel`.
 */
export const LocationSchema = z.object({
  line: z.number().int().min(1),
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

/**
 * One problem found in a report: plain JSON (the output contract in DESIGN.md). `expected` and
 * `actual` are the two numbers (or strings) compared, when the check compares values.
 * `fingerprint` identifies the finding across runs without depending on the message text.
 */
export const FindingSchema = z.object({
  ruleId: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  location: LocationSchema,
  expected: z.union([z.number(), z.string()]).optional(),
  actual: z.union([z.number(), z.string(), z.null()]).optional(),
  basis: z.string().optional(),
  fingerprint: z.string().optional(),
});
