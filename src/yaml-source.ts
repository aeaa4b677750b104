/**
 * The one YAML reader of the tool: rule packs, the config file, waiver files and YAML manifests
 * are all read here, so that each is refused the same way (syntax errors, tabs, duplicate keys,
 * unsupported tags, keys that reach object prototypes, alias bombs) and every problem, zod's
 * included, is located as `file:line:col` with a Chinese message, an English one and a hint.
 * Nothing is thrown at the caller.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLError } from 'yaml';
import type { ZodError } from 'zod';
import { z } from './zod.js';
import type { LoadError } from './engine/load-error.js';

/** A path into a YAML value: map keys and list indexes (as zod reports them). */
export type YamlPath = readonly (string | number)[];

/** A line and a column, both from 1. */
export interface YamlPosition {
  line: number;
  column: number;
}

/** A located error whose message and hint are also given in English. */
export interface LocatedError extends LoadError {
  hint: string;
  en: { message: string; hint: string };
}

/** A YAML file read without errors: its value, and where each part of it was written. */
export interface YamlSource {
  file: string;
  /** The document as plain data (null for an empty file read with `empty`). */
  value: unknown;
  /** The root node, for callers that inspect the YAML itself (quoting, ranges). */
  root: Node | null;
  /** Line and column of an offset in the text. */
  position(offset: number): YamlPosition;
  /** Where the value at a path is written: the deepest node the path reaches (1:1 for none). */
  at(path: YamlPath): YamlPosition;
  /** Where the key of the last step of a path is written (the value's place when it has none). */
  keyAt(path: YamlPath): YamlPosition;
}

/** How {@link readYaml} reads a file. */
export interface ReadYamlOptions {
  /** Most `*alias` references allowed (default 50): more is refused before anything is expanded. */
  maxAliases?: number;
  /** Largest text accepted, in characters (default: no limit). */
  maxBytes?: number;
  /** The value an empty (or comments-only) file stands for; without it, an empty file is an error. */
  empty?: unknown;
  /** What the file is, for messages: 规则文件, 配置文件 … (zh and en). */
  what: { zh: string; en: string };
  /** What to write in it, as the hint of the empty-file error. */
  emptyHint?: { zh: string; en: string };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A located error from its parts (zh, then en). */
export function located(file: string, where: YamlPosition, message: string, hint: string, messageEn: string, hintEn: string): LocatedError {
  return { file, line: where.line, column: where.column, message, hint, en: { message: messageEn, hint: hintEn } };
}

/** The node a path reaches, or the deepest node on the way (null for an empty document). */
export function nodeAt(root: Node | null | undefined, path: YamlPath): Node | null {
  let node: unknown = root;
  let last: Node | null = root ?? null;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(key));
      if (!pair) return last;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof key === 'number') node = node.items[key];
    else return last;
    if (node === null || typeof node !== 'object' || !('range' in node) || !node.range) return last;
    last = node as Node;
  }
  return last;
}

/** The key node of a path's last step, when that step is a map key. */
function keyNodeAt(root: Node | null | undefined, path: YamlPath): Node | null {
  if (path.length === 0) return null;
  const parent = nodeAt(root, path.slice(0, -1));
  if (!isMap(parent)) return null;
  const pair = parent.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(path[path.length - 1]));
  return pair && isScalar(pair.key) ? pair.key : null;
}

const SYNTAX_HINT = { zh: 'YAML 用空格缩进（不能用 TAB），冒号后要有空格，括号和引号要成对', en: 'YAML is indented with spaces (no tabs), a colon is followed by a space, brackets and quotes come in pairs' };

