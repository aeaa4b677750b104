/**
 * Page numbers as reports print them on a line of their own (-6-, 第3页, 第3页 共9页, 3/9): the
 * parser drops them from the text and the section-length check does not count them.
 */
import { fold } from './normalize.js';

const PAGE_NUMBER = /^\s*(?:[-—–－─]+\s*\d{1,3}\s*[-—–－─]+|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

/** True for a line that is only a page number. */
export function isPageNumber(text: string): boolean {
  return isFoldedPageNumber(fold(text));
}

/** {@link isPageNumber} of text already folded: every line is folded once, not once per test. */
export function isFoldedPageNumber(folded: string): boolean {
  return PAGE_NUMBER.test(folded);
}
