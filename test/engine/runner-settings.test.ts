/**
 * The config's rule settings reach every rule id the tool reports: per-report rules, cross-report
 * rules (once ignored: `problems-repeated: off` did nothing), and the ingest/batch ids; `overrides:`
 * apply per file, to cross-report findings too.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

interface Out {
  results: { file: string; status?: string; findings: { ruleId: string; severity: string }[] }[];
}

/** A folder with one agency's 2024 report and a 2023 report whose section 五 is the same. */
function repeatedProblems(config: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-settings-'));
  const text = readFileSync('fixtures/corpus/text/003-hongze-district-2024.txt', 'utf8');
  writeFileSync(join(dir, '2024.txt'), text);
  writeFileSync(join(dir, '2023.txt'), text.split('2024 年政府信息公开工作年度报告').join('2023 年政府信息公开工作年度报告'));
  writeFileSync(join(dir, 'empty.txt'), '');
  if (config !== null) writeFileSync(join(dir, '.xxgk-lint.yaml'), config);
  return dir;
}

async function findings(dir: string, id: string): Promise<Record<string, string[]>> {
  const run = await runCli(['check', '--format', 'json', '--config', join(dir, '.xxgk-lint.yaml'), dir]);
  const out = JSON.parse(run.stdout) as Out;
  return Object.fromEntries(out.results.map((r) => [r.file.split('/').pop()!, r.findings.filter((f) => f.ruleId === id).map((f) => f.severity)]));
}

describe('rule settings for every rule id', () => {
  it('a cross-report rule is found without settings, turned off by `off`, and takes a configured severity', async () => {
    const plain = await findings(repeatedProblems('rules: {}\n'), 'problems-repeated');
    expect(plain['2024.txt']).toEqual(['warning']);
    expect(await findings(repeatedProblems('rules:\n  problems-repeated: "off"\n'), 'problems-repeated')).toMatchObject({ '2024.txt': [] });
    expect(await findings(repeatedProblems('rules:\n  problems-repeated: error\n'), 'problems-repeated')).toMatchObject({ '2024.txt': ['error'] });
  });

  it('overrides apply to cross-report findings of the files they match only', async () => {
    const config = 'rules:\n  problems-repeated: info\noverrides:\n  - files: ["2024.txt"]\n    rules:\n      problems-repeated: error\n';
    expect(await findings(repeatedProblems(config), 'problems-repeated')).toMatchObject({ '2024.txt': ['error'] });
    const off = 'overrides:\n  - files: ["2024.txt"]\n    rules:\n      problems-repeated: "off"\n';
    expect(await findings(repeatedProblems(off), 'problems-repeated')).toMatchObject({ '2024.txt': [] });
  });

  it('an ingest id is turned off or given another severity', async () => {
    expect(await findings(repeatedProblems('rules: {}\n'), 'ingest/empty')).toMatchObject({ 'empty.txt': ['error'] });
    expect(await findings(repeatedProblems('rules:\n  ingest/empty: warning\n'), 'ingest/empty')).toMatchObject({ 'empty.txt': ['warning'] });
    expect(await findings(repeatedProblems('rules:\n  ingest/empty: "off"\n'), 'ingest/empty')).toMatchObject({ 'empty.txt': [] });
  });

  it('a per-report rule is turned off or given another severity', async () => {
    const id = 'date-present';
    expect((await findings(repeatedProblems('rules: {}\n'), id))['2024.txt']!.length).toBeGreaterThan(0);
    expect(await findings(repeatedProblems(`rules:\n  ${id}: "off"\n`), id)).toMatchObject({ '2024.txt': [] });
    expect(new Set((await findings(repeatedProblems(`rules:\n  ${id}: error\n`), id))['2024.txt'])).toEqual(new Set(['error']));
  });
});