/** A YAML parser error in Chinese (its English is the parser's own), with a hint to fix it. */
function syntaxText(error: YAMLError, text: string): { zh: string; hint: { zh: string; en: string } } {
  const first = error.message.split('\n')[0] ?? error.message;
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return { zh: '用了 TAB 缩进', hint: { zh: 'YAML 只能用空格缩进：把 TAB 换成空格（每级两个）', en: 'YAML is indented with spaces only: replace the tab with spaces (two per level)' } };
    case 'DUPLICATE_KEY': {
      // The error points at the repeated key: its text runs to the colon (quoted or plain).
      const key = /^(?:"([^"\n]*)"|'([^'\n]*)'|([^:\n]*?))\s*:/.exec(text.slice(error.pos[0], error.pos[0] + 200))?.slice(1).find((k) => k !== undefined)?.trim() ?? '';
      return { zh: `键${key ? `「${key}」` : ''}重复`, hint: { zh: '同一层的每个键只能写一次：删掉或合并重复的那个', en: 'each key is written once per level: remove or merge the repeated one' } };
    }
    case 'BAD_INDENT':
      if (/end with an? [\]}]/.test(first)) return { zh: '括号没有闭合（[ 要有 ]，{ 要有 }）', hint: { zh: '补上闭合的括号，或把整个值加引号', en: 'add the closing bracket, or quote the whole value' } };
      return { zh: '缩进不对齐', hint: { zh: '同一层的键要从同一列开始；用空格缩进，不能用 TAB', en: 'keys of one level start in the same column; indent with spaces, not tabs' } };
    case 'MISSING_CHAR':
      if (/quote/i.test(first)) return { zh: '引号没有闭合', hint: { zh: '补上闭合的引号（" 或 \'）', en: 'add the closing quote (" or \')' } };
      if (/map values/.test(first)) return { zh: '键后面缺少冒号和值', hint: { zh: '写成「键: 值」，冒号后要有空格', en: 'write "key: value", with a space after the colon' } };
      return { zh: `缺少字符（${first}）`, hint: SYNTAX_HINT };
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { zh: '键要写在一行内（多半是冒号后少了空格，或上一行没写完）', hint: { zh: '写成「键: 值」，冒号后要有空格；列表项以「- 」开头', en: 'write "key: value" with a space after the colon; list items start with "- "' } };
    case 'MULTIPLE_DOCS':
      return { zh: '文件里有不止一个 YAML 文档（---）', hint: { zh: '一个文件只写一个文档：删掉多余的 ---', en: 'one document per file: remove the extra ---' } };
    case 'TAG_RESOLVE_FAILED':
      return { zh: `不支持的 YAML 标签（${first.replace(/^Unresolved tag:\s*/, '')}）`, hint: { zh: '这个文件是数据，不能用 !!js/…、!!binary 之类的标签；要写文字就加引号', en: 'this file is data: tags such as !!js/… or !!binary are not allowed; quote the text instead' } };
    case 'BAD_SCALAR_START':
      return { zh: '值不能以这个字符开头', hint: { zh: '以 @、`、%、| 等开头的文字要加引号', en: 'quote text that starts with @, `, %, | and the like' } };
    case 'BAD_DQ_ESCAPE':
      return { zh: '双引号里的转义写法不对', hint: { zh: '反斜杠写成 \\\\，或改用单引号', en: 'write the backslash as \\\\, or use single quotes' } };
    case 'NON_STRING_KEY':
      return { zh: '键必须是一段文字', hint: SYNTAX_HINT };
    case 'RESOURCE_EXHAUSTION':
      return { zh: 'YAML 太复杂，无法读取', hint: { zh: '别名（*alias）可被用来制造“YAML 炸弹”，请直接写出内容', en: 'aliases can make a "YAML bomb": write the content out' } };
    default:
      return { zh: `YAML 写法不对（${first}）`, hint: SYNTAX_HINT };
  }
}

/**
 * Where the bracket or quote an error says is not closed was opened: the parser notices only
 * where the value should have ended (often the next line or the end of the file), while the fix
 * belongs at the opener. The parser's own offset when the opener cannot be found.
 */
