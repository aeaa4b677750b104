/**
 * Prose on a line that also holds tables (web text saved without line breaks: 025 is a whole
 * report on one line). Its sentences are read, each with its part and its place in the line, so
 * the narrative checks compare its figures with the tables as they do for any report.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proseAroundTables } from '../../src/parse/glued-prose.js';
import { checkText } from '../../src/check.js';
import { Checker } from '../../src/engine/run.js';
import { builtinPacks, parseText } from '../helpers/examples.js';

const P025 = 'fixtures/corpus/web/025-hebei-industry-it-2022.txt';
const text025 = readFileSync(P025, 'utf8');

describe('prose around tables on one line', () => {
  it('reads the sentences of a report saved on one line, each in its part and at its place', () => {
    const report = parseText(text025);
    const line4 = text025.split('\n')[3]!;
    const received = report.sentences.find((s) => s.text.includes('全年共收到信息公开申请14件'));
    expect(received).toBeDefined();
    expect(received!.section).toBe('一');
    const at = received!.breaks[0]![1];
    expect(at.line).toBe(4);
    // The sentence starts in the line where the parser says it does.
    expect(line4.slice(at.column! - 1)).toMatch(/^\s*全年共收到信息公开申请14件/);
    expect(report.sentences.find((s) => s.text.includes('2022年未收取信息处理费'))!.section).toBe('六');
    // No table cell became prose: no sentence holds a table's row label followed by its numbers.
    expect(report.sentences.some((s) => /本年新收政府信息公开申请数量\s*\d/.test(s.text))).toBe(false);
  });

  it('a figure in that prose that contradicts the table is found', async () => {
    const checker = new Checker(builtinPacks(), { locale: 'zh' });
    const changed = text025.replace('全年共收到信息公开申请14件', '全年共收到信息公开申请15件');
    expect(changed).not.toBe(text025);
    const found = (await checkText(changed, '025.txt', checker)).findings.filter((f) => f.ruleId === 'narrative-figures');
    expect(found.map((f) => [f.severity, f.actual, f.expected, f.location.line])).toEqual([['warning', 15, 14, 4]]);
    expect((await checkText(text025, '025.txt', checker)).findings.filter((f) => f.ruleId === 'narrative-figures')).toEqual([]);
  });

  it('takes a table with its caption and header, back to the end of the sentence before it', () => {
    const text = '前言一句。二、主动公开情况 表头 规章 3 4 5 后文第一句。后文第二句。';
    const line = { text, norm: text, at: { line: 7 } };
    const start = text.indexOf('3');
    const pieces = proseAroundTables(line, [{ from: start, to: text.indexOf('5') + 1 }], []);
    expect(pieces.map((p) => [p.text, p.at.column])).toEqual([
      ['前言一句。', 1],
      [' 后文第一句。', text.indexOf('5') + 2],
      ['后文第二句。', text.indexOf('后文第二句') + 1],
    ]);
  });

  it('splits the prose where a heading begins, and gives nothing for a table row without a sentence', () => {
    const text = '甲。一、总体情况 乙。二、其他 丙 1 2';
    const line = { text, norm: text, at: { line: 3 } };
    const heading = (column: number, number: string) => ({ level: 1, number, title: 't', at: { line: 3, column }, glued: true });
    const pieces = proseAroundTables(line, [{ from: text.indexOf('1'), to: text.length }], [heading(text.indexOf('一、') + 1, '一'), heading(text.indexOf('二、') + 1, '二')]);
    expect(pieces.map((p) => p.text)).toEqual(['甲。', '一、总体情况 乙。']);
    expect(pieces.map((p) => p.at.column)).toEqual([1, text.indexOf('一、') + 1]);
    const row = '（一）予以公开 3 1 0 0 5';
    expect(proseAroundTables({ text: row, norm: row, at: { line: 1 } }, [{ from: 8, to: row.length }], [])).toEqual([]);
  });
});
