/**
 * Findings: the types (inferred from the schemas in finding-schema.ts, a type-only import, so that
 * loading this module does not load zod) and the severity order.
 */
import type * as z from 'zod';
import type { FindingSchema, LocationSchema, RelatedFindingSchema, SeveritySchema } from './finding-schema.js';

/** The type of {@link SeveritySchema}. */
export type Severity = z.infer<typeof SeveritySchema>;

/** The type of {@link LocationSchema}. */
export type Location = z.infer<typeof LocationSchema>;

/** The type of {@link FindingSchema}. */
export type Finding = z.infer<typeof FindingSchema>;

/** The type of {@link RelatedFindingSchema}: a finding folded into another. */
export type RelatedFinding = z.infer<typeof RelatedFindingSchema>;

/** Order of severities, most serious first, for sorting and thresholds. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };
