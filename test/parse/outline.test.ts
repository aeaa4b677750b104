/** The section outline: numbering styles, the document's top level, titles by similarity, inline headings. */
import { describe, expect, it } from 'vitest';
import { looksLikeReport } from '../../src/batch/process.js';
import { buildOutline } from '../../src/parse/outline.js';
import { headingAtLineStart, inlineHeadings, numeralOf, numeralValue } from '../../src/parse/section-heading.js';
import { matchSectionTitle } from '../../src/format/section-titles.js';
import { fold } from '../../src/format/normalize.js';
import type { ReportLine } from '../../src/model/report.js';
import { checkText, parseFixture, parseText } from '../helpers/examples.js';

const linesOf = (text: string): ReportLine[] => text.split('\n').map((t, i) => ({ text: t, norm: fold(t), at: { line: i + 1 } }));
const tops = (text: string): string[] => buildOutline(linesOf(text), () => false).filter((s) => s.level === 1).map((s) => `${s.number}|${s.title}`);

const SIX = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
const NUM = ['一', '二', '三', '四', '五', '六'];
/** A skeleton report: each section heading numbered by `numbering`, with a sub-heading and an item. */
const skeleton = (numbering: (i: number) => string): string =>
  SIX.map((t, i) => `${numbering(i)}${t}\n（一）工作开展情况\n1.加强组织领导。我们按要求开展工作。\n本年度开展了工作。`).join('\n');
const expectedTops = SIX.map((t, i) => `${NUM[i]}|${t}`);

describe('numbering styles', () => {
  const styles: [string, (i: number) => string][] = [
    ['一、', (i) => `${NUM[i]}、`],
    ['四.', (i) => `${NUM[i]}.`],
    ['四．', (i) => `${NUM[i]}．`],
    ['四，', (i) => `${NUM[i]}，`],
    ['四 (space)', (i) => `${NUM[i]} `],
    ['第四部分', (i) => `第${NUM[i]}部分 `],
    ['## 四、', (i) => `## ${NUM[i]}、`],
    ['**四、', (i) => `**${NUM[i]}、`],
  ];
  for (const [name, numbering] of styles) {
    it(`reads the six sections numbered ${name}, not the （一） and 1. below them`, () => {
      expect(tops(skeleton(numbering))).toEqual(expectedTops);
    });
  }

  it('reads a heading written as a one-cell markdown table row, not a row of several cells', () => {
    expect(tops('| 一、总体情况 |\n正文。\n| 二、主动公开政府信息情况 |\n| 四、结转下年度继续办理 | 0 | 0 |')).toEqual(['一|总体情况', '二|主动公开政府信息情况']);
  });

  it('takes （一） as the top level when it carries the six titles; 1. items stay below', () => {
    const text = SIX.map((t, i) => `（${NUM[i]}）${t}\n1.加强组织领导。\n2.完善制度。`).join('\n');
    const outline = buildOutline(linesOf(text), () => false);
    expect(outline.filter((s) => s.level === 1).map((s) => `${s.number}|${s.title}`)).toEqual(expectedTops);
    expect(outline.filter((s) => s.level === 2).map((s) => s.number)).toEqual(Array(12).fill(0).map((_, i) => String((i % 2) + 1)));
  });

  it('takes 4. as the top level when all top headings are Arabic', () => {
    expect(tops(SIX.map((t, i) => `${i + 1}.${t}\n（1）工作情况。`).join('\n'))).toEqual(expectedTops);
  });

  it('reads a known title without a number as its section, unless a numbered heading has it', () => {
    expect(tops(SIX.map((t, i) => (i === 3 ? `${t}\n本年度无复议。` : `${NUM[i]}、${t}\n正文。`)).join('\n'))).toEqual(expectedTops);
    expect(tops(`一、总体情况\n二、主动公开政府信息情况\n主动公开政府信息情况\n`)).toEqual(['一|总体情况', '二|主动公开政府信息情况']);
  });

  it('does not read 一 是 or 一.5 万 as headings, nor an unknown title after a weak separator', () => {
    expect(headingAtLineStart('一.5万元', { line: 1 })).toBeNull();
    expect(tops('一 是加强领导，完善制度。\n二 是规范办理。')).toEqual([]);
  });
});

describe('titles by similarity', () => {
  it('matches the official titles and their real variants', () => {
    const cases: [string, number][] = [
      ['概况', 0], ['总体工作情况', 0], ['政府信息公开工作总体情况', 0], ['基本情况', 0],
      ['收到和处理政府信息公开申请的情况', 2], ['依申请公开政府信息情况', 2],
      ['复议、诉讼情况', 3], ['政府信息公开行政复议和行政诉讼情况', 3], ['政府信息公开行政法复议、行政诉讼情况', 3],
      ['因政府信息公开工作被申请行政复议、提起行政诉讼情况', 3],
      ['存在的不足及改进措施', 4], ['存在的主要问题及整改情况', 4],
      ['其他需报告的事项', 5], ['其他事项', 5], ['其他需要说明的事项', 5],
    ];
    for (const [title, index] of cases) expect(matchSectionTitle(title)?.index, title).toBe(index);
  });

  it('does not match table row labels or other headings', () => {
    for (const t of ['结转下年度继续办理', '本年度办理结果', '其他处理', '行政复议数量', '政府信息管理', '回应解读情况', '监督保障']) expect(matchSectionTitle(t), t).toBeNull();
  });
});

