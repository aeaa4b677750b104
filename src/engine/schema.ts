/**
 * The rule-file language: zod schemas (the single source of the types and of the JSON Schema that
 * editors use). A pack is one YAML file with a list of rules; each rule has one `check` whose
 * `kind` selects the evaluator.
 */
import { EditionSchema } from '../model/report-schema.js';
import { SeveritySchema } from '../model/finding-schema.js';
import { z } from '../zod.js';

const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'id 必须是 kebab-case（小写字母、数字和连字符）' });

/** A message in Chinese (required) and English. Placeholders are `{{name}}`. */
export const MessageSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

/** A message id (kebab-case). */
export const MessageIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: '消息 id 必须是 kebab-case' });

/**
 * A fixture path: relative to the package root, inside it. Examples are read by the tests and the
 * docs generator; a pack must not make them read `/etc/passwd` or `../../secret`.
 */
const FixturePath = z
  .string()
  .min(1)
  .refine((p) => !/^(?:[/\\]|[A-Za-z]:)/.test(p) && !p.split(/[/\\]/).includes('..') && !p.includes('\0'), {
    error: '示例文件路径必须是包内的相对路径（不能以 / 开头，不能含 ..）',
  });

/** Why a regular expression does not compile, or null when it does. */
function regexError(source: string): string | null {
  try {
    new RegExp(source);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * A regular expression's source. It must compile when the pack loads: a pattern that does not
 * would otherwise throw while checking, failing every report (seen with `pattern: '('`).
 */
const RegexSource = z
  .string()
  .min(1)
  .refine((source) => regexError(source) === null, { error: (issue) => `不是有效的正则表达式：${regexError(String(issue.input))}` });

const ExampleBase = {
  fixture: FixturePath,
  /** Cell id → new raw text, written at the cell's place in the fixture. */
  set: z.record(z.string(), z.string()).optional(),
  /** Text replacements, applied in order: [from, to]. */
  replace: z.array(z.tuple([z.string().min(1), z.string()])).optional(),
  /** Passages removed, applied after `replace`: [from, until], from the start of the first line
   * holding `from` up to (not including) the first later line holding `until`. */
  cut: z.array(z.tuple([z.string().min(1), z.string().min(1)])).optional(),
};
const RelatedExample = z.strictObject(ExampleBase);

/**
 * One finding an invalid example must produce (as ESLint's RuleTester pins its errors): the
 * severity, and where: the line and/or the cell (`table.row.col` of the finding's location, or
 * `table.row` / `table` when the finding is about a whole row or table). `messageId` is checked
 * when the finding carries one.
 */
export const ExpectedFindingSchema = z.strictObject({
  severity: SeveritySchema,
  line: z.number().int().min(1).optional(),
  cell: z.string().min(1).optional(),
  messageId: z.string().min(1).optional(),
});
/** @see ExpectedFindingSchema */
export type ExpectedFinding = z.infer<typeof ExpectedFindingSchema>;

/** A test example: a fixture report, optionally changed (cells set, text replaced). */
export const ExampleSchema = z.strictObject({
  ...ExampleBase,
  note: z.string().optional(),
  /** Cross-report rules: the same agency's report of the year before. */
  previous: RelatedExample.optional(),
  /** Consolidated rules: the constituent reports (the example's report is their parent). */
  constituents: z.array(RelatedExample).optional(),
  /** Invalid examples: every finding of the rule the example produces, in order of line. */
  findings: z.array(ExpectedFindingSchema).min(1).optional(),
});
/** @see ExampleSchema */
export type Example = z.infer<typeof ExampleSchema>;

/** Expansion variables: `{ col: [np, biz, …] }` evaluates the check once per value. */
const ForSchema = z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(1)).min(1));

const RelationCheck = z.strictObject({
  kind: z.literal('relation'),
  for: ForSchema.optional(),
  /** `a + b == c`, with `==`, `<=`, `>=`, `<`, `>`; operands are cell ids, numbers, sum(glob). */
  assert: z.string().min(3),
  /** Absolute tolerance, or `decimals` to allow half a unit of the least precise amount written. */
  tolerance: z.union([z.number().min(0), z.literal('decimals')]).optional(),
  /** Treat blank, dash and 不适用 cells as 0 (the default); `false` makes such a relation cannot-check. */
  blankAsZero: z.boolean().optional(),
  /** Only when every named cell is present and is a number greater than 0. */
  when: z.string().optional(),
});

const CellStateCheck = z.strictObject({
  kind: z.literal('cell-state'),
  /** Cell id globs, e.g. `t3.*.*`. */
  cells: z.array(z.string().min(1)).min(1),
  require: z.array(z.enum(['number', 'not-blank', 'non-negative', 'integer', 'has-unit'])).min(1),
  /** Report at most one finding per table row (blank rows) instead of one per cell. */
  groupBy: z.enum(['cell', 'row', 'table']).optional(),
});

