/**
 * The arithmetic of relation rules: a small expression language over cell ids, parsed and
 * evaluated here (no `eval`, no `Function`). Grammar:
 *
 *     relation := sum (("==" | "!=" | "<=" | ">=" | "<" | ">") sum)?
 *     sum      := term (("+" | "-") term)*
 *     term     := factor (("*" | "/") factor)*
 *     factor   := number | cell-id | "sum(" glob ("," glob)* ")" | "(" sum ")" | "-" factor
 *
 * Cell ids look like `t3.new.total`; a glob inside sum() may use `*` for exactly one id segment
 * (`t3.r.deny.*.np`). A sum of several globs adds up every cell any of them matches.
 */
import { globToRegExp } from '../format/cell-ids.js';

// The glob syntax of cell ids is the format module's; re-exported for the engine's modules.
export { globToRegExp };

/** A node of a parsed expression. */
export type Expr =
  | { type: 'num'; value: number }
  | { type: 'ref'; id: string; pos: number }
  | { type: 'sum'; globs: string[]; pos: number }
  | { type: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr }
  | { type: 'neg'; arg: Expr };

/** Comparison operators of a relation. */
export type Comparator = '==' | '!=' | '<=' | '>=' | '<' | '>';

/** A parsed relation; `right` and `op` are absent for a bare expression. */
export interface Relation {
  left: Expr;
  op?: Comparator;
  right?: Expr;
}

/** A syntax error with the 0-based offset where it was found. */
export class ExprError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
    this.name = 'ExprError';
  }
}

type Token = { kind: 'num' | 'id' | 'op' | 'lp' | 'rp' | 'cmp' | 'comma' | 'end'; text: string; pos: number };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const cmp = /^(==|!=|<=|>=|<|>)/.exec(rest);
    if (cmp) {
      tokens.push({ kind: 'cmp', text: cmp[1]!, pos: i });
      i += cmp[1]!.length;
      continue;
    }
    const num = /^\d+(?:\.\d+)?/.exec(rest);
    if (num) {
      tokens.push({ kind: 'num', text: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.(?:[A-Za-z0-9_]+|\*))*/.exec(rest);
    if (id) {
      tokens.push({ kind: 'id', text: id[0], pos: i });
      i += id[0].length;
      continue;
    }
    if ('+-*/'.includes(ch)) tokens.push({ kind: 'op', text: ch, pos: i });
    else if (ch === '(') tokens.push({ kind: 'lp', text: ch, pos: i });
    else if (ch === ')') tokens.push({ kind: 'rp', text: ch, pos: i });
    else if (ch === ',') tokens.push({ kind: 'comma', text: ch, pos: i });
    else throw new ExprError(`无法识别的字符「${ch}」`, i);
    i++;
  }
  tokens.push({ kind: 'end', text: '', pos: src.length });
  return tokens;
}

/** Parses a relation (or a bare expression). Throws {@link ExprError} on bad syntax. */
export function parseRelation(src: string): Relation {
  const tokens = tokenize(src);
  let k = 0;
  const peek = (): Token => tokens[k]!;
  const next = (): Token => tokens[k++]!;
  const expect = (kind: Token['kind'], what: string): Token => {
    const t = next();
    if (t.kind !== kind) throw new ExprError(`此处应为${what}`, t.pos);
    return t;
  };
  const factor = (): Expr => {
    const t = next();
    if (t.kind === 'num') return { type: 'num', value: Number(t.text) };
    if (t.kind === 'op' && t.text === '-') return { type: 'neg', arg: factor() };
    if (t.kind === 'lp') {
      const e = sum();
      expect('rp', '「)」');
      return e;
    }
    if (t.kind === 'id') {
      if (t.text === 'sum' && peek().kind === 'lp') {
        next();
        const globs = [expect('id', '单元格通配符，如 t3.r.deny.*.np')];
        while (peek().kind === 'comma') {
          next();
          globs.push(expect('id', '单元格通配符'));
        }
        expect('rp', '「)」');
        return { type: 'sum', globs: globs.map((g) => g.text), pos: globs[0]!.pos };
      }
      if (t.text.includes('*')) throw new ExprError('通配符 * 只能用在 sum(...) 里', t.pos);
      return { type: 'ref', id: t.text, pos: t.pos };
    }
    throw new ExprError(t.kind === 'end' ? '表达式不完整' : `此处不应出现「${t.text}」`, t.pos);
  };
  const term = (): Expr => {
    let left = factor();
    while (peek().kind === 'op' && (peek().text === '*' || peek().text === '/')) {
      const op = next().text as '*' | '/';
      left = { type: 'bin', op, left, right: factor() };
    }
    return left;
  };
  const sum = (): Expr => {
    let left = term();
    while (peek().kind === 'op' && (peek().text === '+' || peek().text === '-')) {
      const op = next().text as '+' | '-';
      left = { type: 'bin', op, left, right: term() };
    }
    return left;
  };
  const left = sum();
  if (peek().kind === 'cmp') {
    const op = next().text as Comparator;
    const right = sum();
    if (peek().kind !== 'end') throw new ExprError(`此处不应出现「${peek().text}」`, peek().pos);
    return { left, op, right };
  }
  if (peek().kind !== 'end') throw new ExprError(`此处不应出现「${peek().text}」`, peek().pos);
  return { left };
}

/** Every cell id and glob an expression names, with their offsets. */
export function references(e: Expr, out: { id: string; pos: number; glob: boolean }[] = []): { id: string; pos: number; glob: boolean }[] {
  switch (e.type) {
    case 'ref':
      out.push({ id: e.id, pos: e.pos, glob: false });
      break;
    case 'sum':
      for (const g of e.globs) out.push({ id: g, pos: e.pos, glob: true });
      break;
    case 'bin':
      references(e.left, out);
      references(e.right, out);
      break;
    case 'neg':
      references(e.arg, out);
      break;
    default:
      break;
  }
  return out;
}

