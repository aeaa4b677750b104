/**
 * Text similarity for 年年雷同 (a report repeating last year's) and copied text between agencies:
 * character shingles, an exact overlap for two texts, a bottom-k sketch to find candidate pairs in
 * large batches, and the shared passages to show the reader.
 */

const SHINGLE = 8;

/** The set of character 8-grams of a text (white space already removed). */
export function shingles(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= text.length; i++) out.add(text.slice(i, i + SHINGLE));
  return out;
}

/** Share of the shorter text's shingles found in the other (0–1). */
export function overlap(a: string, b: string): number {
  if (a.length < SHINGLE * 4 || b.length < SHINGLE * 4) return 0;
  const [small, large] = a.length <= b.length ? [shingles(a), shingles(b)] : [shingles(b), shingles(a)];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return small.size === 0 ? 0 : shared / small.size;
}

/**
 * A bottom-k sketch: the k smallest shingle hashes, for estimating overlap without the text.
 * The hash (FNV-1a over the shingle's UTF-16 units) is computed in place, without slicing the
 * text into shingle strings: every report of a batch is sketched, so this runs millions of times.
 */
export function sketch(text: string, k = 128): number[] {
  const count = Math.max(0, text.length - SHINGLE + 1);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + SHINGLE; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
    hashes[i] = h >>> 0;
  }
  hashes.sort();
  const out: number[] = [];
  for (let i = 0; i < hashes.length && out.length < k; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) out.push(hashes[i]!);
  return out;
}

/** Estimated Jaccard similarity of two sketches. */
export function sketchSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const k = Math.min(a.length, b.length);
  const union: number[] = [];
  let i = 0;
  let j = 0;
  let shared = 0;
  while (union.length < k && (i < a.length || j < b.length)) {
    const x = a[i] ?? Number.POSITIVE_INFINITY;
    const y = b[j] ?? Number.POSITIVE_INFINITY;
    if (x === y) {
      shared++;
      union.push(x);
      i++;
      j++;
    } else if (x < y) {
      union.push(x);
      i++;
    } else {
      union.push(y);
      j++;
    }
  }
  return shared / k;
}

/** The longest passages two texts share (at least `min` characters), longest first. */
export function sharedPassages(a: string, b: string, min = 20, max = 3): string[] {
  const index = new Map<string, number[]>();
  for (let i = 0; i + SHINGLE <= b.length; i++) {
    const key = b.slice(i, i + SHINGLE);
    const list = index.get(key);
    if (list) {
      if (list.length < 8) list.push(i);
    } else index.set(key, [i]);
  }
  const found: string[] = [];
  let i = 0;
  while (i + SHINGLE <= a.length) {
    let best = 0;
    for (const j of index.get(a.slice(i, i + SHINGLE)) ?? []) {
      let len = SHINGLE;
      while (i + len < a.length && j + len < b.length && a[i + len] === b[j + len]) len++;
      best = Math.max(best, len);
    }
    if (best >= min) {
      found.push(a.slice(i, i + best));
      i += best;
    } else i++;
  }
  return found.sort((x, y) => y.length - x.length).slice(0, max);
}
