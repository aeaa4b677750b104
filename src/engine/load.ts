/**
 * Loads rule packs from YAML text: parse with positions, refuse code-like and unsafe input,
 * validate with zod, then check what zod cannot (expressions, cell ids, duplicate ids). Every
 * error is collected and located as file:line:col with a hint; nothing is thrown at the caller.
 */
import { isScalar, type Node } from 'yaml';
import { nodeAt, readYaml, zodErrors } from '../yaml-source.js';
import { expand } from './expand.js';
import { ExprError, parseRelation, references } from './expr.js';
import { globMatchesAny, knownCellIds, suggest } from '../format/cell-ids.js';
import type { LoadError } from './load-error.js';
import { CHECK_REGISTRY, kindOf } from './checks/registry.js';
import { kindMessages, type KindMessageMap } from './kind-messages.js';
import { legacyKindHint } from './legacy-kinds.js';
import { messageProblems, sharedMessageProblems } from './validate-messages.js';
import { CHECK_KINDS, PackSchema, type Pack, type Rule } from './schema.js';

// Re-exported for the modules that import them from here; the checker itself (and the CLI, until a
// pack file has to be parsed) imports them from expand.ts and load-error.ts, without YAML and zod.
export { expand } from './expand.js';
export { formatLoadError, type LoadError } from './load-error.js';

/** Limits on rule files: a hostile file must not exhaust memory or time. */
export interface PackLimits {
  maxBytes: number;
  maxAliases: number;
  maxRules: number;
}

/** The default {@link PackLimits}. */
export const DEFAULT_PACK_LIMITS: Readonly<PackLimits> = Object.freeze({ maxBytes: 2 * 1024 * 1024, maxAliases: 100, maxRules: 2000 });

type Path = (string | number)[];

/** Table ids rules may name. */
const KNOWN_TABLES = (): Set<string> => new Set([...knownCellIds()].map((id) => id.slice(0, id.indexOf('.'))));

/**
 * Checks what zod cannot, for every kind through its registry entry (checks/registry.ts): the
 * expressions parse and name known cells, for every expansion; the cell ids and globs its options
 * name exist; the tables it names exist; the rule's messages are those the kind emits, with the
 * values it provides (validate-messages.ts). Errors are located at the value in the YAML.
 */
function validateRefs(rule: Rule, base: Path, root: Node | null | undefined, at: (offset: number) => { line: number; column: number }, file: string, errors: LoadError[], provided: ReadonlySet<string>): void {
  const kind = kindOf(rule.check);
  const check = rule.check;
  const where = (path: readonly (string | number)[]): { line: number; column: number; quoted: number } => {
    const node = nodeAt(root, [...base, ...path]);
    const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') ? 1 : 0;
    return { ...at(node?.range?.[0] ?? 0), quoted };
  };
  const unknownCell = (id: string, line: number, column: number): void => {
    if (errors.some((e) => e.message === `规则 ${rule.id}：未知的单元格「${id}」`)) return;
    const near = suggest(id);
    errors.push({ file, line, column, message: `规则 ${rule.id}：未知的单元格「${id}」`, ...(near.length ? { hint: `是不是 ${near.join('、')}？` } : { hint: '单元格 id 的写法见 docs/cell-ids.md' }) });
  };
  const known = (id: string): boolean => (id.includes('*') ? globMatchesAny(id) : knownCellIds().has(id));
  for (const ref of kind.cells(check as never)) {
    if (known(ref.id)) continue;
    const pos = where(ref.path);
    unknownCell(ref.id, pos.line, pos.column);
  }
  const tables = KNOWN_TABLES();
  for (const ref of kind.tables(check as never)) {
    if (tables.has(ref.id)) continue;
    const pos = where(ref.path);
    errors.push({ file, line: pos.line, column: pos.column, message: `规则 ${rule.id}：未知的表「${ref.id}」`, hint: `可用的表：${[...tables].join('、')}` });
  }
  const { exprs, vars } = kind.expressions(check as never);
  const names = Object.keys(vars);
  const expansions = expand(vars);
  for (const expr of exprs) {
    const pos = where(expr.path);
    for (const v of [...expr.source.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]!)) {
      if (!names.includes(v)) errors.push({ file, line: pos.line, column: pos.column, message: `规则 ${rule.id}：表达式用了未定义的变量 {${v}}`, hint: `在 check.for 里定义 ${v}` });
    }
    for (const binding of expansions) {
      const concrete = expr.source.replace(/\{([a-z_]+)\}/g, (_m, v: string) => binding[v] ?? `{${v}}`);
      try {
        const relation = parseRelation(concrete);
        for (const ref of [...references(relation.left), ...(relation.right ? references(relation.right) : [])]) {
          const id = expr.prev ? ref.id.replace(/^prev\./, '') : ref.id;
          const ok = ref.glob ? globMatchesAny(id) : knownCellIds().has(id);
          if (!ok) unknownCell(ref.id, pos.line, pos.column + pos.quoted + ref.pos);
        }
      } catch (error) {
        if (error instanceof ExprError) {
          errors.push({ file, line: pos.line, column: pos.column + pos.quoted + error.offset, message: `规则 ${rule.id}：表达式错误：${error.message}`, hint: `表达式为 ${concrete}` });
          break;
        }
        throw error;
      }
    }
  }
  // The rule's messages against what its kind emits (paths inside the rule, so one level up from the check).
  for (const problem of messageProblems(rule, kind.messages(check as never), kind.shared, provided)) {
    const node = nodeAt(root, [...base.slice(0, -1), ...problem.path]);
    errors.push({ file, ...at(node?.range?.[0] ?? 0), message: problem.message, hint: problem.hint });
  }
}

