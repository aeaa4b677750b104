/**
 * Page numbers as reports print them on a line of their own (-6-, 第3页, 第3页 共9页, 3/9): the
 * parser drops them from the text and the section-length check does not count them.
 */
import { firstPrinted, fold } from './normalize.js';

const PAGE_NUMBER = /^\s*(?:[-—–－─]+\s*\d{1,3}\s*[-—–－─]+|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

/** True for a line that is only a page number. */
export function isPageNumber(text: string): boolean {
  return isFoldedPageNumber(fold(text));
}

/** {@link isPageNumber} of text already folded: every line is folded once, not once per test. */
export function isFoldedPageNumber(folded: string): boolean {
  // Every line is asked: most fail on their first printed character, which a page number
  // begins with a dash, 第 or a digit (tested before the pattern: profiled).
  const first = folded.charCodeAt(firstPrinted(folded));
  if (!((first >= 0x30 && first <= 0x39) || first === 0x7b2c /* 第 */ || isPageDash(first))) return false;
  return PAGE_NUMBER.test(folded);
}

/** The dashes {@link PAGE_NUMBER} accepts around a page number (-6-, —6—), by code: - — – － ─. */
function isPageDash(code: number): boolean {
  return code === 0x2d || code === 0x2014 || code === 0x2013 || code === 0xff0d || code === 0x2500;
}
