/**
 * Rule pack loading: good packs load; every kind of bad pack gives located errors (file:line:col)
 * with hints, all at once, and nothing in a pack runs as code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLoadError, loadPackText, loadPacks } from '../../src/engine/load.js';
import { packJsonSchema } from '../../src/engine/schema.js';
import { onePack } from './pack-text.js';

const RULE = (check: string, extra = ''): string => onePack([`check: ${check}`], undefined, { severity: 'error', after: extra });

describe('loadPackText', () => {
  it('loads a valid pack', () => {
    const { pack, errors } = loadPackText(RULE('{ kind: relation, assert: "t4.rev.keep <= t4.rev.total" }'), 'p.yaml');
    expect(errors).toEqual([]);
    expect(pack?.rules[0]?.id).toBe('test-rule');
  });

  it('locates a YAML syntax error', () => {
    const { pack, errors } = loadPackText('pack: test\nrules:\n  - id: [unclosed\n', 'p.yaml');
    expect(pack).toBeNull();
    expect(errors[0]).toMatchObject({ file: 'p.yaml', line: expect.any(Number), column: expect.any(Number) });
    expect(errors[0]!.message).toContain('YAML 语法错误');
  });

  it('locates a value of the wrong type', () => {
    const text = RULE('{ kind: relation, assert: "t4.rev.keep <= t4.rev.total" }').replace('severity: error', 'severity: fatal');
    const { errors } = loadPackText(text, 'p.yaml');
    expect(errors).toHaveLength(1);
    expect(formatLoadError(errors[0]!)).toMatch(/^p\.yaml:6:15 {2}rules\.0\.severity：/);
  });

  it('reports an unknown field with its name', () => {
    const { errors } = loadPackText(RULE('{ kind: relation, assert: "t4.rev.keep <= t4.rev.total", sevrity: 1 }'), 'p.yaml');
    expect(errors[0]!.hint).toContain('sevrity');
    expect(errors[0]!.line).toBe(8);
  });

  it('reports an unknown cell id with a suggestion and its column', () => {
    const { errors } = loadPackText(RULE('{ kind: relation, assert: "t4.rev.keep <= t4.rev.totl" }'), 'p.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 8, column: 54, message: '规则 test-rule：未知的单元格「t4.rev.totl」', hint: '是不是 t4.rev.total？' });
  });

  it('reports an expression syntax error at its offset', () => {
    const { errors } = loadPackText(RULE('{ kind: relation, assert: "t4.rev.keep <= + )" }'), 'p.yaml');
    expect(errors[0]!.message).toContain('表达式错误');
    expect(errors[0]!.column).toBeGreaterThan(34);
  });

  it('reports an undefined expansion variable', () => {
    const { errors } = loadPackText(RULE('{ kind: relation, assert: "t3.new.{col} >= 0" }'), 'p.yaml');
    expect(errors[0]!.message).toContain('{col}');
  });

  it('refuses a YAML alias bomb without expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${new Array(9).fill(`*${'abcdefghij'[i]}`).join(',')}]`)].join('\n');
    const { pack, errors } = loadPackText(bomb, 'bomb.yaml');
    expect(pack).toBeNull();
    expect(errors[0]!.message).toMatch(/别名/);
  });

  it('refuses keys that reach object prototypes', () => {
    const { pack, errors } = loadPackText(RULE('{ kind: relation, assert: "t4.rev.keep <= t4.rev.total" }', '    __proto__: { polluted: true }'), 'p.yaml');
    expect(pack).toBeNull();
    expect(errors[0]!.message).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports duplicate rule ids across packs', () => {
    const text = RULE('{ kind: relation, assert: "t4.rev.keep <= t4.rev.total" }');
    const { errors } = loadPacks([{ text, file: 'a.yaml' }, { text, file: 'b.yaml' }]);
    expect(errors).toEqual([expect.objectContaining({ file: 'b.yaml', line: 4, message: '规则 id「test-rule」重复' })]);
  });

  it('collects every error of a file at once', () => {
    const text = RULE('{ kind: relation, assert: "t4.rev.kep <= t4.rev.totl" }');
    expect(loadPackText(text, 'p.yaml').errors).toHaveLength(2);
  });
});

describe('rules/schema.json', () => {
  it('is the JSON Schema generated from the zod schema (run `xxgk-lint rules --schema > rules/schema.json`)', () => {
    expect(JSON.parse(readFileSync('rules/schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(packJsonSchema())));
  });
});
