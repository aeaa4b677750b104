/** The expression language of relation rules: parsing, evaluation, errors; no eval anywhere. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compare, evaluate, ExprError, globToRegExp, parseRelation, type Resolver } from '../../src/engine/expr.js';

const cells: Record<string, number | 'blank' | 'text'> = { 'a.x.1': 2, 'a.x.2': 3, 'a.y.1': 'blank', 'a.z.1': 'text', 'a.t.1': 5 };
const resolver: Resolver = {
  cell(id) {
    const v = cells[id];
    if (v === undefined) return { kind: 'missing' };
    if (v === 'text') return { kind: 'text' };
    return v === 'blank' ? { kind: 'value', value: 0, state: 'blank' } : { kind: 'value', value: v, state: 'number' };
  },
  glob(glob) {
    const re = globToRegExp(glob);
    return Object.keys(cells).filter((id) => re.test(id));
  },
};

describe('parseRelation and evaluate', () => {
  it('evaluates sums, products and precedence', () => {
    const r = parseRelation('a.x.1 + a.x.2 * 2 - (1 + 1) == 6');
    expect(evaluate(r.left, resolver).value).toBe(6);
    expect(r.op).toBe('==');
  });

  it('keeps the signed terms of a plain sum, for messages and blank solving', () => {
    const side = evaluate(parseRelation('a.x.1 - a.y.1 + a.t.1').left, resolver);
    expect(side.terms?.map((t) => [t.id, t.sign, t.state])).toEqual([['a.x.1', 1, 'number'], ['a.y.1', -1, 'blank'], ['a.t.1', 1, 'number']]);
  });

  it('sums globs of one id segment, and several globs together', () => {
    expect(evaluate(parseRelation('sum(a.x.*)').left, resolver).value).toBe(5);
    expect(evaluate(parseRelation('sum(a.*.1)').left, resolver).value).toBe(7);
    expect(evaluate(parseRelation('sum(a.x.1, a.t.*)').left, resolver).value).toBe(7);
  });

  it('reports missing and text cells instead of guessing', () => {
    const side = evaluate(parseRelation('a.x.1 + a.q.1 + a.z.1').left, resolver);
    expect(side.missing).toEqual(['a.q.1']);
    expect(side.text).toEqual(['a.z.1']);
  });

  it('compares with a tolerance', () => {
    expect(compare(1.004, '==', 1, 0.005)).toBe(true);
    expect(compare(1.01, '==', 1, 0.005)).toBe(false);
    expect(compare(0.1 + 0.2, '==', 0.3, 0)).toBe(true);
    expect(compare(3, '<=', 2, 0)).toBe(false);
  });

  it('rejects bad syntax with the offset', () => {
    expect(() => parseRelation('a.x.1 + ')).toThrow(ExprError);
    try {
      parseRelation('a.x.1 ? 2');
    } catch (error) {
      expect((error as ExprError).offset).toBe(6);
    }
    expect(() => parseRelation('a.x.* + 1')).toThrow(/通配符/);
    expect(() => parseRelation('constructor.constructor("x")()')).toThrow(ExprError);
  });

  it('is not built on eval or Function', () => {
    for (const file of readdirSync('src/engine', { recursive: true }).map(String).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(`src/engine/${file}`, 'utf8');
      expect(text, file).not.toMatch(/\beval\s*\(|new\s+Function\s*\(/);
    }
  });
});
