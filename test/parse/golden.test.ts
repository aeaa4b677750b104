/**
 * Golden tests: every real report fixture parses to the model pinned in fixtures/golden (metadata,
 * outline, every table cell). Regenerate with `npx tsx scripts/golden.ts …` after a deliberate
 * change and review the diff against fixtures/corpus/MANIFEST.md.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenOf } from '../helpers/golden.js';
import { parseFixture } from '../helpers/examples.js';

const fixtures = [
  ...readdirSync('fixtures/seeds').filter((f) => f.endsWith('.txt')).map((f) => `fixtures/seeds/${f}`),
  ...readdirSync('fixtures/corpus/text').filter((f) => f.endsWith('.txt')).map((f) => `fixtures/corpus/text/${f}`),
];

describe('parser golden files', () => {
  it('covers all 16 real reports', () => {
    expect(fixtures).toHaveLength(16);
  });
  for (const file of fixtures) {
    it(`parses ${file} as its golden file says`, () => {
      const name = file.split('/').pop()!.replace(/\.txt$/, '');
      const golden = JSON.parse(readFileSync(`fixtures/golden/${name}.json`, 'utf8'));
      expect(goldenOf(parseFixture(file))).toEqual(golden);
    });
  }
});