function openerOffset(error: YAMLError, text: string): number {
  const at = error.pos[0];
  const first = error.message.split('\n')[0] ?? '';
  const quote = /Missing closing (["'])quote/.exec(first)?.[1];
  // An unclosed quoted value runs to the end of the file: the last such quote before is its opener.
  if (quote !== undefined) return Math.max(0, text.lastIndexOf(quote, Math.max(0, at - 1)));
  const close = /end with an? ([\]}])/.exec(first)?.[1];
  if (close === undefined) return at;
  const open = close === ']' ? '[' : '{';
  let depth = 0;
  for (let i = Math.min(at, text.length) - 1; i >= 0; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open && depth-- === 0) return i;
  }
  return at;
}

/**
 * Reads YAML text into a {@link YamlSource}, or located errors. Refused: syntax errors and
 * warnings (an unknown tag is one), keys that could reach object prototypes, more aliases than
 * allowed, and an empty file unless `empty` says what it stands for.
 */
export function readYaml(text: string, file: string, options: ReadYamlOptions): { source: YamlSource | null; errors: LocatedError[] } {
  const maxAliases = options.maxAliases ?? 50;
  const what = options.what;
  if (options.maxBytes !== undefined && text.length > options.maxBytes) {
    return { source: null, errors: [located(file, { line: 1, column: 1 }, `${what.zh}超过 ${options.maxBytes} 字节的上限`, '拆分成几个文件', `the ${what.en} is larger than the limit of ${options.maxBytes} bytes`, 'split it into several files')] };
  }
  const lineCounter = new LineCounter();
  const position = (offset: number): YamlPosition => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  // The core schema without custom tags: plain data only, nothing that constructs objects.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, customTags: [], schema: 'core' });
  const errors: LocatedError[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const t = syntaxText(e, text);
    const error = located(file, position(openerOffset(e, text)), `YAML 语法错误：${t.zh}`, t.hint.zh, `YAML syntax error: ${e.message.split('\n')[0]}`, t.hint.en);
    // One mistake can make the parser complain twice at one place: say it once.
    if (!errors.some((o) => o.line === error.line && o.column === error.column && o.message === error.message)) errors.push(error);
  }
  if (errors.length > 0) return { source: null, errors };

  const root = (doc.contents ?? null) as Node | null;
  if (root === null || (isScalar(root) && root.value === null && root.range?.[0] === root.range?.[1])) {
    if ('empty' in options) return { source: sourceOf(file, options.empty ?? null, null, position), errors };
    const hint = options.emptyHint ?? { zh: '写上内容，或删掉这个文件', en: 'write its content, or delete the file' };
    return { source: null, errors: [located(file, { line: 1, column: 1 }, `${what.zh}是空的`, hint.zh, `the ${what.en} is empty`, hint.en)] };
  }

  // Refuse keys that could reach object prototypes, and count aliases before expanding them.
  let aliases = 0;
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (FORBIDDEN_KEYS.has(key)) {
          errors.push(located(file, position((pair.key as Node).range?.[0] ?? 0), `不允许的键「${key}」`, `${what.zh}是数据，不能改写对象原型`, `key "${key}" is not allowed`, `a ${what.en} is data and cannot change object prototypes`));
        }
        walk(pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) walk(item);
    else if (isAlias(node)) aliases++;
  };
  walk(root);
  const bombHint = ['别名可被用来制造“YAML 炸弹”，请直接写出内容', 'aliases can make a "YAML bomb": write the content out'] as const;
  if (aliases > maxAliases) {
    errors.push(located(file, { line: 1, column: 1 }, `YAML 别名（*alias）过多：${aliases} 个，上限 ${maxAliases}`, bombHint[0], `too many YAML aliases (*alias): ${aliases}, at most ${maxAliases}`, bombHint[1]));
  }
  if (errors.length > 0) return { source: null, errors };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: maxAliases });
  } catch (error) {
    const reason = (error as Error).message;
    return { source: null, errors: [located(file, { line: 1, column: 1 }, `无法展开 YAML（别名展开过多或有循环）：${reason}`, bombHint[0], `cannot expand the YAML (too many alias expansions, or a cycle): ${reason}`, bombHint[1])] };
  }
  return { source: sourceOf(file, value, root, position), errors };
}

