/**
 * The whole-text shortcut of text checks for patterns with assertions: the pattern with its
 * assertions taken out must match wherever the pattern does (so a text it does not match holds no
 * match of the pattern), and the findings of every text rule must be what scanning every line
 * gives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filesUnder } from './files.js';
import { parse } from 'yaml';
import { relaxedSource, withoutNullableEnds } from '../../src/engine/regex-relax.js';
import { forEachMatch, mayMatchAny } from '../../src/engine/regex.js';
import { fold } from '../../src/format/normalize.js';

interface RuleEntry {
  id: string;
  check: { kind: string; pattern?: string; flags?: string };
}
const textRules = readdirSync('rules')
  .filter((f) => f.endsWith('.yaml') && !f.includes('schema'))
  .flatMap((f) => ((parse(readFileSync(join('rules', f), 'utf8')) as { rules?: RuleEntry[] }).rules ?? []))
  .filter((r) => r.check.kind === 'text' && r.check.pattern !== undefined);

const textFiles = (dir: string): string[] => filesUnder(dir, /\.(txt|md|yaml|ts)$/);

describe('relaxedSource', () => {
  it('takes out look-arounds, anchors and word boundaries, and keeps classes and escapes', () => {
    expect(relaxedSource('(?<=申请人[^。]{0,60})(?<![王李])(?:XX|某某)(?![A-Z])', '')).toBe('(?:XX|某某)');
    expect(relaxedSource('^\\s*第\\d+页$', '')).toBe('\\s*第\\d+页');
    expect(relaxedSource('\\bfoo\\B', 'i')).toBe('foo');
    expect(relaxedSource('[$^(?=)]\\(\\?=x\\)\\$', '')).toBe('[$^(?=)]\\(\\?=x\\)\\$');
    expect(relaxedSource('(?=[)(])a(?<name>b)', '')).toBe('a(?<name>b)');
  });

  it('gives up where taking an assertion out would do more than relax the pattern', () => {
    expect(relaxedSource('ab(?=c){2}', '')).toBeNull();
    expect(relaxedSource('(a)(?=b)\\1', '')).toBeNull();
    expect(relaxedSource('(?<x>a)\\k<x>', '')).toBeNull();
    expect(relaxedSource('a$?', '')).toBeNull();
    expect(relaxedSource('[\\p{L}--[a-z]]', 'v')).toBeNull();
    expect(relaxedSource('(?=a', '')).toBeNull();
  });

  it('every text rule pattern is relaxed to a pattern that compiles', () => {
    expect(textRules.length).toBeGreaterThan(3);
    for (const rule of textRules) {
      const source = relaxedSource(rule.check.pattern!, rule.check.flags ?? '');
      expect(source, rule.id).not.toBeNull();
      expect(() => new RegExp(source!, rule.check.flags ?? ''), rule.id).not.toThrow();
    }
  });

  it('matches wherever a text rule pattern matches, on every line of the fixtures, rule packs and tests', () => {
    const lines = [...textFiles('fixtures'), ...textFiles('rules'), ...textFiles('test')].flatMap((f) => readFileSync(f, 'utf8').split('\n').map(fold));
    let matched = 0;
    for (const rule of textRules) {
      const re = new RegExp(rule.check.pattern!, `g${rule.check.flags ?? ''}`);
      const relaxed = new RegExp(relaxedSource(rule.check.pattern!, rule.check.flags ?? '')!, rule.check.flags ?? '');
      for (const line of lines) {
        re.lastIndex = 0;
        if (!re.test(line)) continue;
        matched++;
        expect(relaxed.test(line), `${rule.id}: ${line}`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(50);
  });

  it('mayMatchAny is false only for texts in which no line matches (generated texts of the patterns\' characters)', () => {
    const pieces = ['XX', 'X', '×', '××', '某某', '年', '月', '日', '年月日', ' ', '\t', '。', '，', '申请人', '复议', '王', '单位', '件', '万元', '1', '2024', '自', '至', '起', '止', '统计期限为', '处理费', '收取', '费', '未收取', '考核', '评议', '○○', '**', '[单位名称]', '【', '】', '\uFFFD', 'MERGEFIELD', '\n'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(''));
    let matching = 0;
    for (const rule of textRules) {
      const re = new RegExp(rule.check.pattern!, `g${rule.check.flags ?? ''}`);
      fc.assert(
        fc.property(text, (t) => {
          let any = false;
          for (const line of t.split('\n')) {
            forEachMatch(re, line, () => {
              any = true;
              return false;
            });
          }
          if (!any) return;
          matching++;
          expect(mayMatchAny(re, t), `${rule.id}: ${t}`).toBe(true);
        }),
        { numRuns: 1000, seed: 21 },
      );
    }
    // The generated texts do hold matches of the patterns (the property is not vacuous).
    expect(matching).toBeGreaterThan(500);
  });
});

describe('withoutNullableEnds', () => {
  it('drops what may match nothing at both ends of each alternative, and keeps the rest as written', () => {
    expect(withoutNullableEnds('[ \\t]*年[ \\t]*月[ \\t]*日[ \\t]*')).toBe('年[ \\t]*月[ \\t]*日');
    expect(withoutNullableEnds('(?:|[，,；、]|共)\\s*(?:办结|答复)(?:申请)?\\s*(\\d+)\\s*件')).toBe('(?:办结|答复)(?:申请)?\\s*(\\d+)\\s*件');
    expect(withoutNullableEnds('(?:a|b)?c|x*?(y)+z{0,2}')).toBe('c|(y)+');
    expect(withoutNullableEnds('((?:ab)*)q\\u{1F600}?')).toBe('q');
    expect(withoutNullableEnds('[\\]|]*x[^\\]]')).toBe('x[^\\]]');
    expect(withoutNullableEnds('收取[^。]{0,10}费')).toBe('收取[^。]{0,10}费');
  });

  it('is null when an alternative can match nothing at all, or for syntax it does not follow', () => {
    for (const source of ['a*', 'x|y?', '(?:a|)', 'a{,2}b', '(?i:a)b', 'a)b', '[ab', '(?:a', 'a{0,2}{1}']) expect(withoutNullableEnds(source), source).toBeNull();
  });

  it('finds a match in exactly the texts the pattern finds one in (generated patterns and texts)', () => {
    // Patterns two groups deep at most, over a few characters, with unbounded repetition only outside groups: nested repetition makes the regular-expression engine backtrack for ever.
    const quantified = (atom: fc.Arbitrary<string>, unbounded = true): fc.Arbitrary<string> => fc.tuple(atom, fc.constantFrom('', '', '?', '{0,2}', '{1,2}', '??', ...(unbounded ? ['*', '+', '*?'] : []))).map(([a, q]) => a + q);
    const sequence = (atom: fc.Arbitrary<string>, minLength: number, unbounded = true): fc.Arbitrary<string> => fc.array(quantified(atom, unbounded), { minLength, maxLength: 4 }).map((xs) => xs.join(''));
    const simple = fc.constantFrom('a', 'b', '[ab]', '[^a]', '\\s', '.');
    const groupOf = (atom: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.tuple(fc.constantFrom('(?:', '(', '(?<n>'), fc.array(sequence(atom, 0, false), { minLength: 1, maxLength: 3 })).map(([open, alts]) => `${open}${alts.join('|')})`);
    const atom = fc.oneof(simple, simple, groupOf(fc.oneof(simple, simple, groupOf(simple))));
    const pattern = fc.array(sequence(atom, 1), { minLength: 1, maxLength: 3 }).map((alts) => alts.join('|'));
    const text = fc.array(fc.constantFrom('a', 'b', 'c', ' ', '\n'), { maxLength: 12 }).map((xs) => xs.join(''));
    let trimmed = 0;
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 6 }), (source, texts) => {
        // Duplicate group names are a syntax error: keep one named group at most.
        let named = false;
        const unique = source.replace(/\(\?<n>/g, (m) => (named ? '(' : ((named = true), m)));
        const out = withoutNullableEnds(unique);
        const re = new RegExp(unique);
        if (out === null) {
          // Null for a syntax it follows only when the pattern matches the empty text (so every text).
          expect(re.test('')).toBe(true);
          return;
        }
        if (out !== unique) trimmed++;
        const rest = new RegExp(out);
        for (const t of texts) expect(rest.test(t), `${unique} → ${out} on ${JSON.stringify(t)}`).toBe(re.test(t));
      }),
      { numRuns: 3000, seed: 7 },
    );
    expect(trimmed).toBeGreaterThan(300);
  });
});