describe('inline headings (web text without line breaks)', () => {
  it('finds headings separated by full-width spaces or by nothing', () => {
    const line = fold('根据条例发布本报告。　　一、总体情况　　2024年，我局认真贯彻。二、主动公开政府信息情况（一）规章。三、收到和处理政府信息公开申请情况　　本年度未收到申请。');
    expect(inlineHeadings(line, 1).map((h) => `${h.number}|${h.title}`)).toEqual(['一|总体情况', '二|主动公开政府信息情况', '三|收到和处理政府信息公开申请情况']);
  });

  it('does not read numberings inside sentences as headings', () => {
    const line = fold('依据第二十条第（一）项，一、二季度召开会议，第一、二、三次会议均按期召开，2024.1.5发布，共计1.5万条信息。');
    expect(inlineHeadings(line, 1)).toEqual([]);
  });

  it('reads the six sections of a report saved on one line (025) and the five of 026, whose 六 is missing', async () => {
    const r25 = parseFixture('fixtures/corpus/web/025-hebei-industry-it-2022.txt');
    expect(r25.outline.filter((s) => s.level === 1).map((s) => s.number)).toEqual(NUM);
    const r26 = parseFixture('fixtures/corpus/web/026-hebei-science-tech-2020.txt');
    expect(r26.outline.filter((s) => s.level === 1).map((s) => s.number)).toEqual(NUM.slice(0, 5));
    const { readFileSync } = await import('node:fs');
    const f26 = await checkText(readFileSync('fixtures/corpus/web/026-hebei-science-tech-2020.txt', 'utf8'), 'required-sections');
    expect(f26.filter((f) => f.ruleId === 'required-sections').map((f) => `${f.severity}:${f.location.section}`)).toEqual(['error:六、其他需要报告的事项']);
    const f25 = await checkText(readFileSync('fixtures/corpus/web/025-hebei-industry-it-2022.txt', 'utf8'), 'required-sections');
    expect(f25.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('no structure, and whether a text is a report', () => {
  it('says once that no structure was found and reports no section missing', async () => {
    const text = '某某局2024年政府信息公开工作年度报告\n本年度我局认真贯彻《中华人民共和国政府信息公开条例》，主动公开政府信息120条，收到依申请公开3件，均按期答复，未发生行政复议、行政诉讼。';
    const report = parseText(text);
    expect(report.problems.filter((p) => p.id === 'parse/no-structure')).toHaveLength(1);
    const findings = await checkText(text);
    expect(findings.filter((f) => f.ruleId === 'required-sections')).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'parse/no-structure').map((f) => f.severity)).toEqual(['info']);
  });

  it('cannot check the parts when fewer than two headings name a part (the outline read is not the format\'s)', async () => {
    const text = '某县人民政府2024年政府信息公开工作年度报告\n一、加强组织领导。本年度我县主动公开政府信息120条。\n二、完善制度建设。收到申请3件，均已答复。\n三、强化监督检查。未发生行政复议、行政诉讼。\n';
    const findings = (await checkText(text)).filter((f) => f.ruleId === 'required-sections');
    expect(findings.map((f) => f.severity)).toEqual(['info']);
  });

  it('decides from the body: a cut or missing title is still a report, a shopping list or minutes are not', () => {
    expect(looksLikeReport(parseFixture('fixtures/corpus/web/026-hebei-science-tech-2020.txt'))).toBe(true);
    const body = readBody('fixtures/corpus/text/013-pingtan-2024.txt');
    expect(looksLikeReport(parseText(body))).toBe(true);
    expect(looksLikeReport(parseText('买菜\n牛奶两盒\n鸡蛋一斤\n'))).toBe(false);
    expect(looksLikeReport(parseText('会议纪要\n一、参会人员\n张三、李四\n二、议题\n年终总结\n'))).toBe(false);
  });
});

describe('numerals', () => {
  it('reads and writes numbering numerals', () => {
    expect([1, 4, 10, 11, 20, 23].map((n) => numeralValue(numeralOf(n)))).toEqual([1, 4, 10, 11, 20, 23]);
    expect(numeralOf(11)).toBe('十一');
  });
});

/** A fixture without its title lines (everything before the first heading 一、). */
function readBody(path: string): string {
  const text = parseFixture(path).lines.map((l) => l.text).join('\n');
  return text.slice(text.indexOf('一、'));
}
