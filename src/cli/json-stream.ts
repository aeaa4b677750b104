/**
 * `check --format json` written in pieces: the same bytes as the JSON formatter (`formatJson`, the
 * output contract), without building the whole text. For 10,000 reports that text is tens of
 * megabytes (two bytes a character in V8, once more when the final newline is appended), which
 * was a large part of the CLI's peak memory in the benchmark.
 */
// From the modules themselves, not the formatter registry (report/index.ts), which loads every
// formatter: this path is the one that needs none of them.
import { summarize, type FormatOptions, type ResultEntry } from '../report/types.js';
import { contractResult } from '../report/json.js';

/**
 * A value as `JSON.stringify(value, null, 2)` prints it nested `depth` levels deep: structural
 * line breaks are the only raw newlines in JSON text (newlines inside strings are escaped).
 */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/**
 * Writes the JSON contract followed by a newline, in chunks of about 64 KB, through `write`,
 * waiting whenever `write` returns a promise (back-pressure). Byte for byte
 * `formatJson(results, options) + '\n'`; `extra` fields (the contract allows added ones, e.g.
 * `interrupted`) come after `summary`.
 */
export async function writeJsonContract(results: readonly ResultEntry[], options: FormatOptions, write: (chunk: string) => void | Promise<void>, extra: Record<string, unknown> = {}): Promise<void> {
  let buffer = `{\n  "tool": ${nested({ name: 'xxgk-lint', version: options.version }, 1)},\n  "results": [`;
  for (let i = 0; i < results.length; i++) {
    buffer += `${i === 0 ? '' : ','}\n    ${nested(contractResult(results[i]!), 2)}`;
    if (buffer.length >= 65_536) {
      await write(buffer);
      buffer = '';
    }
  }
  buffer += results.length === 0 ? ']' : '\n  ]';
  const more = Object.entries(extra).map(([key, value]) => `,\n  ${JSON.stringify(key)}: ${nested(value, 1)}`).join('');
  await write(`${buffer},\n  "summary": ${nested(summarize(results), 1)}${more}\n}\n`);
}

/**
 * Writes a chunk to standard output, resolving once the stream can take more. Standard output
 * into a pipe (`xxgk-lint check … | jq`, a CI runner) queues what the reader has not taken yet:
 * written without waiting, the 10,000-report JSON sat in that queue, 130 MB of peak memory.
 */
export function writeToStdout(chunk: string): Promise<void> | void {
  if (process.stdout.write(chunk)) return;
  return new Promise((resolve) => process.stdout.once('drain', () => resolve()));
}
