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
import { relaxedSource } from '../../src/engine/regex-relax.js';
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
