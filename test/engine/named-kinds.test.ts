/**
 * The named check kinds that replaced `metadata`, `layout` and `narrative` (issue #17): each is
 * evaluated on its own, on a report that has the problem and one that has not, and each says
 * which message it uses and gives every value its messages name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_REGISTRY } from '../../src/engine/checks/registry.js';
import type { Outcome } from '../../src/engine/outcome.js';
import type { Check, Rule } from '../../src/engine/schema.js';
import { placeholders } from '../../src/engine/validate-messages.js';
import { builtinPacks, parseText } from '../helpers/examples.js';

const fixture = (path: string): string => readFileSync(path, 'utf8');
const P2024 = 'fixtures/corpus/text/013-pingtan-2024.txt';
/** 013 with one sentence added to its section 六. */
const with2024Sentence = (sentence: string): string => fixture(P2024).replace('2024年，无收取信息处理费情况。', `2024年，无收取信息处理费情况。${sentence}`);

const rules = (): Rule[] => builtinPacks().flatMap((p) => p.rules);

/** Evaluates a check on report text, as the runner would (the rule is only context). */
function run(check: Check, text: string): Outcome[] {
  const kind = CHECK_REGISTRY[check.kind];
  const rule = rules()[0]!;
  return kind.evaluate!({ report: parseText(text), rule }, check as never);
}

/** Every outcome names a message its kind declares, and gives every value that message's declaration lists. */
function expectDeclared(check: Check, outcomes: Outcome[]): void {
  const declared = CHECK_REGISTRY[check.kind].messages(check as never);
  for (const o of outcomes) {
    const id = o.messageId ?? 'default';
    expect(Object.keys(declared), check.kind).toContain(id);
    for (const name of declared[id]!) expect(o.vars, `${check.kind} ${id} ${name}`).toHaveProperty(name);
    expect(o.message, 'no sentence built in TypeScript').toBeUndefined();
  }
}

function fires(check: Check, text: string): Outcome[] {
  const found = run(check, text);
  expect(found.length, check.kind).toBeGreaterThan(0);
  expectDeclared(check, found);
  return found;
}

