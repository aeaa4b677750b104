/** Positions inside the model: where a character of a sentence is in the source. */
import type { Sentence, Span } from './report.js';

/** The span of the character at `offset` of a sentence. */
export function spanAt(sentence: Sentence, offset: number): Span {
  let at = sentence.breaks[0]?.[1] ?? { line: 1 };
  for (const [start, span] of sentence.breaks) {
    if (start > offset) break;
    at = span;
  }
  return at;
}
