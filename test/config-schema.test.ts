/**
 * The JSON Schema of `.xxgk-lint.yaml` (rules/config.schema.json, for editors) is the zod config
 * schema's, kept current (`npm run config:schema` rewrites it), and it accepts what the CLI
 * accepts and rejects what it rejects.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, loadConfigText } from '../src/config.js';

const FILE = 'rules/config.schema.json';
const Ajv = Ajv2020.default;

describe('config JSON Schema', () => {
  it('is current (run `npm run config:schema` after changing src/config.ts)', () => {
    expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(configJsonSchema());
  });

  it('agrees with the config loader on valid and invalid files', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(FILE, 'utf8')));
    const known = ['table3-balance', 'batch/not-a-report'];
    const cases = [
      'rules:\n  table3-balance: warning\n  batch/not-a-report: off\nlocale: en\nignores: [drafts/]\noverrides:\n  - files: ["old/**"]\n    rules: { table3-balance: off }\nlimits: { maxPdfPages: 50 }\n',
      'rules:\n  table3-balance: fatal\n',
      'locale: fr\n',
      'ignores: drafts/\n',
      'limits: { maxPdfPages: -1 }\n',
      'unknownField: 1\n',
    ];
    const verdicts = cases.map((text) => [validate(parse(text)), loadConfigText(text, 'c.yaml', known).config !== null]);
    expect(verdicts).toEqual([[true, true], [false, false], [false, false], [false, false], [false, false], [false, false]]);
  });
});
