/**
 * Which findings follow from which: the declared relations {@link foldFindings} applies so that one
 * defect gives one finding. A relation names the rule that explains a defect best (`by`), the
 * rules whose findings follow from it (`supersedes`) and what they must share with it (`scope`).
 * Folding reads only rule ids, severities, locations, expected/actual values and the report
 * model — never a message, which changes with the locale and the wording.
 */

/**
 * What a consequence shares with its cause:
 * - `blank-cell`: a relation that could not be checked because a cell it reads is blank (the
 *   consequence is in the cause's table, at a blank cell, or in a row or column holding one);
 * - `unreadable-row`: a relation that could not be checked because a row it reads could not be
 *   read (same table; the consequence is on that row, or is a column relation, which every
 *   row of the column enters);
 * - `missing-table`: anything about a table the report lacks, and the parser's note that no
 *   table was found at all;
 * - `same-discrepancy`: relations that fail by the same amount (expected − actual) through one
 *   row or column of the same table, at the same severity: the trace of one wrong cell (a 总计 filled
 *   with 0 breaks its row's sum, its column's sum and the column's balance, by the same amount);
 * - `text-confirms`: a narrative figure that differs from a table cell exactly as the cell differs
 *   from what the table's own relation needs (the text gives the value the cell should hold: the
 *   cell is wrong, and the relation already says so);
 * - `numbering-run`: section numbers shifted by the same amount as the first shifted one (one
 *   part inserted or left out renumbers every part after it);
 * - `same-report`: the findings named in `supersedes` anywhere in the report (a note about the
 *   whole text that the cause says more precisely).
 */
export type FoldScope = 'blank-cell' | 'unreadable-row' | 'missing-table' | 'same-discrepancy' | 'text-confirms' | 'numbering-run' | 'same-report';

/** One declared relation between rules. */
export interface FoldRelation {
  /** The rule whose finding stays: it names the defect. */
  by: string;
  scope: FoldScope;
  /** Rule ids whose findings in that scope follow from it; `*` means every rule. */
  supersedes: readonly string[];
  /**
   * Only findings that say a check could not be made (an info of a rule declared above info),
   * not findings of a failed check: a certain failure is a defect of its own.
   */
  onlyCannotCheck: boolean;
}

/** The relations, in order: a finding is folded into the first cause that claims it. */
export const FOLD_RELATIONS: readonly FoldRelation[] = [
  { by: 'table2-present', scope: 'missing-table', supersedes: ['*'], onlyCannotCheck: true },
  { by: 'table3-present', scope: 'missing-table', supersedes: ['*'], onlyCannotCheck: true },
  { by: 'table4-present', scope: 'missing-table', supersedes: ['*'], onlyCannotCheck: true },
  { by: 'stat-table-present', scope: 'missing-table', supersedes: ['*'], onlyCannotCheck: true },
  // The parser's own note that no table was found says nothing a missing-table finding does not.
  { by: 'table2-present', scope: 'missing-table', supersedes: ['parse/no-tables'], onlyCannotCheck: false },
  { by: 'table3-present', scope: 'missing-table', supersedes: ['parse/no-tables'], onlyCannotCheck: false },
  { by: 'stat-table-present', scope: 'missing-table', supersedes: ['parse/no-tables'], onlyCannotCheck: false },
  { by: 'unreadable-table-rows', scope: 'unreadable-row', supersedes: ['*'], onlyCannotCheck: true },
  { by: 'blank-cells', scope: 'blank-cell', supersedes: ['*'], onlyCannotCheck: true },
  // A wrong cell: the check that names the cell itself (a total) explains it best.
  { by: 'table3-results-total', scope: 'same-discrepancy', supersedes: ['table3-row-total', 'table3-column-balance', 'table3-subtotal', 'table3-group-subtotal'], onlyCannotCheck: false },
  { by: 'table3-row-total', scope: 'same-discrepancy', supersedes: ['table3-column-balance', 'table3-subtotal', 'table3-group-subtotal'], onlyCannotCheck: false },
  { by: 'table3-subtotal', scope: 'same-discrepancy', supersedes: ['table3-column-balance', 'table3-group-subtotal'], onlyCannotCheck: false },
  { by: 'table3-group-subtotal', scope: 'same-discrepancy', supersedes: ['table3-column-balance'], onlyCannotCheck: false },
  ...['table3-results-total', 'table3-row-total', 'table3-column-balance', 'table3-subtotal', 'table3-group-subtotal', 'table4-group-total', 'stat-sum-rows', 'stat-items-sum'].map(
    (by): FoldRelation => ({ by, scope: 'text-confirms', supersedes: ['narrative-figures', 'stat-narrative-figures'], onlyCannotCheck: false }),
  ),
  { by: 'required-sections', scope: 'numbering-run', supersedes: ['required-sections'], onlyCannotCheck: false },
  // A file holding only a table has no headings and no report title: the parser's note that no
  // heading was found, and the missing title, follow from it.
  { by: 'narrative-present', scope: 'same-report', supersedes: ['parse/no-structure', 'title-present'], onlyCannotCheck: false },
];
