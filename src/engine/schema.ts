/**
 * The rule-file language: zod schemas (the single source of the types and of the JSON Schema that
 * editors use). A pack is one YAML file with a list of rules; each rule has one `check` whose
 * `kind` selects the evaluator.
 */
import { EditionSchema } from '../model/report-schema.js';
import { SeveritySchema } from '../model/finding-schema.js';
import { z } from '../zod.js';
import { CHECK_OPTIONS } from './checks/options.js';

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

/** One check; `kind` selects the evaluator. Each kind's options are in checks/<kind>.options.ts (checks/options.ts lists them). */
export const CheckSchema = z.discriminatedUnion('kind', CHECK_OPTIONS);
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
