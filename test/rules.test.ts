/**
 * Every rule of the built-in packs: ids unique, each invalid example yields exactly the findings it
 * pins (count, severity, line, cell; as ESLint's RuleTester), each valid example yields none, and
 * messages have no unfilled placeholders.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCrossExample } from '../src/batch/example-run.js';
import { exampleFailures } from '../src/engine/examples.js';
import { isCrossRule, type Example, type Rule } from '../src/engine/schema.js';
import { builtinPacks, checkText, exampleText } from './helpers/examples.js';

/** Findings of the rule on its example: one report, or a batch for cross-report rules. */
async function findingsOf(rule: Rule, example: Example) {
  if (isCrossRule(rule)) return runCrossExample(builtinPacks(), rule, example, (f) => readFileSync(f, 'utf8'));
  return (await checkText(exampleText(example), rule.id)).filter((f) => f.ruleId === rule.id);
}

const rules = builtinPacks().flatMap((p) => p.rules);

describe('built-in rule packs', () => {
  it('has unique rule ids', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(30);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      rule.examples.invalid.forEach((example, i) => {
        it(`finds the defect in invalid example ${i + 1} (${example.fixture})`, async () => {
          const findings = await findingsOf(rule, example);
          expect(findings.length).toBeGreaterThan(0);
          expect(findings.some((f) => f.severity !== 'info' || rule.severity === 'info')).toBe(true);
          expect(example.findings, 'an invalid example pins its findings (`findings:`)').toBeDefined();
          expect(exampleFailures('invalid', example, findings)).toEqual([]);
          for (const f of findings) {
            expect(f.message).not.toMatch(/\{\{/);
            expect(f.location.line).toBeGreaterThanOrEqual(1);
          }
        });
      });
      rule.examples.valid.forEach((example, i) => {
        it(`passes valid example ${i + 1} (${example.fixture})`, async () => {
          const findings = await findingsOf(rule, example);
          expect(findings).toEqual([]);
        });
      });
    });
  }
});
