/**
 * The zod schemas of the report model: the single source of its types (report.ts infers them with a
 * type-only import, so the checker does not load zod at start-up) and of its validation.
 */
import { z } from '../zod.js';

/**
 * The three report formats (DESIGN.md, "Editions"): `2008` for the 2007 条例 regime with its
 * 统计表, `2019` for 国办公开办函〔2019〕60号, `2021` for 国办公开办函〔2021〕30号.
 */
export const EditionSchema = z.enum(['2008', '2019', '2021']);

/**
 * What a table cell holds. A blank cell is never silently 0: `blank` (nothing written), `dash`
 * (—, -, /, ——), `na` (不适用, 无), `text` (words where a number belongs), `number`.
 */
export const CellStateSchema = z.enum(['number', 'blank', 'dash', 'na', 'text']);

/** A position in the source: 1-based line, optional 1-based column and PDF page. */
export const SpanSchema = z.object({
  line: z.number().int(),
  endLine: z.number().int().optional(),
  column: z.number().int().optional(),
  page: z.number().int().optional(),
});

/** One cell of a canonical table. `id` is `<table>.<row>.<col>`, e.g. `t3.new.total`. */
export const CellSchema = z.object({
  id: z.string(),
  table: z.string(),
  row: z.string(),
  col: z.string(),
  raw: z.string(),
  state: CellStateSchema,
  value: z.number().nullable(),
  /** Unit written in the cell or the row (万元, 元, 条 …), when one is written. */
  unit: z.string().optional(),
  /** Number of decimals written, for amounts. */
  decimals: z.number().int().optional(),
  at: SpanSchema,
});

/** A row label that differs from the format's wording (after width/punctuation folding). */
export const LabelDriftSchema = z.object({
  row: z.string(),
  printed: z.string(),
  expected: z.string(),
  at: SpanSchema,
});

/**
 * Why the parser could not read a row, as a code: the parser names the case and its values, the
 * words are the `unreadable-rows` kind's messages `reason-<code>` (rules/kinds/unreadable-rows.yaml),
 * so that a finding reads in the user's language. `t2`/`t3`/`t4`/`stat` name the table.
 */
export const UnreadableReasonSchema = z.enum([
  't2-no-values',
  't2-count',
  't2-empty-before-next',
  't2-glued',
  't3-count',
  't3-header-mismatch',
  't3-text-in-count',
  't3-places',
  't3-no-label',
  't3-no-row',
  't3-subtotal',
  't3-no-values',
  't3-glued-ambiguous',
  't3-glued-no-split',
  't4-no-values',
  't4-header-count',
  't4-count',
  't4-glued-header',
  't4-glued-too-long',
  't4-glued-too-many',
  't4-glued-no-split',
  't4-glued-ambiguous',
  'stat-count',
  'stat-unlisted-row',
  'stat-parts-incomplete',
]);

/**
 * A value a reason names: a count, a text quoted from the report or a label, or a list of labels
 * (joined in the finding's language).
 */
export const UnreadableValueSchema = z.union([z.number(), z.string(), z.array(z.string())]);

/** The reason a row could not be read: its code and the values its message names. */
export const UnreadableWhySchema = z.object({
  reason: UnreadableReasonSchema,
  values: z.record(z.string(), UnreadableValueSchema),
});

/** A row the parser saw but could not read, with the reason (never guessed). */
export const UnreadableRowSchema = UnreadableWhySchema.extend({
  row: z.string(),
  raw: z.string(),
  at: SpanSchema,
});

/**
 * One canonical table found in the report: 表二 (`t2`), 表三 (`t3`), 表四 (`t4`) or a 2008-regime
 * 统计表 (`s08`, with `variant` naming the national form or a local one).
 */
export const TableInstanceSchema = z.object({
  id: z.string(),
  variant: z.string(),
  label: z.string(),
  at: SpanSchema,
  cells: z.record(z.string(), CellSchema),
  /** Canonical rows found, in report order. */
  rows: z.array(z.string()),
  /** Canonical rows the format has for this variant that the report does not show. */
  missingRows: z.array(z.string()),
  unreadable: z.array(UnreadableRowSchema),
  drift: z.array(LabelDriftSchema),
  /** Layout facts worth reporting, e.g. `other-single-row` for a 2019-style （六） in 表三. */
  notes: z.array(z.string()),
});

/** One heading of the report outline. `level` 1 = 一、, 2 = （一）, 3 = 1., 4 = (1). */
export const SectionSchema = z.object({
  level: z.number().int().min(1).max(4),
  number: z.string(),
  title: z.string(),
  at: SpanSchema,
  /** True when body text follows the heading on the same line. */
  glued: z.boolean(),
});

