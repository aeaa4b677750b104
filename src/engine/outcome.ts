/**
 * What evaluating a check yields, before it becomes a finding: the status, the values for the
 * message template, the location, and a stable key for the fingerprint.
 */
import type { Location, Severity } from '../model/finding.js';
import type { Report, Span } from '../model/report.js';
import type { MessageValue, Phrase } from './message.js';
import type { Rule } from './schema.js';

/** One result of a check that did not pass. `cannot` means the inputs were missing or unreadable. */
export interface Outcome {
  status: 'fail' | 'cannot';
  /** Overrides the rule's severity (e.g. a deadline entry's own severity). */
  severity?: Severity;
  vars: Record<string, MessageValue>;
  location: Location;
  expected?: number | string;
  actual?: number | string | null;
  /** Stable identity of what is wrong, independent of message and line: e.g. `col=total`. */
  key: string;
  /** Which of the rule's messages to show: an id its kind declares (absent: `default`, the rule's `message:`). */
  messageId?: string;
  /**
   * The finding's text as a phrase of the rule's messages (its kind's shared messages, say the
   * rule's message followed by a note), instead of one message chosen by `messageId`. Such a
   * finding names no `messageId` in the output.
   */
  message?: Phrase;
}

/** An outcome of a cross-report check: which report of the batch it is about. */
export interface BatchOutcome extends Outcome {
  file: string;
}

/** Everything a check evaluator receives. */
export interface CheckContext {
  report: Report;
  rule: Rule;
}

/** A location from a span, with optional table/row/col context. */
export function locate(at: Span | undefined, extra: Omit<Location, 'line'> = {}): Location {
  // Nothing to point at: the finding is about the whole document (formatters print no line).
  const location: Location = at ? { line: at.line, ...extra } : { line: 1, scope: 'document', ...extra };
  if (at?.column !== undefined) location.column = at.column;
  if (at?.page !== undefined) location.page = at.page;
  if (at?.endLine !== undefined && at.endLine !== at.line) location.endLine = at.endLine;
  return location;
}

/** A cannot-check outcome shown with one of the rule's messages (`messageId`), filled with `vars`. */
export function cannotCheck(key: string, messageId: string, vars: Outcome['vars'], location: Location): Outcome {
  return { status: 'cannot', severity: 'info', messageId, vars, key, location };
}

/**
 * A cannot-check outcome whose text is a phrase of the rule's messages (a kind's shared messages),
 * filled with `vars`. It names no `messageId` in the output.
 */
export function cannotSay(key: string, message: Phrase, vars: Outcome['vars'], location: Location): Outcome {
  return { status: 'cannot', severity: 'info', message, vars, key, location };
}
