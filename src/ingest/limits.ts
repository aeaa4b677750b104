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
  maxLines: 200_000,
});
