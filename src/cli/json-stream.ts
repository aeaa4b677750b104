/**
 * `check --format json` written in pieces: the same bytes as the JSON formatter (`formatJson`, the
 * output contract), without building the whole text. For 10,000 reports that text is tens of
 * megabytes (two bytes a character in V8, once more when the final newline is appended), which
 * was a large part of the CLI's peak memory in the benchmark.
 */
// From the modules themselves, not the formatter registry (report/index.ts), which loads every
// formatter: this path is the one that needs none of them.
import { summarize, type FormatOptions, type ResultEntry, type Summary } from '../report/types.js';
import { contractResult } from '../report/json.js';
import type { Finding } from '../model/finding.js';

/**
 * A value as `JSON.stringify(value, null, 2)` prints it nested `depth` levels deep: structural
 * line breaks are the only raw newlines in JSON text (newlines inside strings are escaped).
 */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/** One result in the JSON contract's form (what `contractResult` makes of a result entry). */
export interface ContractResult {
  file: string;
  report: unknown;
  findings: Finding[];
  status?: string;
}

/** A result's text in the contract's output, where it sits (two levels deep). */
export function contractText(result: ContractResult): string {
  return nested(result, 2);
}

/** Where a contract stream writes: a chunk, and a promise when the writer must wait (back-pressure). */
export type ChunkWriter = (chunk: string) => void | Promise<void>;

/**
 * The JSON contract written one result at a time, in chunks of about 64 KB: a batch can write
 * each report's result as it is checked and keep none of them. Byte for byte
 * `formatJson(results, options) + '\n'` for the results added, in the order added; the summary
 * is counted as they go.
 */
export class JsonContractStream {
  private buffer: string;
  private readonly counts: Summary = { files: 0, errors: 0, warnings: 0, infos: 0 };

  constructor(options: FormatOptions, private readonly write: ChunkWriter) {
    this.buffer = `{\n  "tool": ${nested({ name: 'xxgk-lint', version: options.version }, 1)},\n  "results": [`;
  }

  /** Appends one result; resolves once its text is buffered or written. */
  add(result: ResultEntry): Promise<void> {
    return this.addContract(contractResult(result) as ContractResult);
  }

  /** Appends one result already in the contract's form (`contractResult`). */
  addContract(result: ContractResult): Promise<void> {
    return this.addText(contractText(result), summarize([{ file: result.file, report: null, findings: result.findings }]));
  }

  /**
   * Appends one result's text as {@link contractText} made it (e.g. parked in a spill file), with
   * the counts of its findings by severity.
   */
  async addText(text: string, counts: Omit<Summary, 'files'>): Promise<void> {
    this.buffer += `${this.counts.files === 0 ? '' : ','}\n    ${text}`;
    this.counts.files++;
    this.counts.errors += counts.errors;
    this.counts.warnings += counts.warnings;
    this.counts.infos += counts.infos;
    if (this.buffer.length >= 65_536) {
      const chunk = this.buffer;
      this.buffer = '';
      await this.write(chunk);
    }
  }

  /**
   * Closes the results, writes the summary and the `extra` fields (the contract allows added
   * ones, e.g. `interrupted`, after `summary`) and the final newline; returns the summary.
   */
  async end(extra: Record<string, unknown> = {}): Promise<Summary> {
    const summary = { ...this.counts };
    const more = Object.entries(extra).map(([key, value]) => `,\n  ${JSON.stringify(key)}: ${nested(value, 1)}`).join('');
    const chunk = `${this.buffer}${summary.files === 0 ? ']' : '\n  ]'},\n  "summary": ${nested(summary, 1)}${more}\n}\n`;
    this.buffer = '';
    await this.write(chunk);
    return summary;
  }
}

/** Writes the JSON contract of `results` followed by a newline through `write` ({@link JsonContractStream}). */
export async function writeJsonContract(results: readonly ResultEntry[], options: FormatOptions, write: ChunkWriter, extra: Record<string, unknown> = {}): Promise<void> {
  const stream = new JsonContractStream(options, write);
  for (const result of results) await stream.add(result);
  await stream.end(extra);
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
