/**
 * Placeholders by context: template slots are errors (placeholder-text, empty-period), forms that
 * only may be slots are warnings (placeholder-suspect), and what real reports write is neither.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText } from '../helpers/examples.js';

const BASE = readFileSync('fixtures/corpus/text/013-pingtan-2024.txt', 'utf8');
const ANCHOR = '2024年，无收取信息处理费情况。';
const RULES = ['placeholder-text', 'placeholder-suspect', 'empty-period'];

/** The placeholder findings of 013 with one line added to section 六, as `severity rule`. */
async function found(line: string): Promise<string[]> {
  const all = await checkText(BASE.replace(ANCHOR, `${ANCHOR}\n${line}`));
  return all.filter((f) => RULES.includes(f.ruleId)).map((f) => `${f.severity} ${f.ruleId}`);
}

describe('placeholders by context', () => {
  const errors: [string, string][] = [
    ['统计期限自至', 'empty-period'],
    ['本报告统计期限为年月日至年月日。', 'empty-period'],
    ['本报告统计期限为2024年1月1日至年月日。', 'empty-period'],
    ['本报告统计期限为。', 'empty-period'],
    ['    年  月  日', 'placeholder-text'],
    ['本报告于2026年X月X日发布。', 'placeholder-text'],
    ['本报告于1月X日发布。', 'placeholder-text'],
    ['[单位名称]', 'placeholder-text'],
    ['【单位名称】政府信息公开工作年度报告', 'placeholder-text'],
    ['由XX单位负责。', 'placeholder-text'],
    ['全年受理申请○○件。', 'placeholder-text'],
    ['全年受理申请**件。', 'placeholder-text'],
    ['全年受理申请XX件。', 'placeholder-text'],
    ['于XXXX年XX月XX日印发。', 'placeholder-text'],
  ];
  for (const [line, rule] of errors) {
    it(`${line.trim()} is an error of ${rule}`, async () => {
      // One finding per slot: 于XXXX年XX月XX日 has two.
      expect(new Set(await found(line))).toEqual(new Set([`error ${rule}`]));
    });
  }

  const clean: string[] = [
    '申请人王某某申请公开拆迁补偿信息，已依法答复。',
    '李××申请公开会议纪要，张某申请公开项目审批信息，均已答复。',
    '申请人王某某年初提出的申请已办结。',
    '本报告统计期限，自2024年1月1日起至2024年12月31日止。',
    '本报告数据统计期限为 2024 年 1 月 1 日至 2024 年 12 月 31 日。',
    '**四、存在的主要问题及改进情况**',
    '共**12**件，办结**12件**。',
    '展板规格为2×3米。',
    '**条例**宣传月期间发放资料。',
    '二〇二五年一月二十日',
  ];
  for (const line of clean) {
    it(`${line} is no placeholder`, async () => {
      expect(await found(line)).toEqual([]);
    });
  }

  it('takes XX before a place in a case description for an anonymised address: a warning, not an error', async () => {
    expect(await found('申请人李某某申请公开XX街道XX村征地补偿信息，已依法答复。')).toEqual(['warning placeholder-suspect', 'warning placeholder-suspect']);
  });

  it('warns where a slot is likely but not certain', async () => {
    expect(await found('经XX核实，该信息已于年月日公开。')).toEqual(['warning placeholder-suspect', 'warning placeholder-suspect']);
  });
});
