/**
 * SARIF for code scanning (issue #18): every rule of the log has a short and a full description,
 * help text with the rule's documentation page as Markdown, and a link to it; a result whose
 * location has a table names the table, row and column in its message.
 */
import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;

interface Log {
  runs: {
    tool: { driver: { rules: { id: string; shortDescription: { text: string }; fullDescription?: { text: string }; help?: { text: string; markdown?: string }; helpUri?: string }[] } };
    results: { ruleId: string; message: { text: string }; properties?: { tableLabel?: string; rowLabel?: string; colLabel?: string } }[];
  }[];
}

describe('SARIF rules and results', () => {
  it('describes each pack rule with its docs page, links it, and places results in their table', async () => {
    // Has table errors (table, row and column) and text warnings.
    const run = await runCli(['check', '-f', 'sarif', 'fixtures/corpus/text/002-hongze-district-2023.txt', 'fixtures/corpus/text/023-shuyang-county-fgj-2023.txt']);
    const log = JSON.parse(run.stdout) as Log;
    const { rules } = log.runs[0]!.tool.driver;
    const packRules = rules.filter((r) => !r.id.includes('/'));
    expect(packRules.length).toBeGreaterThan(2);
    for (const rule of packRules) {
      expect(rule.shortDescription.text, rule.id).not.toBe(rule.id);
      expect(rule.fullDescription?.text, rule.id).toBeTruthy();
      expect(rule.help?.markdown, rule.id).toContain(`# ${rule.id}`);
      expect(rule.help?.markdown).toBe(readFileSync(`docs/rules/${rule.id}.md`, 'utf8'));
      expect(rule.helpUri, rule.id).toMatch(new RegExp(`^(file|https):.*/docs/rules/${rule.id}\\.md$`));
    }
    const placed = log.runs[0]!.results.filter((r) => r.properties?.tableLabel !== undefined);
    expect(placed.length).toBeGreaterThan(0);
    for (const result of placed) {
      for (const label of [result.properties!.tableLabel, result.properties!.rowLabel, result.properties!.colLabel]) {
        if (label !== undefined) expect(result.message.text).toContain(label);
      }
    }
  });

  it('still validates against the official SARIF 2.1.0 schema', async () => {
    const schema = JSON.parse(readFileSync('node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const run = await runCli(['check', '-f', 'sarif', 'fixtures/corpus/text/002-hongze-district-2023.txt']);
    const ok = validate(JSON.parse(run.stdout));
    expect(ok, JSON.stringify(validate.errors)).toBe(true);
  });
});