describe('metadata kinds', () => {
  it('title-present: no title in the first lines', () => {
    const check: Check = { kind: 'title-present' };
    expect(fires(check, fixture('fixtures/seeds/001-linzi-2017.txt'))[0]!.location).toMatchObject({ line: 1, scope: 'document' });
    expect(run(check, fixture('fixtures/seeds/000-jiangyou-2017.txt'))).toEqual([]);
  });

  it('date-present: no date, or an impossible one at the end (its own message)', () => {
    const check: Check = { kind: 'date-present' };
    const text = fixture('fixtures/seeds/003-ankang-2018.txt');
    expect(fires(check, text)[0]!.messageId).toBeUndefined();
    const impossible = fires(check, `${text.trimEnd()}\n2019年2月30日\n`);
    expect(impossible[0]).toMatchObject({ messageId: 'invalid-date', actual: '2019年2月30日' });
    expect(run(check, fixture('fixtures/seeds/000-jiangyou-2017.txt'))).toEqual([]);
  });

  it('agency-consistent: expected is the title\'s name, actual the signature\'s', () => {
    const check: Check = { kind: 'agency-consistent' };
    const [o] = fires(check, fixture('fixtures/seeds/000-jiangyou-2017.txt'));
    expect(o!.expected).toBe(o!.vars.title);
    expect(o!.actual).toBe(o!.vars.signature);
    expect(run(check, fixture('fixtures/corpus/text/023-shuyang-county-fgj-2023.txt'))).toEqual([]);
  });

  it('dates-consistent: the date under the title against the signature date', () => {
    const check: Check = { kind: 'dates-consistent' };
    const [o] = fires(check, fixture('fixtures/seeds/002-kejiju-2016.txt'));
    expect(String(o!.expected)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(o!.expected).not.toBe(o!.actual);
    expect(run(check, fixture('fixtures/corpus/text/004-shuyang-county-2025.txt'))).toEqual([]);
  });

  it('year-consistent: located at the title, actual is the title\'s year', () => {
    const check: Check = { kind: 'year-consistent' };
    const base = fixture('fixtures/corpus/text/023-shuyang-county-fgj-2023.txt');
    const [o] = fires(check, base.replace('统计时限为2023年1月1日', '统计时限为2022年1月1日'));
    expect(o).toMatchObject({ expected: 2022, actual: 2023, location: { line: 1 } });
    expect(o!.messageId).toBeUndefined(); // the year comes from the 统计期限
    expect(run(check, base)).toEqual([]);
  });

  it('edition-mixed and edition-matches-year: table 2 labels of the other format', () => {
    const base = fixture(P2024);
    const mixed = fires({ kind: 'edition-mixed' }, base.replace('本年制发件数', '本年新制作数量'));
    expect(mixed[0]!.vars).toMatchObject({ label2019: expect.any(String), label2021: expect.any(String) });
    const old = base.replaceAll('本年制发件数', '本年新制作数量').replaceAll('本年废止件数', '本年新公开数量').replaceAll('现行有效件数', '对外公开总数量').replaceAll('本年处理决定数量', '处理决定数量');
    expect(fires({ kind: 'edition-matches-year' }, old)[0]).toMatchObject({ expected: '2021', actual: '2019' });
    expect(run({ kind: 'edition-mixed' }, base)).toEqual([]);
    expect(run({ kind: 'edition-matches-year' }, base)).toEqual([]);
  });
});

describe('layout kinds', () => {
  it('label-drift: expected is the format\'s label, actual the printed one; `table` narrows it', () => {
    const text = fixture('fixtures/corpus/text/023-shuyang-county-fgj-2023.txt');
    const [o] = fires({ kind: 'label-drift' }, text);
    expect(o!.expected).toBe(o!.vars.expected);
    expect(o!.actual).toBe(o!.vars.printed);
    expect(run({ kind: 'label-drift', table: 't4' }, text)).toEqual([]);
    expect(run({ kind: 'label-drift' }, fixture(P2024))).toEqual([]);
  });

  it('unreadable-rows: one finding per row that could not be read', () => {
    const found = fires({ kind: 'unreadable-rows' }, fixture('fixtures/corpus/text/010-pingtan-2021.txt'));
    expect(found[0]!.location.table).toBe('t2');
    expect(run({ kind: 'unreadable-rows' }, fixture(P2024))).toEqual([]);
  });

  it('table-note: a note the parser made on a whole table', () => {
    const check: Check = { kind: 'table-note', table: 't3', note: 'other-single-row' };
    expect(fires(check, fixture('fixtures/corpus/text/002-hongze-district-2023.txt'))[0]!.location.table).toBe('t3');
    expect(run(check, fixture(P2024))).toEqual([]);
  });

  it('row-note: a note the parser made on one row, with the row and its raw text', () => {
    const check: Check = { kind: 'row-note', note: 'glued-split' };
    const glued = fixture(P2024).replace('（七）总计\t217\t1\t0\t0\t0\t0\t218', '（七）总计21710000218');
    expect(fires(check, glued)[0]!.vars.raw).toBe('21710000218');
    expect(run({ kind: 'row-note', note: 'glued-no-split' }, glued)).toEqual([]);
    expect(run(check, fixture(P2024))).toEqual([]);
  });
});

describe('narrative kinds', () => {
  it('narrative-parts-sum: the parts added, and the breakdown left out', () => {
    const check: Check = { kind: 'narrative-parts-sum' };
    const [o] = fires(check, with2024Sentence('全年发布各类政务信息2900条，其中政务动态2000条（县直单位1500条，各乡镇500条），通知公告1000条。'));
    expect(o).toMatchObject({ messageId: 'with-breakdown', expected: 3000, actual: 2900 });
    expect(run(check, with2024Sentence('全年发布各类政务信息3000条，其中政务动态2000条，通知公告1000条。'))).toEqual([]);
  });

  it('narrative-parts-sum: a list of categories over its total', () => {
    const [o] = fires({ kind: 'narrative-parts-sum' }, with2024Sentence('在主动公开的100条政府信息中，政策文件50条，工作动态40条，通知公告30条。'));
    expect(o).toMatchObject({ messageId: 'categories-over', expected: 120, actual: 100 });
  });

  it('narrative-percent: a percentage its base does not give', () => {
    const check: Check = { kind: 'narrative-percent' };
    const [o] = fires(check, with2024Sentence('全年公开信息200条，其中政策文件100条，占50%，工作动态60条，占30%，通知公告40条，占25%。'));
    expect(o).toMatchObject({ actual: 25, expected: 20 });
    expect(run(check, with2024Sentence('全年公开信息200条，其中政策文件100条，占50%，工作动态60条，占30%，通知公告40条，占20%。'))).toEqual([]);
  });

  it('narrative-missing-number: a measure word with no number', () => {
    const check: Check = { kind: 'narrative-missing-number' };
    expect(fires(check, with2024Sentence('全年公开核准企业资质条。'))[0]!.vars.measure).toBe('条');
    expect(run(check, with2024Sentence('全年公开核准企业资质3条。'))).toEqual([]);
  });

  it('narrative-enumeration: 一是 … 三是 without 二是', () => {
    const check: Check = { kind: 'narrative-enumeration' };
    const base = fixture('fixtures/seeds/002-kejiju-2016.txt');
    expect(fires(check, base.replace('二是积极组织工作人员', '三是积极组织工作人员'))[0]).toMatchObject({ expected: '二是', actual: '三是' });
    expect(run(check, base)).toEqual([]);
  });

  it('narrative-list-count: the count a list names against its items; actual is the stated count', () => {
    const check: Check = { kind: 'narrative-list-count' };
    const [o] = fires(check, with2024Sentence('主动公开的信息有七类：机构职能、政策文件、规划计划、行政许可、财政资金、人事信息。'));
    expect(o).toMatchObject({ expected: 6, actual: 7 });
    expect(run(check, with2024Sentence('主动公开的信息有六类：机构职能、政策文件、规划计划、行政许可、财政资金、人事信息。'))).toEqual([]);
  });

  it('narrative-plans-year: plans dated with the report year', () => {
    const check: Check = { kind: 'narrative-plans-year' };
    const base = fixture('fixtures/seeds/003-ankang-2018.txt');
    expect(fires(check, base.replace('2019年工作中,我们将认真研究', '2018年,我们将认真研究'))[0]).toMatchObject({ expected: 2019, actual: 2018 });
    expect(run(check, base)).toEqual([]);
  });

  it('narrative-figures: a figure against its cells, or one of its alternatives', () => {
    const check: Check = { kind: 'narrative-figures', figures: [{ name: '收到申请数', pattern: '受理[^，。；,\\d]{0,12}?申请[^，。；,\\d]{0,8}?(\\d+)\\s*件', cells: ['t3.new.total'], alternatives: [['t3.new.total', 't3.carried_in.total']], unit: '件' }] };
    expect(fires(check, with2024Sentence('全年共受理政府信息公开申请300件。'))[0]).toMatchObject({ expected: 218, actual: 300 });
    expect(run(check, with2024Sentence('全年共受理政府信息公开申请218件。'))).toEqual([]);
  });

  it('narrative-contradiction: a statement the table contradicts, once per statement', () => {
    const check: Check = { kind: 'narrative-contradiction', contradictions: [{ name: '本年新收申请大于 0', nameEn: 'new applications', pattern: '未收到[^。；，]{0,12}?申请', when: 't3.new.total > 0' }] };
    const found = fires(check, with2024Sentence('本年度未收到政府信息公开申请。'));
    expect(found).toHaveLength(1);
    expect(found[0]!.vars).toMatchObject({ value: 218, nameEn: 'new applications' });
    expect(run({ ...check, contradictions: [{ ...check.contradictions[0]!, when: 't3.new.total > 1000' }] }, with2024Sentence('本年度未收到政府信息公开申请。'))).toEqual([]);
  });
});

describe('built-in rules of the named kinds', () => {
  it('write every message their kind emits, using only values it provides', () => {
    for (const rule of rules()) {
      const declared = CHECK_REGISTRY[rule.check.kind].messages(rule.check as never);
      for (const [id, values] of Object.entries(declared)) {
        const template = id === 'default' ? rule.message : rule.messages?.[id];
        expect(template, `${rule.id} ${id}`).toBeDefined();
        for (const name of [...placeholders(template!.zh), ...placeholders(template!.en)]) expect(values, `${rule.id} ${id}`).toContain(name);
      }
    }
  });
});
