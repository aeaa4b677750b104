/**
 * The registry of the check kinds' option schemas: each kind's zod schema is in its own
 * `<kind>.options.ts` beside the kind's module (which the checker loads without zod); schema.ts
 * makes the rule files' discriminated union of them. Adding a kind: its module and entry in
 * registry.ts, its options module and entry here (test/engine/registry.test.ts checks both lists agree).
 */
import { AgencyConsistentCheck } from './agency-consistent.options.js';
import { CellStateCheck } from './cell-state.options.js';
import { ConsolidatedCheck } from './consolidated.options.js';
import { CrossYearCheck } from './cross-year.options.js';
import { DatePresentCheck } from './date-present.options.js';
import { DatesConsistentCheck } from './dates-consistent.options.js';
import { DeadlineCheck } from './deadline.options.js';
import { EditionMatchesYearCheck } from './edition-matches-year.options.js';
import { EditionMixedCheck } from './edition-mixed.options.js';
import { IntroPartsCheck } from './intro-parts.options.js';
import { LabelDriftCheck } from './label-drift.options.js';
import { NarrativeContradictionCheck } from './narrative-contradiction.options.js';
import { NarrativeEnumerationCheck } from './narrative-enumeration.options.js';
import { NarrativeFiguresCheck } from './narrative-figures.options.js';
import { NarrativeListCountCheck } from './narrative-list-count.options.js';
import { NarrativeMissingNumberCheck } from './narrative-missing-number.options.js';
import { NarrativePartsSumCheck } from './narrative-parts-sum.options.js';
import { NarrativePercentCheck } from './narrative-percent.options.js';
import { NarrativePlansYearCheck } from './narrative-plans-year.options.js';
import { RelationCheck } from './relation.options.js';
import { SectionLengthCheck } from './section-length.options.js';
import { SectionsCheck } from './sections.options.js';
import { SimilarityCheck } from './similarity.options.js';
import { TableCheck } from './table.options.js';
import { TableNoteCheck, RowNoteCheck } from './table-note.options.js';
import { TableOnlyCheck } from './table-only.options.js';
import { TextCheck } from './text.options.js';
import { TitlePresentCheck } from './title-present.options.js';
import { UnreadableRowsCheck } from './unreadable-rows.options.js';
import { YearConsistentCheck } from './year-consistent.options.js';

/** Every kind's options, in the order of the JSON Schema and of the hint that lists the kinds. */
export const CHECK_OPTIONS = [
  RelationCheck, CellStateCheck, SectionsCheck, SectionLengthCheck, TableCheck, TextCheck, DeadlineCheck,
  TitlePresentCheck, DatePresentCheck, AgencyConsistentCheck, DatesConsistentCheck, YearConsistentCheck, EditionMixedCheck, EditionMatchesYearCheck,
  LabelDriftCheck, UnreadableRowsCheck, TableNoteCheck, RowNoteCheck,
  NarrativeFiguresCheck, NarrativeContradictionCheck, NarrativePartsSumCheck, NarrativePercentCheck, NarrativeMissingNumberCheck, NarrativeEnumerationCheck, NarrativeListCountCheck, NarrativePlansYearCheck, IntroPartsCheck, TableOnlyCheck,
  CrossYearCheck, ConsolidatedCheck, SimilarityCheck,
] as const;