/** What shows a section's content when its heading is not found: tables, or words in the text. */
const SectionContent = z.strictObject({
  /** Canonical table ids (t2, t3, t4) that belong to the section. */
  tables: z.array(z.string().min(1)).optional(),
  /** Regular expression searched in the report's lines. */
  text: RegexSource.optional(),
  /** How the content is named in messages (e.g. 表四或“行政复议”“行政诉讼”的文字). */
  what: z.string().min(1),
});

const SectionSpec = z.strictObject({
  number: z.string().min(1),
  /** The official title; its known variants (format/section-titles.ts) are matched by similarity. */
  title: z.string().min(1),
  /** Regexes (on the heading title with spaces removed) that also name this section. */
  accept: z.array(RegexSource).min(1).optional(),
  /** Content that shows the section is there without its heading (then a warning, not an error). */
  content: SectionContent.optional(),
});

const SectionsCheck = z.strictObject({ kind: z.literal('sections'), sections: z.array(SectionSpec).min(1) });

const TableCheck = z.strictObject({
  kind: z.literal('table'),
  table: z.string().min(1),
  /** `table`: report a missing table; `rows`: report the rows the format has and the report lacks. */
  report: z.enum(['table', 'rows']).optional(),
});

const TextCheck = z.strictObject({
  kind: z.literal('text'),
  /** Regular expression (JavaScript syntax, no flags except through `flags`). */
  pattern: RegexSource,
  flags: z.string().regex(/^[imsu]*$/).optional(),
  /** `absent`: report each match; `present`: report when there is none. */
  expect: z.enum(['absent', 'present']),
  where: z.enum(['title', 'body', 'prose', 'all']).optional(),
  /** Report at most this many matches. */
  max: z.number().int().min(1).optional(),
  /** Only for these issuers (人民政府 reports must cover 考核、评议、责任追究). */
  issuers: z.array(z.enum(['department', 'government', 'unknown'])).min(1).optional(),
  /** Only when this relation over cells holds (e.g. `t3.r.other.2.total > 0`). */
  when: z.string().optional(),
});

const SectionLengthCheck = z.strictObject({
  kind: z.literal('section-length'),
  /** The level-1 section number, e.g. 一. */
  section: z.string().min(1),
  /** Most characters allowed, white space not counted. */
  max: z.number().int().min(1),
});

const Deadline = z.strictObject({
  issuer: z.enum(['department', 'government', 'any']),
  level: z.enum(['province', 'prefecture', 'county', 'township', 'unknown', 'any']).optional(),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  severity: SeveritySchema,
  who: z.string().min(1),
});

const DeadlineCheck = z.strictObject({ kind: z.literal('deadline'), deadlines: z.array(Deadline).min(1) });

/** Checks with no options (the report's metadata, the narrative heuristics): one per kind name. */
const bare = <K extends string>(kind: K) => z.strictObject({ kind: z.literal(kind) });
const TitlePresentCheck = bare('title-present');
const DatePresentCheck = bare('date-present');
const AgencyConsistentCheck = bare('agency-consistent');
const DatesConsistentCheck = bare('dates-consistent');
const YearConsistentCheck = bare('year-consistent');
const EditionMixedCheck = bare('edition-mixed');
const EditionMatchesYearCheck = bare('edition-matches-year');
const NarrativePartsSumCheck = bare('narrative-parts-sum');
const NarrativePercentCheck = bare('narrative-percent');
const NarrativeMissingNumberCheck = bare('narrative-missing-number');
const NarrativeEnumerationCheck = bare('narrative-enumeration');
const NarrativeListCountCheck = bare('narrative-list-count');
const NarrativePlansYearCheck = bare('narrative-plans-year');

/** Only this table (all tables when absent). */
const OnlyTable = z.string().min(1).optional();

const LabelDriftCheck = z.strictObject({ kind: z.literal('label-drift'), table: OnlyTable });
const UnreadableRowsCheck = z.strictObject({ kind: z.literal('unreadable-rows'), table: OnlyTable });

/** Notes the parser makes about a whole table (src/parse/table3.ts). */
export const TABLE_NOTES = ['other-single-row', 'columns-not-checkable', 'subtotal-column', 'extra-row', 'merged-org-column', 'no-total-column'] as const;
/** Notes the parser makes about one row of a table (glued digits split or not, a 表二 item not printed). */
export const ROW_NOTES = ['glued-split', 'glued-no-split', 't2-item-not-printed'] as const;

const TableNoteCheck = z.strictObject({ kind: z.literal('table-note'), table: OnlyTable, note: z.enum(TABLE_NOTES) });
const RowNoteCheck = z.strictObject({ kind: z.literal('row-note'), table: OnlyTable, note: z.enum(ROW_NOTES) });

const NarrativeFiguresCheck = z.strictObject({
  kind: z.literal('narrative-figures'),
  /** Sentence patterns (the first capture group is the figure) and the cells whose sum it states. */
  figures: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        pattern: RegexSource,
        cells: z.array(z.string().min(1)).min(1),
        /** Other cell sets the figure may also mean (a subset or a wider sum). */
        alternatives: z.array(z.array(z.string().min(1)).min(1)).optional(),
        unit: z.string().optional(),
        /** The figure is a channel's (网站, 微博 …): channel words do not put it out of scope. */
        channel: z.boolean().optional(),
      }),
    )
    .min(1),
});

