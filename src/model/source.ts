/**
 * The text of one report as ingest hands it to the parser: one string per line, each line
 * carrying where it came from in the original file. Every input format (.txt, .md, .html, .docx,
 * .pdf) is turned into this shape, so the parser never knows which format it reads.
 *
 * Tables from structured formats (HTML, DOCX) arrive as one line per table row with the cells
 * joined by TAB (a spanned cell's text only on its first row and column, the other positions
 * empty), which is one of the text layouts the parser already reads. PDF text arrives as lines
 * laid out with spaces by x-position, like `pdftotext -layout`.
 */
export interface SourceLine {
  /** The line's text, without the line break. */
  text: string;
  /** Where the line is in the original: see {@link SourceOrigin}. */
  origin: SourceOrigin;
}

/**
 * Where a line came from. `line` is always set: it is the 1-based line number in the text view of
 * the document (the numbering findings use). The other fields say where that is in the original
 * file, when the original is not plain text.
 */
export interface SourceOrigin {
  /** 1-based line number in the text view of the document. */
  line: number;
  /** 1-based page number (PDF). */
  page?: number;
  /** 1-based line number within the page (PDF). */
  pageLine?: number;
  /** 1-based paragraph number in the document body (DOCX, HTML). */
  paragraph?: number;
  /** 1-based table number and row number within it (DOCX, HTML tables). */
  tableIndex?: number;
  tableRow?: number;
}

/** Metadata that ingest found outside the report body (web page chrome, PDF or DOCX properties). */
export interface SourceMeta {
  /** Title given by the page or document properties. */
  title?: string;
  /** Publication date from the page chrome (发布日期 / 发布时间), ISO `YYYY-MM-DD`. */
  publishedAt?: string;
  /** Publishing body from the page chrome (发布机构). */
  publisher?: string;
  /** Document creation date from file properties, ISO `YYYY-MM-DD` (weak evidence only). */
  createdAt?: string;
  /** The web page the report was fetched from (its own page, or the page of an attachment). */
  pageUrl?: string;
}

/** A problem ingest met that the user must hear about (the run goes on). */
export interface IngestProblem {
  /** Stable id, `ingest/<kind>`, e.g. `ingest/encrypted-pdf`. */
  id: string;
  /** Chinese message saying what is wrong and what to do. */
  message: string;
  /** English message. */
  messageEn: string;
  /** `error` when nothing could be read, `warning` when part was lost. */
  severity: 'error' | 'warning' | 'info';
}

/** The result of ingesting one file. */
export interface SourceText {
  /** The lines of the report body. Empty when the file could not be read. */
  lines: SourceLine[];
  /** The detected input kind. */
  kind: 'text' | 'markdown' | 'html' | 'docx' | 'pdf' | 'unknown';
  /** Character encoding the bytes were decoded from, when the input was text or HTML. */
  encoding?: string;
  meta: SourceMeta;
  problems: IngestProblem[];
}
