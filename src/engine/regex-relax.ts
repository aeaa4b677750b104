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

/** One top-level piece of a pattern: an atom with its quantifier, and whether it can match nothing. */
interface Piece {
  text: string;
  nullable: boolean;
}

/** A quantifier at `at` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each maybe lazy): its text and least count; null when none. */
function quantifierAt(source: string, at: number): { text: string; least: number } | null {
  const c = source[at];
  let text: string;
  let least: number;
  if (c === '*' || c === '?') [text, least] = [c, 0];
  else if (c === '+') [text, least] = [c, 1];
  else if (c === '{') {
    const m = /^\{(\d+)(?:,(\d*))?\}/.exec(source.slice(at));
    if (!m) return null;
    [text, least] = [m[0], Number(m[1])];
  } else return null;
  return source[at + text.length] === '?' ? { text: `${text}?`, least } : { text, least };
}

/** The end of the atom that starts at `at` (an escape, a class, a group or one character), or -1. */
function atomEnd(source: string, at: number): number {
  const c = source[at]!;
  if (c === '(') return groupEnd(source, at);
  if (c === '[') {
    // The first ']' not escaped ends it (in JavaScript also right after '[' or '[^').
    for (let i = at + 1; i < source.length; i++) {
      if (source[i] === '\\') i++;
      else if (source[i] === ']') return i + 1;
    }
    return -1;
  }
  if (c !== '\\') return at + 1;
  const next = source[at + 1];
  if (next === undefined) return -1;
  // Escapes longer than one character: \u{…}, \uXXXX, \xHH, \cX, \p{…} / \P{…}.
  if ((next === 'u' || next === 'p' || next === 'P') && source[at + 2] === '{') {
    const close = source.indexOf('}', at + 3);
    return close < 0 ? -1 : close + 1;
  }
  if (next === 'u') return at + 6;
  if (next === 'x') return at + 4;
  if (next === 'c') return at + 3;
  return at + 2;
}

/** The top-level alternatives of a source (split at `|` outside groups and classes). */
function alternatives(source: string): string[] | null {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < source.length; ) {
    const c = source[i]!;
    if (c === '|') {
      out.push(source.slice(start, i));
      start = ++i;
      continue;
    }
    const end = atomEnd(source, i);
    if (end < 0) return null;
    i = end;
  }
  out.push(source.slice(start));
  return out;
}

/** An alternative's pieces, or null when this reader does not follow its syntax. */
function pieces(alternative: string): Piece[] | null {
  const out: Piece[] = [];
  for (let i = 0; i < alternative.length; ) {
    const c = alternative[i]!;
    // A quantifier with no atom before it, or a `{` that is no quantifier (a literal outside `u` mode): not followed.
    if (c === '*' || c === '+' || c === '?' || c === '{' || c === '}' || c === ')' || c === ']') return null;
    const end = atomEnd(alternative, i);
    if (end < 0) return null;
    let nullable = false;
    if (c === '(') {
      const inner = alternative.slice(i + 1, end - 1).replace(/^\?(?::|<[A-Za-z_$][\w$]*>)/, '');
      if (inner.startsWith('?')) return null; // a kind of group this reader does not know
      const parts = alternatives(inner);
      if (parts === null) return null;
      for (const part of parts) {
        const inside = pieces(part);
        if (inside === null) return null;
        if (inside.every((p) => p.nullable)) nullable = true;
      }
    }
    const quantifier = quantifierAt(alternative, end);
    if (alternative[end] === '{' && quantifier === null) return null;
    if (quantifier && quantifier.least === 0) nullable = true;
    const stop = end + (quantifier?.text.length ?? 0);
    out.push({ text: alternative.slice(i, stop), nullable });
    i = stop;
  }
  return out;
}

/**
 * A source without what may match nothing at the start or the end of each top-level alternative
 * (`[ \t]*年…`, `(?:|，|共)办结…`), for asking whether a text holds a match anywhere: a match of
 * the whole alternative contains a match of the rest, and a match of the rest is a match of the
 * whole with those parts empty. So the answer is the same, and a pattern that then begins with a
 * character or a class is found by the regular-expression engine's quick scan, not tried at every
 * position. Takes a source without assertions or back-references ({@link relaxedSource}); null
 * when an alternative can match the empty string (the pattern matches every text) or this reader
 * does not follow the syntax.
 */
export function withoutNullableEnds(source: string): string | null {
  const parts = alternatives(source);
  if (parts === null) return null;
  const trimmed: string[] = [];
  for (const part of parts) {
    const list = pieces(part);
    if (list === null) return null;
    let first = 0;
    let last = list.length;
    while (first < last && list[first]!.nullable) first++;
    while (last > first && list[last - 1]!.nullable) last--;
    if (first === last) return null;
    trimmed.push(list.slice(first, last).map((p) => p.text).join(''));
  }
  return trimmed.join('|');
}