const NarrativeContradictionCheck = z.strictObject({
  kind: z.literal('narrative-contradiction'),
  /** A statement (pattern) the tables contradict when `when` holds; `name`/`nameEn` say what the table has. */
  contradictions: z.array(z.strictObject({ name: z.string().min(1), nameEn: z.string().min(1), pattern: RegexSource, when: z.string().min(3) })).min(1),
});

const CrossYearCheck = z.strictObject({
  kind: z.literal('cross-year'),
  for: ForSchema.optional(),
  /** A relation over this year's cells and last year's (`prev.<cell id>`). */
  assert: z.string().min(3),
  tolerance: z.number().min(0).optional(),
});

const ConsolidatedCheck = z.strictObject({
  kind: z.literal('consolidated'),
  /** Additive cells: the consolidated report's value against the sum of its constituents'. */
  cells: z.array(z.string().min(1)).min(1),
  /** Allowed relative gap (units are added or dropped during the year). */
  tolerance: z.number().min(0).max(1).optional(),
});

const SimilarityCheck = z.strictObject({
  kind: z.literal('similarity'),
  /** Section 五 (problems and improvements) or the whole body. */
  scope: z.enum(['problems', 'body']),
  /** The same agency's previous report, or other agencies' reports in the batch. */
  against: z.enum(['previous', 'others']),
  /** Share of shared text (0–1) from which a finding is made. */
  threshold: z.number().min(0).max(1),
});

/** One check; `kind` selects the evaluator. */
export const CheckSchema = z.discriminatedUnion('kind', [
  RelationCheck, CellStateCheck, SectionsCheck, SectionLengthCheck, TableCheck, TextCheck, DeadlineCheck,
  TitlePresentCheck, DatePresentCheck, AgencyConsistentCheck, DatesConsistentCheck, YearConsistentCheck, EditionMixedCheck, EditionMatchesYearCheck,
  LabelDriftCheck, UnreadableRowsCheck, TableNoteCheck, RowNoteCheck,
  NarrativeFiguresCheck, NarrativeContradictionCheck, NarrativePartsSumCheck, NarrativePercentCheck, NarrativeMissingNumberCheck, NarrativeEnumerationCheck,
  NarrativeListCountCheck, NarrativePlansYearCheck,
  CrossYearCheck, ConsolidatedCheck, SimilarityCheck,
]);
/** @see CheckSchema */
export type Check = z.infer<typeof CheckSchema>;

/** A rule: metadata, the check, messages and examples. */
export const RuleSchema = z.strictObject({
  id: Id,
  description: z.string().min(1),
  severity: SeveritySchema,
  editions: z.array(EditionSchema).min(1).optional(),
  basis: z.string().min(1),
  /**
   * The basis for reports of one edition, when it differs: a 2008-regime report cites the 2007
   * 条例 and the statistics notice, a 2019-format report 国办公开办函〔2019〕60号.
   */
  bases: z.strictObject({ '2008': z.string().min(1).optional(), '2019': z.string().min(1).optional(), '2021': z.string().min(1).optional() }).optional(),
  check: CheckSchema,
  /** The message of the check's main finding (message id `default`). */
  message: MessageSchema,
  /**
   * The check's other messages, by message id (kebab-case): those its kind emits besides
   * `default` (docs/writing-rules.md lists them per kind). Checked at load against the kind.
   */
  messages: z.record(MessageIdSchema, MessageSchema).optional(),
  docs: z.string().optional(),
  examples: z.strictObject({ invalid: z.array(ExampleSchema).min(1), valid: z.array(ExampleSchema).min(1) }),
});
/** @see RuleSchema */
export type Rule = z.infer<typeof RuleSchema>;

/** A rule pack: one YAML file. */
export const PackSchema = z.strictObject({
  pack: Id,
  description: z.string().min(1),
  editions: z.array(EditionSchema).min(1).optional(),
  /**
   * The pack's own texts for the kinds' shared messages, by kind name then message id (e.g.
   * `relation: { cannot-read: { zh, en } }`): they replace the kinds' defaults
   * (`rules/kinds/<kind>.yaml`) for this pack's rules; a rule's own `messages:` replaces both.
   * After loading, this holds the defaults too, for every kind the pack's rules use.
   */
  messages: z.record(z.string().min(1), z.record(MessageIdSchema, MessageSchema)).optional(),
  rules: z.array(RuleSchema),
});
/** @see PackSchema */
export type Pack = z.infer<typeof PackSchema>;

/** The JSON Schema of pack files, for editors. */
export function packJsonSchema(): unknown {
  return z.toJSONSchema(PackSchema, { target: 'draft-2020-12' });
}

/** The check kinds, for hints. */
export const CHECK_KINDS: readonly string[] = CheckSchema.options.map((o) => o.shape.kind.value);

// Here too for the modules that validate packs; the checker imports them from kinds.ts (no zod).
export { CROSS_KINDS, isCrossRule } from './kinds.js';
