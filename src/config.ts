/**
 * The config file (`.xxgk-lint.yaml`): rules turned off or given another severity, extra rule
 * folders, locale. Validated like rule packs, with located errors.
 */
import { z } from './zod.js';
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node } from 'yaml';
import { SeveritySchema } from './model/finding-schema.js';
import type { LoadError } from './engine/load-error.js';
import { suggest } from './format/cell-ids.js';

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

function nodeAt(root: unknown, path: (string | number)[]): Node | null {
  let node = root;
  let last: Node | null = null;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      node = pair?.value ?? pair?.key;
    } else if (isSeq(node)) node = node.items[key as number];
    else break;
    if (node && typeof node === 'object' && 'range' in node) last = node as Node;
  }
  return last;
}

/** Parses and validates a config file's text; unknown rule ids are reported with suggestions. */
export function loadConfigText(text: string, file: string, knownRules: readonly string[]): { config: Config | null; errors: LoadError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const errors: LoadError[] = doc.errors.map((e) => ({ file, line: e.linePos?.[0].line ?? 1, column: e.linePos?.[0].col ?? 1, message: `YAML 语法错误：${e.message.split('\n')[0]}` }));
  if (errors.length) return { config: null, errors };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (error) {
    return { config: null, errors: [{ file, line: 1, column: 1, message: `无法展开 YAML：${(error as Error).message}` }] };
  }
  const result = ConfigSchema.safeParse(data);
  const at = (path: (string | number)[]): { line: number; column: number } => {
    const p = lineCounter.linePos(nodeAt(doc.contents, path)?.range?.[0] ?? 0);
    return { line: p.line, column: p.col };
  };
  if (!result.success) {
    for (const issue of result.error.issues) {
      const hint = issue.code === 'unrecognized_keys' ? (issue.path[0] === 'limits' ? `可用的上限：${Object.keys(LimitsSchema.shape).join('、')}` : '可用字段：rules、overrides、rulesDirs、ignores、locale、failSeverity、limits') : issue.path[0] === 'limits' ? '上限是正整数，例如 maxFileBytes: 20971520' : issue.path.includes('rules') ? '规则可设为 off、error、warning 或 info' : undefined;
      errors.push({ file, ...at(issue.path as (string | number)[]), message: `${issue.path.join('.') || '(根)'}：${issue.message}`, ...(hint ? { hint } : {}) });
    }
  }
  const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
  const root = record(data);
  const ruleMaps: [(string | number)[], Record<string, unknown>][] = [[['rules'], record(root.rules)]];
  if (Array.isArray(root.overrides)) root.overrides.forEach((o, i) => ruleMaps.push([['overrides', i, 'rules'], record(record(o).rules)]));
  for (const [path, rules] of ruleMaps) {
    for (const id of Object.keys(rules)) {
      if (knownRules.includes(id)) continue;
      const near = suggest(id, knownRules);
      errors.push({ file, ...at([...path, id]), message: `未知的规则「${id}」`, ...(near.length ? { hint: `是不是 ${near.join('、')}？` } : { hint: '用 xxgk-lint rules 列出所有规则' }) });
    }
  }
  return errors.length || !result.success ? { config: null, errors } : { config: result.data, errors };
}
