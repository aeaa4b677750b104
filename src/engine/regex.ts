/**
 * Small helpers the checks share to stay cheap on every report: iterating the matches of a
 * global regular expression without `matchAll`, ruling a pattern out with one scan of a whole
 * text, and a size-bounded memo for values derived from rule strings.
 */

import { relaxedSource, withoutNullableEnds } from './regex-relax.js';

/**
 * Calls `visit` for each match of a global (or sticky) regular expression in `text`, in order,
 * exactly as `text.matchAll(re)` would yield them; stops early when `visit` returns false.
 *
 * Why not `matchAll`: it constructs a copy of the regular expression on every call (spec:
 * SpeciesConstructor), which was most of the cost of the text and narrative checks (profiled:
 * ~5× slower than this loop over a report's lines). The loop runs on the shared object instead,
 * so `visit` must not use `re` itself; `lastIndex` is reset before and after.
 */
export function forEachMatch(re: RegExp, text: string, visit: (m: RegExpExecArray) => boolean | void): void {
  re.lastIndex = 0;
  try {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      // An empty match must move on (AdvanceStringIndex), or the loop would never end.
      if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes('v'));
      if (visit(m) === false) return;
    }
  } finally {
    re.lastIndex = 0;
  }
}

/** The index after `index`: one code unit, or a whole surrogate pair in unicode mode. */
function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const lead = text.charCodeAt(index);
  if (lead < 0xd800 || lead > 0xdbff) return index + 1;
  const trail = text.charCodeAt(index + 1);
  return trail >= 0xdc00 && trail <= 0xdfff ? index + 2 : index + 1;
}

/**
 * A memo of values computed from strings (rule patterns, conditions), keeping at most `limit`
 * entries: rule sets are small, but a long-running process may load many, so it must not grow
 * without bound. When full, the oldest entry goes (insertion order).
 */
export class BoundedMemo<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly limit: number) {}

  /** The value for `key`, computed by `make` on first use. */
  get(key: string, make: (key: string) => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined || this.map.has(key)) return hit as V;
    const value = make(key);
    if (this.map.size >= this.limit) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
    this.map.set(key, value);
    return value;
  }
}

/**
 * Assertions make a pattern's match depend on what surrounds it (`^`, `$`, `\b`, `\B`, look-ahead
 * and look-behind), and a sticky flag ties it to one position. Read conservatively: an escaped or
 * bracketed `^` or `$`, or a named group `(?<name>`, counts too; that only forgoes the shortcut.
 */
const CONTEXT_BOUND = /[\^$]|\\[bB]|\(\?[=!<]/;

const wholeTests = new WeakMap<RegExp, RegExp | null>();

/**
 * The whole-text test of a pattern: its assertions taken out, then what may match nothing at the
 * ends of its alternatives ({@link withoutNullableEnds}) where it can be; null when there is no
 * such test.
 */
function wholeTextTest(re: RegExp): RegExp | null {
  const relaxed = CONTEXT_BOUND.test(re.source) ? relaxedSource(re.source, re.flags) : re.source;
  // Where the ends cannot be trimmed, the relaxed pattern still answers (just more slowly).
  const source = relaxed === null ? null : (withoutNullableEnds(relaxed) ?? relaxed);
  if (source === null) return null;
  try {
    return new RegExp(source, re.flags.replace(/[gy]/g, ''));
  } catch {
    return null;
  }
}

/**
 * Whether `re` can match any of the parts joined into `whole` (parts joined by a separator, each
 * part verbatim). False means certainly not, so the parts need not be scanned one by one.
 *
 * Why this is exact: a pattern without assertions matches by consuming characters only, so a
 * match inside one part is also a match of the same characters inside the joined text; if the
 * joined text has no match, no part has one. A pattern with assertions is tested with them taken
 * out ({@link relaxedSource}: wherever it matches a part, the relaxed pattern matches the same
 * characters); so is what may match nothing at the ends of its alternatives, which only makes the
 * one scan faster ({@link withoutNullableEnds}). Where either cannot be done safely, or the
 * pattern is sticky, the answer is always true and the parts are scanned as before.
 */
export function mayMatchAny(re: RegExp, whole: string): boolean {
  let test = wholeTests.get(re);
  if (test === undefined) {
    test = re.sticky ? null : wholeTextTest(re);
    wholeTests.set(re, test);
  }
  return test === null || test.test(whole);
}
