/**
 * The streamed JSON output of `check --format json` is byte for byte the JSON formatter's text
 * (the output contract), for real results and for the edge cases of the structure.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBytes } from '../src/check.js';
import { nested, writeJsonContract } from '../src/cli/json-stream.js';
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
    chunks.push(typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
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

describe('nested', () => {
  // The definition: JSON.stringify's text with every line break indented `depth` levels more.
  const reindented = (value: unknown, depth: number): string => JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
  const values: unknown[] = [{}, [], 0, -1.5, '', '第一行\n第二行\t"引号"', null, true, [[]], [{}, [1, [2, { a: [] }]]], { toJSON: () => ({ at: { line: 3 } }) }, { file: 'a.txt', findings: [{ ruleId: 'x', location: { line: 1 } }], report: { year: 2024, agency: null } }];

  it('is JSON.stringify with two-space indents, nested 0 to 4 levels deep', () => {
    for (const value of values) for (const depth of [0, 1, 2, 3, 4]) expect(nested(value, depth)).toBe(reindented(value, depth));
  });
});

describe('results added as bytes', () => {
  it('write the same text as results added as text, mixed in any order, with the same summary', async () => {
    const { JsonContractStream, contractText } = await import('../src/cli/json-stream.js');
    const results = Array.from({ length: 40 }, (_, i) => ({ file: `报告${i}.txt`, report: { year: 2024 }, findings: [{ ruleId: 'r', severity: i % 3 === 0 ? 'error' : 'info', message: '第'.repeat(i === 5 ? 60_000 : i * 300), location: { line: i } }] }));
    const counts = (i: number) => ({ errors: i % 3 === 0 ? 1 : 0, warnings: 0, infos: i % 3 === 0 ? 0 : 1 });
    const run = async (asBytes: (i: number) => boolean): Promise<{ text: string; summary: unknown }> => {
      const chunks: Buffer[] = [];
      // A writer that takes its time: the stream must not fill its buffer again before the writer is done with it.
      const stream = new JsonContractStream(options, async (c) => {
        await new Promise((resolve) => setImmediate(resolve));
        chunks.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c));
      });
      for (const [i, r] of results.entries()) {
        if (asBytes(i)) {
          const bytes = Buffer.from(contractText(r as never), 'utf8');
          await stream.addBytes(bytes, counts(i));
          bytes.fill(0); // the stream copied them
        } else await stream.addText(contractText(r as never), counts(i));
      }
      const summary = await stream.end({ interrupted: true });
      return { text: Buffer.concat(chunks).toString('utf8'), summary };
    };
    const asText = await run(() => false);
    expect(JSON.parse(asText.text).results).toHaveLength(40);
    for (const pick of [() => true, (i: number) => i % 2 === 0, (i: number) => i % 7 === 3, (i: number) => i === 0]) expect(await run(pick)).toEqual(asText);
  });
});
