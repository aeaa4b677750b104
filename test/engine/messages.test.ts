/**
 * Wording of findings (issue #19): a table's name once before its cells, 表四's two 行政诉讼
 * groups told apart, no stray spaces around names, and a basis that cites the documents of the
 * report's own regime.
 */
import { describe, expect, it } from 'vitest';
import { cellLabel, cellList, distinctRowLabel } from '../../src/format/labels.js';
import { basisFor, Checker } from '../../src/engine/run.js';
import { cellListValue } from '../../src/engine/cell-list.js';
import { builtinPacks, checkText } from '../helpers/examples.js';
import { checkText as checkFile } from '../../src/check.js';
import { readFileSync } from 'node:fs';

describe('cell labels in messages', () => {
  it('names a table once before a list of its cells', () => {
    const list = cellList(['t3.new.biz', 't3.new.res', 't4.rev.total']);
    expect(list).toBe(`${cellLabel('t3.new.biz')}、「${distinctRowLabel('t3', 'new')}」「科研机构」、${cellLabel('t4.rev.total')}`);
    expect(list.match(/表三/g)).toHaveLength(1);
    // A list cut short is a phrase of the kind's shared message cells-more (等 N 格), not words in TypeScript.
    expect(cellListValue(['t3.new.biz', 't3.new.res', 't3.new.ngo'], '、', 2)).toEqual({ message: 'cells-more', vars: { cells: cellList(['t3.new.biz', 't3.new.res']), count: 3 } });
    expect(cellListValue(['t3.new.biz', 't3.new.res'], '、', 2)).toBe(cellList(['t3.new.biz', 't3.new.res']));
  });

  it('tells 表四 litigation groups apart', () => {
    expect(distinctRowLabel('t4', 'lit_direct')).toContain('未经复议直接起诉');
    expect(distinctRowLabel('t4', 'lit_after')).toContain('复议后起诉');
    expect(distinctRowLabel('t4', 'rev')).toBe('行政复议');
  });

  it('the 表四 group total message says which 行政诉讼 group', async () => {
    const text = readFileSync('fixtures/corpus/text/002-hongze-district-2023.txt', 'utf8');
    const found = (await checkText(text, 'table4-group-total')).filter((f) => f.ruleId === 'table4-group-total');
    const lit = found.filter((f) => f.message.includes('行政诉讼'));
    expect(lit.length).toBeGreaterThan(0);
    for (const f of lit) expect(f.message).toMatch(/行政诉讼（(?:未经复议直接起诉|复议后起诉)）/);
  });
});

describe('bases by regime', () => {
  const rules = builtinPacks().flatMap((p) => p.rules);
  it('a 2008-regime or 2019-format report never cites the 2021 notice when the rule has a basis for its edition', () => {
    for (const rule of rules) {
      for (const edition of ['2008', '2019'] as const) {
        if (!rule.bases?.[edition]) continue;
        expect(basisFor(rule, edition), `${rule.id} ${edition}`).not.toContain('〔2021〕30号');
      }
      if (rule.bases?.['2019']) expect(basisFor(rule, '2019')).toContain('〔2019〕60号');
    }
    expect(rules.filter((r) => r.bases?.['2008']).length).toBeGreaterThan(10);
  });

  it('no warning says in its basis that it is an info (故为提示)', () => {
    for (const rule of rules) if (rule.severity !== 'info') expect(`${rule.basis}${JSON.stringify(rule.bases ?? {})}`, rule.id).not.toMatch(/为提示/);
  });

  it('a 2008-regime report gets the 2008 basis in its findings', async () => {
    const text = readFileSync('fixtures/seeds/002-kejiju-2016.txt', 'utf8');
    const found = (await checkText(text, 'conversion-residue')).filter((f) => f.ruleId === 'conversion-residue');
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.basis).toContain('国务院令第492号');
  });
});

describe('a list of cells cut short', () => {
  it('says how many cells there are in the finding\'s language (the kinds\' shared message cells-more)', async () => {
    const text = readFileSync('fixtures/corpus/text/023-shuyang-county-fgj-2023.txt', 'utf8');
    const blank = async (locale: 'zh' | 'en') => (await checkFile(text, '023.txt', new Checker(builtinPacks(), { locale }))).findings.find((f) => f.ruleId === 'blank-cells' && f.location.table === 't3')!;
    expect((await blank('zh')).message).toMatch(/」等 125 格；/);
    const en = (await blank('en')).message;
    expect(en).toContain('and others (125 cells)');
    expect(en).not.toContain('等');
  });
});
