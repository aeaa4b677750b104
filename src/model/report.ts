/**
 * The report model's types, inferred from the schemas in report-schema.ts with a type-only import:
 * loading this module does not load zod.
 */
import type * as z from 'zod';
import type { AgencyNameSchema, CellSchema, CellStateSchema, EditionSchema, FoundDateSchema, IssuerSchema, LabelDriftSchema, NarrativeNumberSchema, ParseProblemSchema, ReportLineSchema, ReportMetaSchema, ReportSchema, SectionSchema, SentenceSchema, SpanSchema, TableInstanceSchema, UnreadableReasonSchema, UnreadableRowSchema, UnreadableWhySchema } from './report-schema.js';

/** The type of {@link EditionSchema}. */
export type Edition = z.infer<typeof EditionSchema>;

/** The type of {@link CellStateSchema}. */
export type CellState = z.infer<typeof CellStateSchema>;

/** The type of {@link SpanSchema}. */
export type Span = z.infer<typeof SpanSchema>;

/** The type of {@link CellSchema}. */
export type Cell = z.infer<typeof CellSchema>;

/** The type of {@link LabelDriftSchema}. */
export type LabelDrift = z.infer<typeof LabelDriftSchema>;

/** The type of {@link UnreadableReasonSchema}. */
export type UnreadableReason = z.infer<typeof UnreadableReasonSchema>;
/** The type of {@link UnreadableWhySchema}. */
export type UnreadableWhy = z.infer<typeof UnreadableWhySchema>;
/** The type of {@link UnreadableRowSchema}. */
export type UnreadableRow = z.infer<typeof UnreadableRowSchema>;

/** The type of {@link TableInstanceSchema}. */
export type TableInstance = z.infer<typeof TableInstanceSchema>;

/** The type of {@link SectionSchema}. */
export type Section = z.infer<typeof SectionSchema>;

/** The type of {@link NarrativeNumberSchema}. */
export type NarrativeNumber = z.infer<typeof NarrativeNumberSchema>;

/** The type of {@link SentenceSchema}. */
export type Sentence = z.infer<typeof SentenceSchema>;

/** The type of {@link FoundDateSchema}. */
export type FoundDate = z.infer<typeof FoundDateSchema>;

/** The type of {@link AgencyNameSchema}. */
export type AgencyName = z.infer<typeof AgencyNameSchema>;

/** The type of {@link IssuerSchema}. */
export type Issuer = z.infer<typeof IssuerSchema>;

/** The type of {@link ReportMetaSchema}. */
export type ReportMeta = z.infer<typeof ReportMetaSchema>;

/** The type of {@link ReportLineSchema}. */
export type ReportLine = z.infer<typeof ReportLineSchema>;

/** The type of {@link ParseProblemSchema}. */
export type ParseProblem = z.infer<typeof ParseProblemSchema>;

/** The type of {@link ReportSchema}. */
export type Report = z.infer<typeof ReportSchema>;
