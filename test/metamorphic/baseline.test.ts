/** The population of the metamorphic suites: every clean fixture draws no error as it is. */
import { describe, expect, it } from 'vitest';
import { CLEAN_FIXTURES, original } from './harness.js';

describe('metamorphic population', () => {
  for (const file of CLEAN_FIXTURES) {
    it(`${file} draws no error as published`, async () => {
      const { findings, report } = await original(file);
      expect(findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual([]);
      expect(report.lines.length).toBeGreaterThan(20);
    });
  }
});