/** One operand as evaluated: its cell id, sign in the sum, value used, and the cell's state. */
export interface Term {
  id: string;
  sign: 1 | -1;
  value: number;
  state: 'number' | 'blank' | 'dash' | 'na';
}

/** How a cell id resolves during evaluation. */
export type Resolved =
  | { kind: 'value'; value: number; state: Term['state'] }
  /** The format expects the cell, but the report's table lacks it or it could not be read. */
  | { kind: 'missing' }
  /** The report's layout has no such cell (another variant, an optional row): not applicable. */
  | { kind: 'absent' }
  | { kind: 'text' };

/** The resolver evaluation uses: a cell id to its value, and a glob to the ids it covers. */
export interface Resolver {
  cell(id: string): Resolved;
  /**
   * Ids matching the glob, or null when some rows it covers could not be read. An empty list
   * means the report's layout has no such rows (then the relation does not apply).
   */
  glob(glob: string): readonly string[] | null;
}

/** Result of evaluating one side of a relation. */
export interface SideValue {
  value: number;
  /** The terms when the side is a plain signed sum of cells (for messages and blank solving). */
  terms: Term[] | null;
  missing: string[];
  text: string[];
  /** True when a sum() matched no cell or a cell is absent: the relation does not apply to this layout. */
  empty: boolean;
}

/** What one evaluation of a side accumulates while walking the tree. */
interface Walk {
  readonly r: Resolver;
  readonly missing: string[];
  readonly text: string[];
  readonly terms: Term[];
  empty: boolean;
  linear: boolean;
}

/**
 * Evaluates an expression side. Runs for every expansion of every relation on every report, so
 * the walk is plain recursive functions over one state object (no closures per call, no node
 * objects made for the ids a glob matches).
 */
export function evaluate(e: Expr, r: Resolver): SideValue {
  const w: Walk = { r, missing: [], text: [], terms: [], empty: false, linear: true };
  const value = walkNode(w, e, 1, true);
  return { value, terms: w.linear ? w.terms : null, missing: w.missing, text: w.text, empty: w.empty };
}

function walkRef(w: Walk, id: string, sign: 1 | -1, inLinear: boolean): number {
  const v = w.r.cell(id);
  if (v.kind === 'absent') {
    w.empty = true;
    return 0;
  }
  if (v.kind === 'missing') {
    w.missing.push(id);
    return 0;
  }
  if (v.kind === 'text') {
    w.text.push(id);
    return 0;
  }
  if (inLinear) w.terms.push({ id, sign, value: v.value, state: v.state });
  return v.value;
}

/** A sum over globs: every glob is resolved first; one with unreadable rows makes the sum missing. */
function walkSum(w: Walk, globs: readonly string[], sign: 1 | -1, inLinear: boolean): number {
  const first = w.r.glob(globs[0]!);
  if (first === null) {
    w.missing.push(globs[0]!);
    return 0;
  }
  let lists: (readonly string[])[] | null = null;
  for (let g = 1; g < globs.length; g++) {
    const matched = w.r.glob(globs[g]!);
    if (matched === null) {
      w.missing.push(globs[g]!);
      return 0;
    }
    (lists ??= [first]).push(matched);
  }
  let total = 0;
  let count = 0;
  for (const ids of lists ?? [first]) {
    count += ids.length;
    for (const id of ids) total += walkRef(w, id, sign, inLinear);
  }
  if (count === 0) w.empty = true;
  return total;
}

function walkNode(w: Walk, node: Expr, sign: 1 | -1, inLinear: boolean): number {
  switch (node.type) {
    case 'num':
      return node.value;
    case 'ref':
      return walkRef(w, node.id, sign, inLinear);
    case 'sum':
      return walkSum(w, node.globs, sign, inLinear);
    case 'neg':
      return -walkNode(w, node.arg, (-sign) as 1 | -1, inLinear);
    case 'bin': {
      if (node.op === '+' || node.op === '-') {
        const a = walkNode(w, node.left, sign, inLinear);
        const b = walkNode(w, node.right, node.op === '+' ? sign : ((-sign) as 1 | -1), inLinear);
        return node.op === '+' ? a + b : a - b;
      }
      w.linear = false;
      const a = walkNode(w, node.left, sign, false);
      const b = walkNode(w, node.right, sign, false);
      return node.op === '*' ? a * b : b === 0 ? Number.NaN : a / b;
    }
  }
}

/** What {@link quickEvaluate} finds: the value, and how many cells were missing or text. */
export interface QuickValue {
  value: number;
  missing: number;
  text: number;
  empty: boolean;
}

/**
 * The value of an expression side, with counts where {@link evaluate} gives lists: what a check
 * needs to see that a relation holds. Sides within one table take the compiled plans of plan.ts
 * (no walk at all); this is the general case, the same walk as {@link evaluate}.
 */
export function quickEvaluate(e: Expr, r: Resolver): QuickValue {
  const v = evaluate(e, r);
  return { value: v.value, missing: v.missing.length, text: v.text.length, empty: v.empty };
}

/** Compares two values with a tolerance. */
export function compare(a: number, op: Comparator, b: number, tolerance: number): boolean {
  const eps = tolerance + 1e-9;
  switch (op) {
    case '==':
      return Math.abs(a - b) <= eps;
    case '!=':
      return Math.abs(a - b) > eps;
    case '<=':
      return a <= b + eps;
    case '>=':
      return a + eps >= b;
    case '<':
      return a < b - eps;
    case '>':
      return a > b + eps;
  }
}