/**
 * Checks a pack's own shared messages (`messages: { <kind>: { <id>: … } }`) against the kinds, and
 * returns, by kind, the shared messages its rules get: the kind's defaults under the pack's own.
 */
function sharedMessages(pack: Pack, defaults: KindMessageMap, root: Node | null | undefined, at: (offset: number) => { line: number; column: number }, file: string, errors: LoadError[]): KindMessageMap {
  const own = pack.messages ?? {};
  const out: KindMessageMap = {};
  for (const [kind, map] of Object.entries(own)) {
    const entry = Object.hasOwn(CHECK_REGISTRY, kind) ? CHECK_REGISTRY[kind as keyof typeof CHECK_REGISTRY] : undefined;
    if (!entry) {
      const node = nodeAt(root, ['messages', kind]);
      errors.push({ file, ...at(node?.range?.[0] ?? 0), message: `规则包 ${pack.pack}：messages: 下的「${kind}」不是检查种类`, hint: `messages: 下按检查种类写共用消息，如 relation: { cannot-read: { zh: …, en: … } }；种类：${CHECK_KINDS.join('、')}` });
      continue;
    }
    for (const problem of sharedMessageProblems(kind, map, entry.shared ?? {}, `规则包 ${pack.pack}`)) {
      const node = nodeAt(root, ['messages', kind, ...problem.path]);
      errors.push({ file, ...at(node?.range?.[0] ?? 0), message: problem.message, hint: problem.hint });
    }
  }
  for (const kind of new Set([...pack.rules.map((r) => r.check.kind as string), ...Object.keys(own)])) {
    const merged = { ...(Object.hasOwn(defaults, kind) ? defaults[kind] : {}), ...(Object.hasOwn(own, kind) ? own[kind] : {}) };
    if (Object.keys(merged).length > 0) out[kind] = merged;
  }
  return out;
}

/** Loads one pack file's text (the kinds' default messages given, their errors not repeated). */
function loadOne(text: string, file: string, limits: PackLimits, defaults: KindMessageMap): { pack: Pack | null; errors: LoadError[] } {
  const errors: LoadError[] = [];
  const { source, errors: readErrors } = readYaml(text, file, { maxBytes: limits.maxBytes, maxAliases: limits.maxAliases, what: { zh: '规则文件', en: 'rule file' }, emptyHint: { zh: '规则包至少要有 pack、description 和 rules，写法见 docs/writing-rules.md', en: 'a pack has at least pack, description and rules; see docs/writing-rules.md' } });
  if (!source) return { pack: null, errors: readErrors };
  const result = PackSchema.safeParse(source.value);
  if (!result.success) {
    const hint = (issue: { code: string; path: PropertyKey[] }): { zh: string; en: string } | undefined => {
      if (issue.code !== 'invalid_union' || issue.path[issue.path.length - 1] !== 'kind') return undefined;
      // A pack written for the old `kind: metadata|layout|narrative` forms is told the new kind's name.
      const legacy = legacyKindHint(source.value, issue.path.filter((k): k is string | number => typeof k !== 'symbol'));
      if (legacy) return legacy;
      return { zh: `kind 可选 ${CHECK_KINDS.join('、')}`, en: `kind is one of ${CHECK_KINDS.join(', ')}` };
    };
    return { pack: null, errors: zodErrors(source, result.error.issues, { hint, docs: { zh: '规则的写法见 docs/writing-rules.md', en: 'see docs/writing-rules.md for how rules are written' } }) };
  }
  const pack = result.data;
  if (pack.rules.length > limits.maxRules) {
    errors.push({ file, line: 1, column: 1, message: `规则数 ${pack.rules.length} 超过上限 ${limits.maxRules}` });
  }
  const shared = sharedMessages(pack, defaults, source.root, source.position, file, errors);
  pack.rules.forEach((rule, index) => validateRefs(rule, ['rules', index, 'check'], source.root, source.position, file, errors, new Set(Object.keys(shared[rule.check.kind] ?? {}))));
  if (errors.length > 0) return { pack: null, errors };
  // The pack carries the shared messages its rules use (so does the pack cache): the runner reads them there.
  if (Object.keys(shared).length > 0) pack.messages = shared;
  else delete pack.messages;
  return { pack, errors };
}

/** Loads one pack file's text. */
export function loadPackText(text: string, file: string, limits: PackLimits = DEFAULT_PACK_LIMITS): { pack: Pack | null; errors: LoadError[] } {
  const defaults = kindMessages();
  const result = loadOne(text, file, limits, defaults.messages);
  return defaults.errors.length > 0 ? { pack: null, errors: [...defaults.errors, ...result.errors] } : result;
}

/** Loads several packs and checks that rule ids are unique across them. */
export function loadPacks(files: { text: string; file: string }[], limits: PackLimits = DEFAULT_PACK_LIMITS): { packs: Pack[]; errors: LoadError[] } {
  const packs: Pack[] = [];
  const defaults = kindMessages();
  const errors: LoadError[] = [...defaults.errors];
  const seen = new Map<string, string>();
  for (const { text, file } of files) {
    const result = loadOne(text, file, limits, defaults.messages);
    errors.push(...result.errors);
    if (!result.pack) continue;
    for (const rule of result.pack.rules) {
      const other = seen.get(rule.id);
      if (other) {
        const line = text.split('\n').findIndex((l) => new RegExp(`^\\s*-?\\s*id:\\s*${rule.id}\\s*$`).test(l)) + 1;
        errors.push({ file, line: Math.max(1, line), column: 1, message: `规则 id「${rule.id}」重复`, hint: `已在 ${other} 中定义` });
      } else seen.set(rule.id, file);
    }
    packs.push(result.pack);
  }
  return { packs, errors };
}
