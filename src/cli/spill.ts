/**
 * Results parked on disk while a batch runs: the cross-report rules add their findings only once
 * every file is checked, and keeping every result in memory until then grew a batch by about
 * 15 KB per report (issue #21). Each result is written as one JSON line in a private temporary
 * folder as it comes, and read back in the same order at the end.
 */
import { createReadStream, closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ContractResult } from './json-stream.js';

/** One parked result: the file as the batch names it (the key of its cross-report findings) and the result. */
export interface SpilledResult {
  file: string;
  result: ContractResult;
}

/** A temporary file of results, written in order and read back once. */
export class ResultSpill {
  private readonly dir: string;
  private readonly path: string;
  private fd: number | null;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'xxgk-lint-results-'));
    this.path = join(this.dir, 'results.jsonl');
    this.fd = openSync(this.path, 'w', 0o600);
  }

  /** Parks one result. JSON escapes every line break inside strings, so a result is one line. */
  write(file: string, result: ContractResult): void {
    if (this.fd === null) throw new Error('ResultSpill: written after reading began');
    writeSync(this.fd, JSON.stringify({ file, result } satisfies SpilledResult) + '\n');
  }

  /** The parked results, in the order written. */
  async *read(): AsyncGenerator<SpilledResult> {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    const lines = createInterface({ input: createReadStream(this.path, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) if (line !== '') yield JSON.parse(line) as SpilledResult;
  }

  /** Deletes the file (safe to call more than once). */
  remove(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
