/**
 * A regular expression's source with its assertions taken out (look-ahead, look-behind, `^`, `$`,
 * `\b`, `\B`), for ruling a pattern out with one scan of a whole text: wherever the pattern
 * matches, the relaxed pattern matches the same characters (an assertion only ever forbids a
 * match), so when the relaxed pattern matches nowhere in a text, the pattern matches in no part of
 * it. Where taking an assertion out could do anything but relax (a quantifier after it, a
 * back-reference whose group numbering would shift), or the source uses syntax this reader does not
 * follow (the `v` flag's nested classes), the answer is null: no shortcut.
 */

/** Index just after the group that opens at `open` (a `(`), or -1 when it does not close. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

const isQuantifierStart = (c: string | undefined): boolean => c === '*' || c === '+' || c === '?' || c === '{';

/** `source` without its assertions, or null when they cannot be taken out safely (see the module note). */
export function relaxedSource(source: string, flags: string): string | null {
  if (flags.includes('v')) return null;
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; ) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined) return null;
      if (!inClass && (next === 'b' || next === 'B')) {
        if (isQuantifierStart(source[i + 2])) return null;
        i += 2;
        continue;
      }
      // A back-reference: groups inside a removed look-around would renumber or vanish.
      if (!inClass && (next === 'k' || (next >= '1' && next <= '9'))) return null;
      out += c + next;
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      // A ']' right after '[' or '[^' is a literal in no JavaScript regex, so nothing special here.
      i++;
      continue;
    }
    if (c === '^' || c === '$') {
      if (isQuantifierStart(source[i + 1])) return null;
      i++;
      continue;
    }
    if (c === '(' && source[i + 1] === '?' && (source[i + 2] === '=' || source[i + 2] === '!' || (source[i + 2] === '<' && (source[i + 3] === '=' || source[i + 3] === '!')))) {
      const end = groupEnd(source, i);
      if (end < 0 || isQuantifierStart(source[end])) return null;
      i = end;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