function sourceOf(file: string, value: unknown, root: Node | null, position: (offset: number) => YamlPosition): YamlSource {
  const at = (path: YamlPath): YamlPosition => position(nodeAt(root, path)?.range?.[0] ?? 0);
  return {
    file,
    value,
    root,
    position,
    at,
    keyAt: (path) => {
      const key = keyNodeAt(root, path);
      return key?.range ? position(key.range[0]) : at(path);
    },
  };
}

/** The value at a path of plain data (undefined where the path leads nowhere). */
function valueAt(data: unknown, path: YamlPath): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

type Issue = ZodError['issues'][number];

const ENGLISH = z.locales.en().localeError;

const TYPE_HINTS: Record<string, [string, string]> = {
  array: ['写成列表：[a, b]，或每项一行「- a」', 'write a list: [a, b], or one "- a" per line'],
  object: ['写成「键: 值」的映射', 'write a mapping of "key: value"'],
  string: ['写一段文字（含特殊字符时加引号）', 'write text (quoted when it holds special characters)'],
  number: ['写一个数字，不加引号', 'write a number, without quotes'],
  boolean: ['写 true 或 false', 'write true or false'],
};

/** A hint in both languages for an issue no caller gave one for. */
function defaultHint(issue: Issue, docs: { zh: string; en: string }): { zh: string; en: string } {
  if (issue.code === 'unrecognized_keys') return { zh: `未知字段：${issue.keys.join('、')}；${docs.zh}`, en: `unknown field: ${issue.keys.join(', ')}; ${docs.en}` };
  if (issue.code === 'invalid_value') {
    const values = issue.values.map((v) => String(v));
    return { zh: `可选：${values.join('、')}`, en: `one of: ${values.join(', ')}` };
  }
  if (issue.code === 'invalid_type') {
    const hint = TYPE_HINTS[issue.expected];
    if (hint) return { zh: hint[0], en: hint[1] };
  }
  return docs;
}

/** How {@link zodErrors} words and locates issues. */
export interface ZodErrorOptions {
  /** Path of the validated value inside the file (issues are located under it); default the root. */
  base?: YamlPath;
  /** The value that was validated, for the English message (default: the file's value at `base`). */
  data?: unknown;
  /** Where the format is described (the fallback hint), e.g. README 的“配置文件”一节. */
  docs: { zh: string; en: string };
  /** A caller's own hint for an issue (zh, and en when it has one), or undefined for the default. */
  hint?: (issue: Issue) => { zh: string; en?: string } | undefined;
  /** The text before the message when the issue's path is empty (default `(根)`). */
  rootName?: string;
}

/**
 * zod issues as located errors: `path：message`, at the value the issue is about (an unknown key
 * at the key itself), with a hint: the caller's, else one for the kind of issue, else where the
 * format is described.
 */
export function zodErrors(source: YamlSource, issues: readonly Issue[], options: ZodErrorOptions): LocatedError[] {
  const base = options.base ?? [];
  const data = 'data' in options ? options.data : valueAt(source.value, base);
  return issues.map((issue) => {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    // An unknown key is named and located by itself, not by the map it stands in.
    const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const where = unknownKey !== undefined ? source.keyAt([...base, ...path, unknownKey]) : source.at([...base, ...path]);
    const name = (unknownKey !== undefined ? [...path, unknownKey] : path).join('.') || (options.rootName ?? '(根)');
    const english = ENGLISH({ ...issue, input: valueAt(data, path) } as never);
    const messageEn = typeof english === 'string' ? english : (english?.message ?? issue.message);
    const own = options.hint?.(issue);
    const fallback = defaultHint(issue, options.docs);
    const hint = own ? { zh: own.zh, en: own.en ?? fallback.en } : fallback;
    return located(source.file, where, `${name}：${issue.message}`, hint.zh, `${name}: ${messageEn}`, hint.en);
  });
}
