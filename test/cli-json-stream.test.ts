/**
 * The streamed JSON output of `check --format json` is byte for byte the JSON formatter's text
 * (the output contract), for real results and for the edge cases of the structure.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBytes } from '../src/check.js';
import { writeJsonContract } from '../src/cli/json-stream.js';
import { Checker } from '../src/engine/run.js';
import { loadRuleDirs } from '../src/node.js';
import { formatJson } from '../src/report/json.js';
import type { ResultEntry } from '../src/report/index.js';

const options = { locale: 'zh' as const, color: false, version: '9.9.9' };
const streamed = async (results: readonly ResultEntry[]): Promise<string> => {
  const chunks: string[] = [];
  // A writer that takes its time with every chunk: the chunks still come in order, whole.
  await writeJsonContract(results, options, async (c) => {
    await new Promise((resolve) => setImmediate(resolve));
    chunks.push(c);
  });
  return chunks.join('');
};

describe('streamed JSON contract', () => {
  it('equals the JSON formatter on real reports, with statuses and files without a report', async () => {
    const checker = new Checker(loadRuleDirs().packs);
    const dir = 'fixtures/corpus/text';
    const results: ResultEntry[] = [];
    for (const name of readdirSync(dir)) {
      const { file, report, findings } = await checkBytes(new Uint8Array(readFileSync(`${dir}/${name}`)), `${dir}/${name}`, checker);
      results.push({ file, report, findings, ...(results.length % 2 ? { status: 'checked' } : {}) });
    }
    results.push({ file: 'missing.txt', report: null, findings: [{ ruleId: 'ingest/not-found', severity: 'error', message: '找不到文件：“a\nb”\u2028', location: { line: 1 } }] });
    expect(await streamed(results)).toBe(formatJson(results, options) + '\n');
  });

  it('equals the JSON formatter for no results and for a result without findings', async () => {
    expect(await streamed([])).toBe(formatJson([], options) + '\n');
    const one: ResultEntry[] = [{ file: 'x.txt', report: null, findings: [] }];
    expect(await streamed(one)).toBe(formatJson(one, options) + '\n');
  });
});
