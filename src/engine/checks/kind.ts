/**
 * What every check kind provides (one module per kind, collected in registry.ts): which cells,
 * tables and expressions its options name (validated when a pack loads, located in the YAML), its
 * evaluation, and a description for the rule docs. A kind that compares reports of a batch has
 * no per-report evaluation (the runner runs it on a batch context, see run.ts).
 */
import type { CheckContext, Outcome } from '../outcome.js';
import type { Check } from '../schema.js';

/** A path into the rule's `check:` mapping, as the YAML has it (`['cells', 2]`). */
export type CheckPath = readonly (string | number)[];

/** A cell id or glob written in a check's options, and where. */
export interface CellRef {
  id: string;
  path: CheckPath;
}

/** An expression (relation) written in a check's options, and where. */
export interface ExprRef {
  source: string;
  path: CheckPath;
  /** Cross-year relations also name last year's cells (`prev.<id>`). */
  prev?: boolean;
}

/**
 * The messages a kind can emit: message id → the named values its outcomes provide for that
 * message's `{{name}}` placeholders. `default` is the rule's `message:`; the others are written
 * under the rule's `messages:`. The loader checks a rule's messages against this (validate-messages.ts).
 */
export type MessageValues = Readonly<Record<string, readonly string[]>>;

/** One check kind. */
export interface CheckKind<K extends Check['kind'] = Check['kind']> {
  kind: K;
  /** `report`: evaluated on one report; `batch`: on a batch of reports (cross-report). */
  scope: 'report' | 'batch';
  /** The cell ids and globs the options name (not those inside expressions). */
  cells(check: Extract<Check, { kind: K }>): CellRef[];
  /** The table ids the options name. */
  tables(check: Extract<Check, { kind: K }>): CellRef[];
  /** The relations the options hold, with their expansion variables (`for:`). */
  expressions(check: Extract<Check, { kind: K }>): { exprs: ExprRef[]; vars: Record<string, string[]> };
  /** The message ids the check emits, with the values each provides. */
  messages(check: Extract<Check, { kind: K }>): MessageValues;
  /**
   * The kind's shared messages, with the values each provides (the same for every rule of the
   * kind): cannot-check sentences, notes and the fragments of phrases. Each has a default in
   * `rules/kinds/<kind>.yaml`; a pack's `messages:` (under the kind's name) or a rule's own
   * `messages:` overrides it.
   */
  shared?: MessageValues;
  /** What the check verifies, in Chinese markdown (docs pages and the web page's rule panel). */
  describe(check: Extract<Check, { kind: K }>): string;
  /** The outcomes that did not pass on one report (report kinds). */
  evaluate?(ctx: CheckContext, check: Extract<Check, { kind: K }>): Outcome[];
}

/** For kinds whose options name no cells, tables or expressions. */
export const NO_REFS = {
  cells: (): CellRef[] => [],
  tables: (): CellRef[] => [],
  expressions: (): { exprs: ExprRef[]; vars: Record<string, string[]> } => ({ exprs: [], vars: {} }),
};
