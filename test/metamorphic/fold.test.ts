/**
 * One defect, one finding (issue 19), metamorphically: a defect written into a clean real report
 * gives exactly one new finding once related findings are folded (src/findings/fold.ts), by the
 * rule that names it, whatever the table layout (TAB, pipes, PDF columns).
 */
import { describe, expect, it } from 'vitest';
import { Checker } from '../../src/engine/run.js';
import { declaredSeverities, foldFindings } from '../../src/findings/fold.js';
import type { Finding } from '../../src/model/finding.js';
import { builtinPacks } from '../helpers/examples.js';
import { CLEAN_FIXTURES, checkReport, mapLines, original, type Rewrite } from './harness.js';

interface FoldedDefect {
  name: string;
  apply: Rewrite;
  expect: { ruleId: string; severity: Finding['severity'] };
  minApplicable: number;
}

const declared = declaredSeverities(new Checker(builtinPacks()).rules);
const key = (f: Finding): string => `${f.ruleId}|${f.fingerprint ?? ''}`;

/** Registers one test per defect: after folding, exactly one finding is new, of the named rule and severity. */
function foldedDefectSuite(defects: readonly FoldedDefect[]): void {
  for (const d of defects) {
    it(`one finding: ${d.name} → ${d.expect.severity} ${d.expect.ruleId}`, async () => {
      let applied = 0;
      const problems: string[] = [];
      for (const file of CLEAN_FIXTURES) {
        const base = await original(file);
        const text = d.apply(base.text, base.report);
        if (text === null) continue;
        applied++;
        const now = await checkReport(text);
        const before = new Set(foldFindings(base.findings, base.report, declared).map(key));
        const fresh = foldFindings(now.findings, now.report, declared).filter((f) => !before.has(key(f)));
        const name = file.split('/').pop();
        if (fresh.length !== 1 || fresh[0]!.ruleId !== d.expect.ruleId || fresh[0]!.severity !== d.expect.severity) {
          problems.push(`${name}: ${fresh.map((f) => `${f.severity} ${f.ruleId} @${f.location.line}`).join(', ') || 'nothing new'}`);
        }
      }
      expect(problems).toEqual([]);
      expect(applied).toBeGreaterThanOrEqual(d.minApplicable);
    });
  }
}

/** The 表三 （七）总计 row's last number (its 总计 column) replaced, in TAB or pipe tables. */
const resultsTotalCell = (by: (n: string) => string | null): Rewrite => (text, report) =>
  // A report whose 表三 has blank cells already has its blank-cells finding: one more blank joins it.
  Object.values(report.tables).some((t) => t.id === 't3' && Object.values(t.cells).some((c) => c.state === 'blank')) ? null : mapLines(text, (line) => {
    const m = /^(\|?\s*（七）总计\s*(?:\||\t))(.*?)([\t|]\s*)(\d+)(\s*\|?\s*)$/.exec(line);
    if (!m || m[4] === '0') return null;
    const cell = by(m[4]!);
    return cell === null ? null : `${m[1]}${m[2]}${m[3]}${cell}${m[5]}`;
  });

const PARTS = /^(\s*)([二三四五六])、(?=主动公开|收到和处理|政府信息公开行政复议|存在的主要问题|其他需要报告)/;
const NEXT: Record<string, string> = { 二: '三', 三: '四', 四: '五', 五: '六', 六: '七' };

describe('one defect gives one finding (folded)', () => {
  foldedDefectSuite([
    { name: '表三 （七）总计 filled with 0', apply: resultsTotalCell(() => '0'), expect: { ruleId: 'table3-results-total', severity: 'error' }, minApplicable: 3 },
    { name: '表三 （七）总计 left blank', apply: resultsTotalCell(() => ''), expect: { ruleId: 'blank-cells', severity: 'info' }, minApplicable: 3 },
    {
      name: 'parts 二 to 六 numbered one too high (a part inserted before them)',
      apply: (text, report) => (report.meta.edition === '2021' ? mapLines(text, (line) => (PARTS.test(line) ? line.replace(PARTS, (_m, sp: string, n: string) => `${sp}${NEXT[n]}、`) : null)) : null),
      expect: { ruleId: 'required-sections', severity: 'warning' },
      minApplicable: 3,
    },
  ]);
});
