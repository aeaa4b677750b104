/**
 * docs/writing-rules.md shows a narrative figure added with YAML only: the pack it shows loads,
 * and its examples give the findings they pin (and none where they say none).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleFailures } from '../../src/engine/examples.js';
import { loadPackText } from '../../src/engine/load.js';
import { Checker } from '../../src/engine/run.js';
import { exampleText, parseText } from '../helpers/examples.js';

const blocks = [...readFileSync('docs/writing-rules.md', 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
const yaml = blocks.find((b) => b.includes('kind: narrative-figures'));

describe('the narrative figure of docs/writing-rules.md', () => {
  it('loads, and its examples give what they pin', async () => {
    expect(yaml).toBeDefined();
    const { pack, errors } = loadPackText(yaml!, 'docs/writing-rules.md');
    expect(errors).toEqual([]);
    const checker = new Checker([pack!]);
    let findings = 0;
    for (const rule of pack!.rules) {
      for (const kind of ['invalid', 'valid'] as const) {
        for (const example of rule.examples[kind]) {
          const found = (await checker.check(parseText(exampleText(example)))).filter((f) => f.ruleId === rule.id);
          findings += found.length;
          expect(exampleFailures(kind, example, found), `${rule.id} ${kind} ${example.note ?? ''}`).toEqual([]);
        }
      }
    }
    expect(findings).toBe(1);
  });
});
