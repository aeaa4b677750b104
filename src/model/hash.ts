/** The hash of finding fingerprints: the same in the checker and in the formatters that print them. */

/** A short, stable hash (FNV-1a, 32 bits, hex) for fingerprints. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
