/**
 * Loads rule packs from YAML text: parse with positions, refuse code-like and unsafe input,
 * validate with zod, then check what zod cannot (expressions, cell ids, duplicate ids). Every
 * error is collected and located as file:line:col with a hint; nothing is thrown at the caller.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { expand } from './expand.js';
import { ExprError, parseRelation, references } from './expr.js';
import { globMatchesAny, knownCellIds, suggest } from '../format/cell-ids.js';
import type { LoadError } from './load-error.js';
import { kindOf } from './checks/registry.js';
import { legacyKindHint } from './legacy-kinds.js';
import { messageProblems } from './validate-messages.js';
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

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Path = (string | number)[];

function nodeAt(root: Node | null | undefined, path: Path): Node | null {
  let node: unknown = root;
  let last: Node | null = (root as Node | null) ?? null;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      if (!pair) return last;
      node = pair.value ?? pair.key;
      if (node && typeof node === 'object' && 'range' in (node as object)) last = node as Node;
    } else if (isSeq(node)) {
      node = node.items[key as number];
      if (node && typeof node === 'object' && 'range' in (node as object)) last = node as Node;
      else return last;
    } else return last;
  }
  return last;
}

/** Table ids rules may name. */
const KNOWN_TABLES = (): Set<string> => new Set([...knownCellIds()].map((id) => id.slice(0, id.indexOf('.'))));

/**
 * Checks what zod cannot, for every kind through its registry entry (checks/registry.ts): the
 * expressions parse and name known cells, for every expansion; the cell ids and globs its options
 * name exist; the tables it names exist; the rule's messages are those the kind emits, with the
 * values it provides (validate-messages.ts). Errors are located at the value in the YAML.
 */
function validateRefs(rule: Rule, base: Path, root: Node | null | undefined, at: (offset: number) => { line: number; column: number }, file: string, errors: LoadError[]): void {
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
  for (const problem of messageProblems(rule, kind.messages(check as never))) {
    const node = nodeAt(root, [...base.slice(0, -1), ...problem.path]);
    errors.push({ file, ...at(node?.range?.[0] ?? 0), message: problem.message, hint: problem.hint });
  }
}

/** Loads one pack file's text. */
export function loadPackText(text: string, file: string, limits: PackLimits = DEFAULT_PACK_LIMITS): { pack: Pack | null; errors: LoadError[] } {
  const errors: LoadError[] = [];
  const lineCounter = new LineCounter();
  const at = (offset: number): { line: number; column: number } => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (text.length > limits.maxBytes) {
    return { pack: null, errors: [{ file, line: 1, column: 1, message: `规则文件超过 ${limits.maxBytes} 字节的上限`, hint: '拆分成几个规则包' }] };
  }
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, customTags: [], schema: 'core' });
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
    errors.push({ file, line: pos.line, column: pos.col, message: `YAML 语法错误：${e.message.split('\n')[0]}`, hint: 'YAML 用空格缩进，不能用 TAB；冒号后要有空格' });
  }
  if (errors.length > 0) return { pack: null, errors };

  // Refuse keys that could reach object prototypes, and count aliases before expanding them.
  let aliases = 0;
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (FORBIDDEN_KEYS.has(key)) {
          const range = (pair.key as Node).range ?? [0, 0, 0];
          errors.push({ file, line: at(range[0]).line, column: at(range[0]).column, message: `不允许的键「${key}」`, hint: '规则文件是数据，不能改写对象原型' });
        }
        walk(pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) walk(item);
    else if (isAlias(node)) aliases++;
  };
  walk(doc.contents);
  if (aliases > limits.maxAliases) {
    errors.push({ file, line: 1, column: 1, message: `YAML 别名（*alias）过多：${aliases} 个，上限 ${limits.maxAliases}`, hint: '别名可被用来制造“YAML 炸弹”，请直接写出内容' });
  }
  if (errors.length > 0) return { pack: null, errors };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch (error) {
    return { pack: null, errors: [{ file, line: 1, column: 1, message: `无法展开 YAML（别名展开过多或有循环）：${(error as Error).message}`, hint: '别名可被用来制造“YAML 炸弹”，请直接写出内容' }] };
  }
  const result = PackSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path as Path;
      const node = nodeAt(doc.contents, path);
      const pos = at(node?.range?.[0] ?? 0);
      const where = path.join('.');
      let hint: string | undefined;
      if (issue.code === 'unrecognized_keys') hint = `未知字段：${issue.keys.join('、')}`;
      if (issue.code === 'invalid_union' && path[path.length - 1] === 'kind') hint = legacyKindHint(data, path) ?? `kind 可选 ${CHECK_KINDS.join('、')}`;
      errors.push({ file, ...pos, message: `${where || '(根)'}：${issue.message}`, ...(hint ? { hint } : {}) });
    }
    return { pack: null, errors };
  }
  const pack = result.data;
  if (pack.rules.length > limits.maxRules) {
    errors.push({ file, line: 1, column: 1, message: `规则数 ${pack.rules.length} 超过上限 ${limits.maxRules}` });
  }
  pack.rules.forEach((rule, index) => validateRefs(rule, ['rules', index, 'check'], doc.contents, at, file, errors));
  return errors.length > 0 ? { pack: null, errors } : { pack, errors };
}

/** Loads several packs and checks that rule ids are unique across them. */
export function loadPacks(files: { text: string; file: string }[], limits: PackLimits = DEFAULT_PACK_LIMITS): { packs: Pack[]; errors: LoadError[] } {
  const packs: Pack[] = [];
  const errors: LoadError[] = [];
  const seen = new Map<string, string>();
  for (const { text, file } of files) {
    const result = loadPackText(text, file, limits);
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
