/**
 * The registry of check kinds: `kind:` in a rule names one of these. Adding a kind is one module
 * under checks/ exporting a {@link CheckKind} with an entry here, and its options (zod) in
 * `<kind>.options.ts` with an entry in options.ts.
 */
import type { Check } from '../schema.js';
import { agencyConsistentKind } from './agency-consistent.js';
import { cellStateKind } from './cell-state.js';
import { consolidatedKind } from './consolidated.js';
import { crossYearKind } from './cross-year.js';
import { datePresentKind } from './date-present.js';
import { datesConsistentKind } from './dates-consistent.js';
import { deadlineKind } from './deadline.js';
import { editionMatchesYearKind } from './edition-matches-year.js';
import { editionMixedKind } from './edition-mixed.js';
import type { CheckKind } from './kind.js';
import { introPartsKind } from './intro-parts.js';
import { labelDriftKind } from './label-drift.js';
import { narrativeContradictionKind } from './narrative-contradiction.js';
import { narrativeEnumerationKind } from './narrative-enumeration.js';
import { narrativeFiguresKind } from './narrative-figures.js';
import { narrativeListCountKind } from './narrative-list-count.js';
import { narrativeMissingNumberKind } from './narrative-missing-number.js';
import { narrativePartsSumKind } from './narrative-parts-sum.js';
import { narrativePercentKind } from './narrative-percent.js';
import { narrativePlansYearKind } from './narrative-plans-year.js';
import { relationKind } from './relation.js';
import { sectionLengthKind } from './section-length.js';
import { sectionsKind } from './sections.js';
import { similarityKind } from './similarity.js';
import { tableKind } from './table.js';
import { rowNoteKind, tableNoteKind } from './table-note.js';
import { tableOnlyKind } from './table-only.js';
import { textKind } from './text.js';
import { titlePresentKind } from './title-present.js';
import { unreadableRowsKind } from './unreadable-rows.js';
import { yearConsistentKind } from './year-consistent.js';

/** Every check kind, by its `kind:` name. */
export const CHECK_REGISTRY: { readonly [K in Check['kind']]: CheckKind<K> } = {
  relation: relationKind,
  'cell-state': cellStateKind,
  sections: sectionsKind,
  'section-length': sectionLengthKind,
  table: tableKind,
  text: textKind,
  deadline: deadlineKind,
  'title-present': titlePresentKind,
  'date-present': datePresentKind,
  'agency-consistent': agencyConsistentKind,
  'dates-consistent': datesConsistentKind,
  'year-consistent': yearConsistentKind,
  'edition-mixed': editionMixedKind,
  'edition-matches-year': editionMatchesYearKind,
  'label-drift': labelDriftKind,
  'unreadable-rows': unreadableRowsKind,
  'table-note': tableNoteKind,
  'row-note': rowNoteKind,
  'narrative-figures': narrativeFiguresKind,
  'narrative-contradiction': narrativeContradictionKind,
  'narrative-parts-sum': narrativePartsSumKind,
  'narrative-percent': narrativePercentKind,
  'narrative-missing-number': narrativeMissingNumberKind,
  'narrative-enumeration': narrativeEnumerationKind,
  'narrative-list-count': narrativeListCountKind,
  'narrative-plans-year': narrativePlansYearKind,
  'intro-parts': introPartsKind,
  'table-only': tableOnlyKind,
  'cross-year': crossYearKind,
  consolidated: consolidatedKind,
  similarity: similarityKind,
};

/** The kind of a check, typed for its options. */
export function kindOf<K extends Check['kind']>(check: Extract<Check, { kind: K }>): CheckKind<K> {
  return CHECK_REGISTRY[check.kind as K];
}
