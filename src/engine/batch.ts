/**
 * What cross-report checks read: the batch's reports reduced to what those checks need, and how
 * the batch pairs them (the same agency's previous year, a manifest's constituents). Built by the
 * batch (src/batch/cross.ts); the runner runs the cross-report kinds against it.
 */
import type { Report } from '../model/report.js';

/** One report of a batch, as cross-report checks see it. */
export interface BatchReport {
  file: string;
  agency: string | null;
  year: number | null;
  edition: Report['meta']['edition'];
  /** Cell id → value (numbers only; blanks as 0, other states left out), with the cell's line. */
  cells: Record<string, { value: number; line: number; state: string }>;
  /** The text of section 五 (存在的主要问题及改进情况), white space removed. */
  problems: string;
  /** Line where section 五 starts. */
  problemsLine: number;
  /** The report body, white space removed (empty in large batches: see `sketch` and `body`). */
  body: string;
  /** A bottom-k sketch of the body, to find similar reports without keeping their text. */
  sketch: Uint32Array;
}

/** A consolidated report and its constituents, as a manifest names them. */
export interface ConsolidatedGroup {
  parent: BatchReport;
  /** The constituents found in the batch. */
  children: readonly BatchReport[];
  /** How many constituents the manifest names. */
  named: number;
}

/** A batch, for cross-report checks. */
export interface BatchContext {
  /** The reports checked (not the previous-year reports given only for comparison). */
  readonly reports: readonly BatchReport[];
  /** The same agency's report of the year before, if the batch has it. */
  previousOf(report: BatchReport): BatchReport | undefined;
  /** Consolidated reports with their constituents (from a manifest). */
  groups(): readonly ConsolidatedGroup[];
  /** True when two reports are the same agency's. */
  sameAgency(a: BatchReport, b: BatchReport): boolean;
  /** Reads a report's body again (large batches keep only a sketch of it). */
  body?: (file: string) => Promise<string>;
}
