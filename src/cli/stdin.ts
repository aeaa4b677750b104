/**
 * `check --stdin`: the report comes on standard input (an editor or a script piping it), and
 * `--stdin-filename` names it, for its format (.txt, .docx, .pdf …), the config file found from
 * its folder, `overrides:` and the name in the output. The bytes are written to a private
 * temporary folder so that the batch pipeline (which reads files, in worker threads for large
 * runs) handles them like any other file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** The standard input of a run, as a file. */
export interface StdinFile {
  /** Where the bytes were written. */
  path: string;
  /** The name the report is known by (`--stdin-filename`, else `<stdin>`). */
  name: string;
  /** Removes the temporary file. */
  remove: () => void;
}

/** Reads all of a stream. */
async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** Reads standard input into a temporary file named like `filename` (a .txt when unnamed). */
export async function stdinAsFile(filename: string | undefined, stream: NodeJS.ReadableStream = process.stdin): Promise<StdinFile> {
  const bytes = await readAll(stream);
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-stdin-'));
  const path = join(dir, filename ? basename(filename) : 'stdin.txt');
  writeFileSync(path, bytes);
  return { path, name: filename ?? '<stdin>', remove: () => rmSync(dir, { recursive: true, force: true }) };
}
