/**
 * The config file (`.xxgk-lint.yaml`): rules turned off or given another severity, extra rule
 * folders, locale. Validated like rule packs, with located errors.
 */
import { z } from './zod.js';
import { SeveritySchema } from './model/finding-schema.js';
import type { LoadError } from './engine/load-error.js';
import { suggest } from './format/cell-ids.js';
import { located, readYaml, zodErrors } from './yaml-source.js';

// Here too for the modules that import it from here; a check run imports it from config-limits.ts.
export { limitsOf } from './config-limits.js';

const countOrZero = z.number({ error: '需要一个非负整数' }).int({ error: '需要一个非负整数' }).min(0, { error: '需要一个非负整数' }).max(Number.MAX_SAFE_INTEGER);
const positive = z.number({ error: '需要一个正整数' }).int({ error: '需要一个正整数' }).positive({ error: '需要一个正整数' }).max(Number.MAX_SAFE_INTEGER);

/**
 * Input limits (see {@link IngestLimits}); each is optional, the others keep their defaults. A
 * value is a positive integer; a limit is raised for unusual but genuine reports, or lowered
 * where hostile files are expected.
 */
export const LimitsSchema = z.strictObject({
  maxFileBytes: positive.optional(),
  maxDocxUncompressedBytes: positive.optional(),
  maxPdfPages: positive.optional(),
  maxHtmlDepth: positive.optional(),
  maxLines: positive.optional(),
  // Fetching reports from the web (check <URL>, crawl): see src/fetch/limits.ts.
  fetchMaxBytes: positive.optional(),
  fetchTimeoutMs: positive.optional(),
  fetchMaxRedirects: countOrZero.optional(),
  fetchDelayMs: countOrZero.optional(),
  fetchRetries: countOrZero.optional(),
  fetchPerHost: positive.max(2, { error: '每个网站同时最多 2 个请求' }).optional(),
  crawlMaxPages: positive.optional(),
  crawlMaxReports: positive.optional(),
  crawlMaxMs: positive.optional(),
});

/** The config file schema. */
const RuleSettingsSchema = z.record(z.string(), z.union([z.literal('off'), SeveritySchema]));

export const ConfigSchema = z.strictObject({
  rules: RuleSettingsSchema.optional(),
  /** Settings for some files only: globs relative to the config file's folder. */
  overrides: z.array(z.strictObject({ files: z.array(z.string().min(1)).min(1), rules: RuleSettingsSchema })).optional(),
  rulesDirs: z.array(z.string()).optional(),
  /** Files left out of a check, in .gitignore syntax, relative to the config file's folder. */
  ignores: z.array(z.string().min(1)).optional(),
  locale: z.enum(['zh', 'en']).optional(),
  failSeverity: SeveritySchema.optional(),
  limits: LimitsSchema.optional(),
});
/** @see ConfigSchema */
export type Config = z.infer<typeof ConfigSchema>;

/**
 * The JSON Schema of `.xxgk-lint.yaml`, for editors (completion and checks while typing), made
 * from {@link ConfigSchema}; `rules/config.schema.json` holds it (`npm run config:schema`).
 * Rule ids are any string here: the packs, and so the ids, can be extended per project; the CLI
 * checks them with suggestions.
 */
export function configJsonSchema(): Record<string, unknown> {
  return {
    title: 'xxgk-lint 配置文件（.xxgk-lint.yaml）',
    ...(z.toJSONSchema(ConfigSchema, { target: 'draft-2020-12' }) as Record<string, unknown>),
  };
}

/** Where the config file is described, the hint when no other fits. */
const CONFIG_DOCS = { zh: '配置文件的写法见 README 的“Config file”一节', en: 'see the "Config file" section of the README' };

/** The config's own hint for a zod issue: the keys it accepts, what a limit and a rule setting are. */
function configHint(issue: { code: string; path: PropertyKey[] }): { zh: string; en: string } | undefined {
  const inLimits = issue.path[0] === 'limits';
  if (issue.code === 'unrecognized_keys') {
    const keys = inLimits ? Object.keys(LimitsSchema.shape) : issue.path[0] === 'overrides' ? ['files', 'rules'] : Object.keys(ConfigSchema.shape);
    return { zh: `${inLimits ? '可用的上限' : '可用字段'}：${keys.join('、')}`, en: `${inLimits ? 'limits' : 'fields'}: ${keys.join(', ')}` };
  }
  if (inLimits) return { zh: '上限是正整数，例如 maxFileBytes: 20971520', en: 'a limit is a positive integer, e.g. maxFileBytes: 20971520' };
  if (issue.path.includes('rules')) return { zh: '规则可设为 off、error、warning 或 info', en: 'a rule is set to off, error, warning or info' };
  return undefined;
}

/** Parses and validates a config file's text; unknown rule ids are reported with suggestions. */
export function loadConfigText(text: string, file: string, knownRules: readonly string[]): { config: Config | null; errors: LoadError[] } {
  const { source, errors: readErrors } = readYaml(text, file, { empty: {}, what: { zh: '配置文件', en: 'config file' } });
  if (!source) return { config: null, errors: readErrors };
  const data = source.value;
  const result = ConfigSchema.safeParse(data);
  const errors: LoadError[] = result.success ? [] : zodErrors(source, result.error.issues, { hint: configHint, docs: CONFIG_DOCS });
  const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
  const root = record(data);
  const ruleMaps: [(string | number)[], Record<string, unknown>][] = [[['rules'], record(root.rules)]];
  if (Array.isArray(root.overrides)) root.overrides.forEach((o, i) => ruleMaps.push([['overrides', i, 'rules'], record(record(o).rules)]));
  for (const [path, rules] of ruleMaps) {
    for (const id of Object.keys(rules)) {
      if (knownRules.includes(id)) continue;
      const near = suggest(id, knownRules);
      const hint = near.length ? [`是不是 ${near.join('、')}？`, `did you mean ${near.join(', ')}?`] : ['用 xxgk-lint rules 列出所有规则', 'run xxgk-lint rules to list every rule'];
      errors.push(located(file, source.keyAt([...path, id]), `未知的规则「${id}」`, hint[0]!, `unknown rule "${id}"`, hint[1]!));
    }
  }
  return errors.length || !result.success ? { config: null, errors } : { config: result.data, errors };
}