/** A number with a unit in the prose, with its sentence, ready for narrative checks. */
export const NarrativeNumberSchema = z.object({
  value: z.number(),
  unit: z.string(),
  raw: z.string(),
  sentence: z.string(),
  /** Offset of the number within `sentence`. */
  offset: z.number().int(),
  at: SpanSchema,
  /** The top-level section (一、…) the sentence belongs to, when known. */
  section: z.string().optional(),
  /** Index of the sentence in `Report.sentences`. */
  sentenceIndex: z.number().int(),
});

/** A sentence of the prose (split at 。！？), with where each of its lines starts in the text. */
export const SentenceSchema = z.object({
  text: z.string(),
  /** Pairs [offset in text, span]: the text from that offset on comes from that line. */
  breaks: z.array(z.tuple([z.number().int(), SpanSchema])),
  section: z.string().optional(),
});

/** A date found in the report, with where it was found and its role. */
export const FoundDateSchema = z.object({
  iso: z.string(),
  raw: z.string(),
  /**
   * What the date is: the page's publication date, the date under the title, the signature
   * (the date that closes the body), or a date that is none of these and must not be taken for
   * one: a date in an annex or appended table (`annex`), an update or revision note (`note`),
   * a printed page's header or footer (`footer`), another date in the body (`body`).
   */
  role: z.enum(['page', 'title', 'signature', 'body', 'annex', 'note', 'footer']),
  /** False when the role was guessed (a signature read from the end of a run-on line). */
  certain: z.boolean(),
  at: SpanSchema,
  /** For a `page` date of a fetched report: the web page it was read from. */
  url: z.string().optional(),
});

/** The agency name, where it was read. */
export const AgencyNameSchema = z.object({
  name: z.string(),
  source: z.enum(['title', 'filler', 'signature', 'page']),
  at: SpanSchema,
});

/**
 * Who issues the report, which decides the deadline (formats.md §1.3): a government department,
 * a people's government (its consolidated report), or unknown.
 */
export const IssuerSchema = z.object({
  kind: z.enum(['department', 'government', 'unknown']),
  level: z.enum(['province', 'prefecture', 'county', 'township', 'unknown']),
  /** True only when the whole agency name and the report's words leave no doubt about the kind. */
  certain: z.boolean(),
  /** Why this kind, in Chinese, for messages (e.g. 标题中的机关名称“…局”是政府部门). */
  basis: z.string(),
  /** The same in English. */
  basisEn: z.string(),
});

/** Report metadata. Every value keeps where it was read. */
export const ReportMetaSchema = z.object({
  title: z.object({ text: z.string(), at: SpanSchema }).nullable(),
  agency: AgencyNameSchema.nullable(),
  agencies: z.array(AgencyNameSchema),
  /** The year reported on: the title's, else the stated statistics period's, else the commonest named. */
  year: z.number().int().nullable(),
  yearAt: SpanSchema.nullable(),
  /** The year the title names, when it names one (may differ from `year`: a wrong title year). */
  titleYear: z.number().int().nullable(),
  /**
   * The year the body reports on, when it can be told apart from the title: the stated statistics
   * period's (统计期限自N年1月1日…), else the year the first lines name most when they never name
   * the title's year. Differs from `titleYear` when the title's year is wrong (or the body's).
   */
  bodyYear: z.object({ year: z.number().int(), from: z.enum(['period', 'mentions']), at: SpanSchema }).nullable(),
  publishedAt: FoundDateSchema.nullable(),
  dates: z.array(FoundDateSchema),
  edition: EditionSchema.nullable(),
  /** Why that edition: label evidence first, the year as a tie-breaker. */
  editionEvidence: z.array(z.string()),
  /** Editions the table labels point to, with the label that says so. */
  labelEditions: z.array(z.object({ edition: EditionSchema, label: z.string(), at: SpanSchema })),
  issuer: IssuerSchema,
});

/** A line of the report as the checks see it: the original text and its normalised form. */
export const ReportLineSchema = z.object({
  text: z.string(),
  norm: z.string(),
  at: SpanSchema,
});

/** A problem met while reading or parsing: becomes a finding, the run goes on. */
export const ParseProblemSchema = z.object({
  id: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  messageEn: z.string(),
  at: SpanSchema,
});

/** The typed model of one report: what every rule reads. */
export const ReportSchema = z.object({
  meta: ReportMetaSchema,
  outline: z.array(SectionSchema),
  tables: z.record(z.string(), TableInstanceSchema),
  narrative: z.array(NarrativeNumberSchema),
  sentences: z.array(SentenceSchema),
  lines: z.array(ReportLineSchema),
  problems: z.array(ParseProblemSchema),
  source: z.object({ kind: z.string(), encoding: z.string().optional(), lineCount: z.number().int() }),
});
