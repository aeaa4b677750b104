/**
 * `check --format json` written in pieces: the same bytes as the JSON formatter (`formatJson`, the
 * output contract), without building the whole text. For 10,000 reports that text is tens of
 * megabytes (two bytes a character in V8, once more when the final newline is appended), which
 * was a large part of the CLI's peak memory in the benchmark.
 */
// From the modules themselves, not the formatter registry (report/index.ts), which loads every
// formatter: this path is the one that needs none of them.
import { findingCounts, type FormatOptions, type ResultEntry, type Summary } from '../report/types.js';
import { contractResult, type ContractResult } from '../report/json.js';

/**
 * A value as `JSON.stringify(value, null, 2)` prints it nested `depth` levels deep, i.e. each
 * structural line break followed by `depth` more indents. The value is printed inside `depth`
 * arrays, which indents it so, and cut out of them: one pass over the text, not a second one to
 * re-indent it (a batch prints tens of megabytes of results). Every JSON value is printed by
 * `JSON.stringify` (never undefined here), so the cut is exact.
 */
export function nested(value: unknown, depth: number): string {
  let wrapped: unknown = value;
  for (let k = 0; k < depth; k++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Before the value: "[\n" and k + 1 indents per level; after it: "\n", k indents and "]" per level.
  const before = depth * (depth + 3);
  const after = depth * (depth + 1);
  return text.slice(before, text.length - after);
}

/** A result's text in the contract's output, where it sits (two levels deep). */
export function contractText(result: ContractResult): string {
  return nested(result, 2);
}

/**
 * Where a contract stream writes: a chunk (text, or UTF-8 bytes once results were added as bytes),
 * and a promise when the writer must wait (back-pressure). A chunk of bytes is the stream's own
 * buffer, filled again once the writer returns or its promise resolves: a writer that keeps it
 * longer must copy it.
 */
export type ChunkWriter = (chunk: string | Uint8Array) => void | Promise<void>;

/** How much a stream gathers before it writes (characters and bytes alike). */
const CHUNK = 65_536;

/**
 * The JSON contract written one result at a time, in chunks of about 64 KB: a batch can write
 * each report's result as it is checked and keep none of them. Byte for byte
 * `formatJson(results, options) + '\n'` for the results added, in the order added; the summary
 * is counted as they go.
 */
export class JsonContractStream {
  /** Text not yet written (until results are added as bytes). */
  private text: string;
  /**
   * Once a result is added as bytes, everything goes here as UTF-8: one buffer, written and
   * filled again, so that copying results through makes no garbage outside the JS heap (new
   * buffers for each of thousands of results raised a batch's peak memory by tens of megabytes).
   */
  private bytes: Buffer | null = null;
  private used = 0;
  private readonly counts: Summary = { files: 0, errors: 0, warnings: 0, infos: 0 };

  constructor(options: FormatOptions, private readonly write: ChunkWriter) {
    this.text = `{\n  "tool": ${nested({ name: 'xxgk-lint', version: options.version }, 1)},\n  "results": [`;
  }

  /** Appends one result; resolves once its text is buffered or written. */
  add(result: ResultEntry): Promise<void> {
    return this.addContract(contractResult(result));
  }

  /** Appends one result already in the contract's form (`contractResult`). */
  addContract(result: ContractResult): Promise<void> {
    return this.addText(contractText(result), findingCounts(result.findings));
  }

  /** Appends one result's text as {@link contractText} made it, with the counts of its findings by severity. */
  addText(text: string, counts: Omit<Summary, 'files'>): Promise<void> {
    this.append(`${this.separator()}${text}`);
    this.count(counts);
    return this.flushFull();
  }

  /**
   * Appends one result as the UTF-8 bytes of its {@link contractText} (parked on disk, spill.ts):
   * copied through, not decoded and encoded again. The bytes are copied; the caller may reuse them.
   */
  addBytes(bytes: Uint8Array, counts: Omit<Summary, 'files'>): Promise<void> {
    if (this.bytes === null) {
      this.bytes = Buffer.allocUnsafe(2 * CHUNK);
      const text = this.text;
      this.text = '';
      this.append(text);
    }
    this.append(this.separator());
    this.reserve(bytes.length).set(bytes, this.used);
    this.used += bytes.length;
    this.count(counts);
    return this.flushFull();
  }

  private separator(): string {
    return `${this.counts.files === 0 ? '' : ','}\n    `;
  }

  private count(counts: Omit<Summary, 'files'>): void {
    this.counts.files++;
    this.counts.errors += counts.errors;
    this.counts.warnings += counts.warnings;
    this.counts.infos += counts.infos;
  }

  private append(text: string): void {
    if (this.bytes === null) this.text += text;
    else this.used += this.reserve(Buffer.byteLength(text, 'utf8')).write(text, this.used, 'utf8');
  }

  /** The byte buffer, with room for `length` more bytes (grown for a result larger than it). */
  private reserve(length: number): Buffer {
    const bytes = this.bytes!;
    if (this.used + length <= bytes.length) return bytes;
    const larger = Buffer.allocUnsafe(Math.max(2 * bytes.length, this.used + length));
    bytes.copy(larger, 0, 0, this.used);
    this.bytes = larger;
    return larger;
  }

  /** Writes what is gathered and waits until the writer is done with it (the buffer is then filled again). */
  private async flush(): Promise<void> {
    if (this.bytes === null) {
      const chunk = this.text;
      this.text = '';
      await this.write(chunk);
      return;
    }
    const chunk = this.bytes.subarray(0, this.used);
    this.used = 0;
    await this.write(chunk);
  }

  private async flushFull(): Promise<void> {
    if ((this.bytes === null ? this.text.length : this.used) >= CHUNK) await this.flush();
  }

  /**
   * Closes the results, writes the summary and the `extra` fields (the contract allows added
   * ones, e.g. `interrupted`, after `summary`) and the final newline; returns the summary.
   */
  async end(extra: Record<string, unknown> = {}): Promise<Summary> {
    const summary = { ...this.counts };
    const more = Object.entries(extra).map(([key, value]) => `,\n  ${JSON.stringify(key)}: ${nested(value, 1)}`).join('');
    this.append(`${summary.files === 0 ? ']' : '\n  ]'},\n  "summary": ${nested(summary, 1)}${more}\n}\n`);
    await this.flush();
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
export function writeToStdout(chunk: string | Uint8Array): Promise<void> | void {
  // Bytes are the stream's buffer, filled again after this: wait until they are handed to the system.
  if (typeof chunk !== 'string') return new Promise((resolve) => process.stdout.write(chunk, () => resolve()));
  if (process.stdout.write(chunk)) return;
  return new Promise((resolve) => process.stdout.once('drain', () => resolve()));
}
