/**
 * A value cached under two keys: an outer map (a `WeakMap` when the first key is an object that
 * may go away) of inner maps. Label matching asks the same (label, row) questions many times per
 * table and per batch; this is the one place that remembers the answers.
 */

/** The part of `Map` and `WeakMap` the cache uses for its outer level. */
interface OuterMap<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * `compute()`'s value for `(first, second)`, computed once. With `limit`, an inner map holding more
 * than that many values is emptied before the next is added, so a long batch's memory stays bounded.
 */
export function memo2<A, B, V>(cache: OuterMap<A, Map<B, V>>, first: A, second: B, compute: () => V, limit = Number.POSITIVE_INFINITY): V {
  let inner = cache.get(first);
  if (!inner) {
    inner = new Map();
    cache.set(first, inner);
  }
  let value = inner.get(second);
  if (value === undefined) {
    value = compute();
    if (inner.size > limit) inner.clear();
    inner.set(second, value);
  }
  return value;
}

/**
 * `compute()`'s value for `key`, computed once; the map is emptied before it grows past `limit`
 * (texts repeat from report to report, but a long batch must not keep them all).
 */
export function memo1<K, V>(cache: Map<K, V>, key: K, compute: () => V, limit: number): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    if (cache.size > limit) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/**
 * How many texts a cache of text readings (keys, tokens, heading readings, label similarities)
 * keeps before it is emptied. Labels and headings recur from report to report and fit many times
 * over; texts carrying a report's own figures (table rows, dated lines) never recur, and larger
 * caches only filled up with them: with 20,000–50,000 entries a batch of distinct reports grew by
 * about 6.5 KB per report from 4,000 to 8,000 reports, with 2,000 by about 1.3 KB, in the same CPU
 * time (issue #21, `npm run bench`).
 */
export const TEXTS_KEPT = 2_000;
