/** Unit tests of the web table readers: one cell per line, glued digits, 表二 and 统计表 headers. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/text.js';
import { ANY_SPLIT, readGluedDigits, T3_ROW_RELATION } from '../../src/parse/glued-digits.js';
import { segmentGlued } from '../../src/parse/glued-rows.js';
import { readRows } from '../../src/parse/rows.js';
import { checkText, parseText, ROOT } from '../helpers/examples.js';

const rows = (text: string): [string, string[]][] => readRows(toSourceLines(text)).map((r) => [r.kind, r.cells.map((c) => c.text)]);

describe('glued digits', () => {
  it('reads the only split, and says when there is none or several', () => {
    expect(readGluedDigits('000', 3)).toEqual({ kind: 'unique', values: [0, 0, 0], splits: 1 });
    expect(readGluedDigits('3101005', 7, T3_ROW_RELATION)).toMatchObject({ kind: 'unique', values: [3, 1, 0, 1, 0, 0, 5] });
    // 81010010: 8+1+0+1+0+0 = 10 is the only split that adds up.
    expect(readGluedDigits('81010010', 7, T3_ROW_RELATION)).toMatchObject({ kind: 'unique', values: [8, 1, 0, 1, 0, 0, 10] });
    expect(readGluedDigits('121010014', 7, T3_ROW_RELATION)).toMatchObject({ kind: 'ambiguous', accepted: 3 });
    expect(readGluedDigits('1000002', 7, T3_ROW_RELATION)).toEqual({ kind: 'none', splits: 1 });
    expect(readGluedDigits('5426', 3, ANY_SPLIT)).toMatchObject({ kind: 'ambiguous', accepted: 3 });
    expect(readGluedDigits('00', 3)).toEqual({ kind: 'impossible' });
    expect(readGluedDigits('12a', 2)).toEqual({ kind: 'impossible' });
    expect(readGluedDigits('9'.repeat(40), 7)).toEqual({ kind: 'too-many' });
  });

  it('never starts a number of two or more digits with 0', () => {
    // 1|005 and 10|05 are no splits: only 100|5 is.
    expect(readGluedDigits('1005', 2)).toMatchObject({ kind: 'unique', values: [100, 5] });
  });

  it('cuts a glued paragraph into rows, telling list numbers from values', () => {
    const text = '（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000001（四）无法提供1.本机关不掌握相关政府信息80000082.没有现成信息需要另行制作0000000';
    expect(segmentGlued(text)?.map((s) => [s.label, s.digits])).toEqual([
      ['（三）不予公开1.属于国家秘密', '0000000'],
      ['2.其他法律行政法规禁止公开', '0000001'],
      ['（四）无法提供1.本机关不掌握相关政府信息', '8000008'],
      ['2.没有现成信息需要另行制作', '0000000'],
    ]);
    const cut = segmentGlued('1.属于国家秘密00000002.其他0000000')!;
    expect(cut.map((s) => [s.label, s.digits])).toEqual([['1.属于国家秘密', '0000000'], ['2.其他', '0000000']]);
    // A run that does not end in the number the list expects next is not cut (nothing guessed).
    expect(segmentGlued('1.属于国家秘密00000005.其他0000000')).toBeNull();
  });
});

describe('web-extracted tables', () => {
  it('reads cells two blank lines apart and rows four apart, joining a label broken over lines', () => {
    const text = ['第二十条第（一）项', '', '', '', '', '信息内容', '', '', '本年制发件数', '', '', '本年废止件数', '', '', '现行有效件数', '', '', '', '', '规章', '', '', '0', '', '', '0', '', '', '0', '', '', '', '', '商业', '企业', '', '', '行政规范性文件', '', '', '3', '', '', '5', '', '', '156'].join('\n');
    expect(rows(text)).toEqual([
      ['web', ['第二十条第(一)项']],
      ['web', ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']],
      ['web', ['规章', '0', '0', '0']],
      ['web', ['商业企业', '行政规范性文件', '3', '5', '156']],
    ]);
  });

  it('reads a row per block (cells on consecutive lines, rows two blank lines apart)', () => {
    const text = ['统计指标', '单位', '统计数', '', '', '（一）收到申请数', '件', '1', '', '', '1.当面申请数', '件', '0', '', '', '2.传真申请数', '件', '0', '', '', '3.网络申请数', '件', '1'].join('\n');
    expect(rows(text)).toEqual([
      ['web', ['统计指标', '单位', '统计数']],
      ['web', ['(一)收到申请数', '件', '1']],
      ['web', ['1.当面申请数', '件', '0']],
      ['web', ['2.传真申请数', '件', '0']],
      ['web', ['3.网络申请数', '件', '1']],
    ]);
  });

  it('leaves prose, and lines of values without blank lines between rows, to the other layouts', () => {
    expect(rows('一、总体情况\n\n2024年，本机关主动公开政府信息1200条。\n\n二、主动公开政府信息情况').map((r) => r[0])).toEqual(['text', 'text', 'text']);
    expect(rows('行政许可\n97\n行政处罚\n12\n行政强制\n0\n行政收费\n5').map((r) => r[0])).toEqual(Array(8).fill('text'));
  });

  it('reads a 2008 统计表 published as a page of its own, one cell per line', () => {
    const cells = [
      '政府信息公开情况统计表（2018年度）', '统计指标', '单位', '统计数', '一、主动公开情况',
      '（一）主动公开政府信息数', '条', '120', '三、依申请公开情况', '（一）收到申请数', '件', '3', '1.当面申请数', '件', '1',
      '2.传真申请数', '件', '0', '3.网络申请数', '件', '2', '4.信函申请数', '件', '0', '（二）申请办结数', '件', '3',
      '1.按时办结数', '件', '3', '2.延期办结数', '件', '0',
    ];
    const report = parseText(cells.join('\n\n'));
    const stat = report.tables.stat!;
    expect(stat.cells['stat.a1.v']?.value).toBe(3);
    expect(stat.cells['stat.a1.3.v']?.value).toBe(2);
    expect(stat.cells['stat.a2.1.v']?.value).toBe(3);
    expect(report.meta.edition).toBe('2008');
  });

  it('sums a list of parts only when the table marks it complete: a missing channel makes the sum cannot-check, never an error', async () => {
    const table = (rows: string[]): string => ['2016年政府信息公开工作年度报告', '政府信息公开情况统计表', '统计指标\t单位\t统计数', ...rows].join('\n');
    const complete = table(['（一）收到申请数\t件\t5', '1.当面申请数\t件\t1', '2.传真申请数\t件\t0', '3.网络申请数\t件\t2', '4.信函申请数\t件\t1']);
    // The four channels of the national form are its whole list: 1 + 0 + 2 + 1 = 4 ≠ 5 is an error.
    expect((await checkText(complete, 'stat-sum-rows')).filter((f) => f.ruleId === 'stat-sum-rows').map((f) => f.severity)).toEqual(['error']);
    // Without 4.信函申请数 the list is neither the form's nor closed by 其他: cannot check.
    const partial = table(['（一）收到申请数\t件\t5', '1.当面申请数\t件\t1', '2.传真申请数\t件\t0', '3.网络申请数\t件\t2']);
    expect(parseText(partial).tables.stat?.unreadable.map((u) => u.row)).toEqual(['a1.unlisted']);
    expect((await checkText(partial, 'stat-sum-rows')).filter((f) => f.ruleId === 'stat-sum-rows').map((f) => f.severity)).toEqual(['info']);
    // A 5.其他形式 row closes the list: it is summed again.
    const closed = table(['（一）收到申请数\t件\t5', '1.当面申请数\t件\t1', '2.传真申请数\t件\t0', '3.网络申请数\t件\t2', '5.其他形式\t件\t1']);
    expect((await checkText(closed, 'stat-sum-rows')).filter((f) => f.ruleId === 'stat-sum-rows').map((f) => f.severity)).toEqual(['error']);
  });
});

describe('run-together 表四 and TAB-separated glued rows', () => {
  /** Two ideographic spaces: what separates the page's cells after a crawler joined them. */
  const GAP = '\u3000\u3000';
  const t4Text = (header: string, digits: string): string =>
    ['2022年政府信息公开工作年度报告', `四、因政府信息公开工作被申请行政复议、提起行政诉讼情况行政复议${GAP}${header}${digits}`, '五、存在的主要问题及改进情况'].join('\n');
  const LEAF = '结果维持结果纠正其他结果尚未审结总计';
  const GLUED_HEADER = `行政诉讼${LEAF}${GAP}未经复议直接起诉${GAP}复议后起诉${LEAF}${LEAF}`;
  const t4Values = (report: ReturnType<typeof parseText>): (number | null)[] =>
    ['rev', 'lit_direct', 'lit_after'].flatMap((g) => ['keep', 'fix', 'other', 'pending', 'total'].map((c) => report.tables.t4?.cells[`t4.${g}.${c}`]?.value ?? null));

  it('reads the one split of a run-together 表四 that keeps every group total, and says so', () => {
    const report = parseText(t4Text(GLUED_HEADER, '100010000010001'));
    expect(t4Values(report)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(report.tables.t4?.notes).toEqual(['glued-split:rev:100010000010001:2']);
    // 12 + 3 = 15 in 行政复议: two-digit cells are split by the totals too.
    expect(t4Values(parseText(t4Text(GLUED_HEADER, '12300150000020002')))).toEqual([12, 3, 0, 0, 15, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2]);
  });

  it('columns in the order the run-together header names them', () => {
    const swapped = `行政诉讼总计结果维持结果纠正其他结果尚未审结${GAP}未经复议直接起诉${GAP}复议后起诉${LEAF}${LEAF}`;
    expect(t4Values(parseText(t4Text(swapped, '210010000010001')))).toEqual([1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('no split keeping the group totals is a certain error; several splits leave 表四 unread', async () => {
    const none = t4Text(GLUED_HEADER, '100020000010001');
    expect(parseText(none).tables.t4?.notes).toEqual(['glued-no-split:rev:100020000010001:2']);
    expect((await checkText(none, 'glued-digits-no-split')).filter((f) => f.ruleId === 'glued-digits-no-split').map((f) => f.severity)).toEqual(['error']);
    // 行政复议 11|0|0|0|11 or 1|10|0|0|11: the digits fit more than one way.
    const several = parseText(t4Text(GLUED_HEADER, '11000110000000000'));
    expect(Object.keys(several.tables.t4?.cells ?? {})).toEqual([]);
    expect(several.tables.t4?.unreadable.map((u) => u.reason)).toEqual(['t4-glued-ambiguous']);
  });

  it('a label and its run-together digits in two TAB cells are split like a glued row', () => {
    const text = readFileSync(resolve(ROOT, 'fixtures/corpus/text/013-pingtan-2024.txt'), 'utf8');
    const glued = parseText(text.replace('（七）总计\t217\t1\t0\t0\t0\t0\t218', '（七）总计\t21710000218'));
    const t3 = glued.tables.t3!;
    expect(['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'].map((c) => t3.cells[`t3.r.total.${c}`]?.value)).toEqual([217, 1, 0, 0, 0, 0, 218]);
    expect(t3.notes.some((n) => n.startsWith('glued-split:r.total:'))).toBe(true);
    const wrong = parseText(text.replace('（七）总计\t217\t1\t0\t0\t0\t0\t218', '（七）总计\t21710000219'));
    expect(wrong.tables.t3!.notes.some((n) => n.startsWith('glued-no-split:r.total:'))).toBe(true);
  });
});

describe('columns by header and tables without readable values', () => {
  const t2019 = (header: string[], reg: string[], norm: string[]): string =>
    ['2019年政府信息公开工作年度报告', '二、主动公开政府信息情况', '第二十条第（一）项', ['信息内容', ...header].join('\t'), ['规章', ...reg].join('\t'), ['规范性文件', ...norm].join('\t'), '三、收到和处理政府信息公开申请情况'].join('\n');

  it('reads the 2019 表二 columns in another order by their header', () => {
    const format = parseText(t2019(['本年新制作数量', '本年新公开数量', '对外公开总数量'], ['1', '1', '9'], ['5', '4', '30'])).tables.t2!;
    const other = parseText(t2019(['对外公开总数量', '本年新公开数量', '本年新制作数量'], ['9', '1', '1'], ['30', '4', '5'])).tables.t2!;
    const values = (t: typeof format): Record<string, number | null> => Object.fromEntries(Object.values(t.cells).map((c) => [c.id, c.value]));
    expect(format.variant).toBe(other.variant);
    expect(values(other)).toEqual(values(format));
    expect(values(other)['t2.a1.norm.pub_total']).toBe(30);
    expect(values(other)['t2.a1.norm.new_made']).toBe(5);
  });

  it('a 表三 or 表四 that is found but holds no readable value is reported, never passed silently', async () => {
    const text = ['2024年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况', '一、本年新收政府信息公开申请数量',
      '四、政府信息公开行政复议、行政诉讼情况', '行政复议\t行政诉讼', '结果维持\t结果纠正\t其他结果\t尚未审结\t总计', '五、存在的主要问题及改进情况'].join('\n');
    const report = parseText(text);
    expect(report.tables.t4?.unreadable.map((u) => u.reason)).toEqual(['t4-no-values']);
    const findings = await checkText(text);
    const about = (table: string): string[] => findings.filter((f) => f.location.table === table).map((f) => `${f.severity}:${f.ruleId}`).sort();
    expect(about('t3')).toEqual(['info:table3-rows-complete', 'info:unreadable-table-rows']);
    expect(about('t4')).toEqual(['info:unreadable-table-rows']);
  });
});

describe('a 统计表 其中 list of some channels', () => {
  it('网站 + 公报 above 主动公开 is no error: a channel may carry an item the other carries too; one channel above the total is', async () => {
    const text = readFileSync(resolve(ROOT, 'fixtures/corpus/text/018-pingtan-zone-2012.txt'), 'utf8');
    // Each channel within the total, the two together above it (an item on both the site and in the 公报).
    const both = text.replace('2、政府公报公开\t条\t0\t0', '2、政府公报公开\t条\t12\t40');
    expect(both).not.toBe(text);
    expect((await checkText(both)).filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual([]);
    const over = text.replace('2、政府公报公开\t条\t0\t0', '2、政府公报公开\t条\t740\t4359');
    expect((await checkText(over)).filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual(['stat-fujian-channels-within-total']);
  });
});
