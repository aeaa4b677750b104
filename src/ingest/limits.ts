/**
 * Size limits applied while reading input. Each is configurable; the defaults are generous for real
 * reports (the largest real report PDF seen is under 1 MB) and small enough that a hostile file
 * cannot exhaust memory.
 */
export interface IngestLimits {
  /** Largest input file, in bytes. */
  maxFileBytes: number;
  /** Largest total uncompressed size of the parts read from a .docx, in bytes. */
  maxDocxUncompressedBytes: number;
  /** Most PDF pages read; later pages are left out with a warning. */
  maxPdfPages: number;
  /** Deepest HTML element nesting read. */
  maxHtmlDepth: number;
  /** Most lines of text handed to the parser. */
  maxLines: number;
}

/** The default {@link IngestLimits}. */
export const DEFAULT_LIMITS: Readonly<IngestLimits> = Object.freeze({
  maxFileBytes: 20 * 1024 * 1024,
  maxDocxUncompressedBytes: 50 * 1024 * 1024,
  maxPdfPages: 200,
  maxHtmlDepth: 256,
  // Real reports have under 5 000 lines (a 200-page PDF about 12 000); checking takes about
  // 35 µs a line, so 200 000 lines took 7-10 s on a 2-core machine and 50 000 take under 2 s.
  maxLines: 50_000,
});
