/**
 * The registry of check kinds: `kind:` in a rule names one of these. Adding a kind is one module
 * under checks/ exporting a {@link CheckKind}, its options in schema.ts, and an entry here.
 */
import type { Check } from '../schema.js';
import { cellStateKind } from './cell-state.js';
import { consolidatedKind } from './consolidated.js';
import { crossYearKind } from './cross-year.js';
import { deadlineKind } from './deadline.js';
import type { CheckKind } from './kind.js';
import { layoutKind } from './layout.js';
import { metadataKind } from './metadata.js';
import { narrativeKind } from './narrative.js';
import { relationKind } from './relation.js';
import { sectionLengthKind } from './section-length.js';
import { sectionsKind } from './sections.js';
import { similarityKind } from './similarity.js';
import { tableKind } from './table.js';
import { textKind } from './text.js';

/** Every check kind, by its `kind:` name. */
export const CHECK_REGISTRY: { readonly [K in Check['kind']]: CheckKind<K> } = {
  relation: relationKind,
  'cell-state': cellStateKind,
  sections: sectionsKind,
  'section-length': sectionLengthKind,
  table: tableKind,
  text: textKind,
  deadline: deadlineKind,
  metadata: metadataKind,
  layout: layoutKind,
  narrative: narrativeKind,
  'cross-year': crossYearKind,
  consolidated: consolidatedKind,
  similarity: similarityKind,
};

/** The kind of a check, typed for its options. */
export function kindOf<K extends Check['kind']>(check: Extract<Check, { kind: K }>): CheckKind<K> {
  return CHECK_REGISTRY[check.kind as K];
}
