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

/** The multiplier of the rolling shingle hash (odd, so multiplying by it is invertible mod 2³²). */
const BASE = 0x01000193;
/** BASE to the power SHINGLE − 1, mod 2³²: the weight of the character leaving the window. */
const LEAVING = (() => {
  let p = 1;
  for (let i = 1; i < SHINGLE; i++) p = Math.imul(p, BASE);
  return p;
})();

/** Murmur3's finaliser: spreads a polynomial hash's bits, so the smallest values are a fair sample. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A bottom-k sketch: the k smallest shingle hashes, for estimating overlap without the text.
 * Every report of a batch is sketched, so the hash rolls along the text (one step per character,
 * not one pass over eight characters per shingle) and no shingle string is made.
 */
export function sketch(text: string, k = 128): Uint32Array {
  const count = Math.max(0, text.length - SHINGLE + 1);
  const hashes = new Uint32Array(count);
  let h = 0;
  for (let j = 0; j < Math.min(SHINGLE, text.length); j++) h = (Math.imul(h, BASE) + text.charCodeAt(j)) | 0;
  for (let i = 0; i < count; i++) {
    hashes[i] = mix(h);
    if (i + SHINGLE < text.length) h = (Math.imul(h - Math.imul(text.charCodeAt(i), LEAVING), BASE) + text.charCodeAt(i + SHINGLE)) | 0;
  }
  // The k smallest of n well-mixed hashes lie, with a wide margin, below 4k/n of the range: sort
  // only those. Too few distinct values there (a text repeating itself) falls back to all.
  const cutoff = Math.min(2 ** 32, Math.ceil(((4 * k) / Math.max(1, count)) * 2 ** 32));
  const small = cutoff < 2 ** 32 ? hashes.filter((x) => x < cutoff) : hashes;
  const out = smallestDistinct(small, k);
  return out.length < k && small !== hashes ? smallestDistinct(hashes, k) : out;
}

/**
 * The k smallest distinct values (sorts `values` in place; all of them by default), as a typed array: a batch keeps one
 * sketch per report in its main thread, and 128 numbers above 2³¹ in a plain array are 128 heap
 * objects there (and in every worker message), against 512 bytes in one buffer.
 */
export function smallestDistinct(values: Uint32Array, k = values.length): Uint32Array {
  values.sort();
  const out = new Uint32Array(Math.min(k, values.length));
  let n = 0;
  for (let i = 0; i < values.length && n < k; i++) if (i === 0 || values[i] !== values[i - 1]) out[n++] = values[i]!;
  return out.slice(0, n);
}

/** Estimated Jaccard similarity of two sketches. */
export function sketchSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
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
