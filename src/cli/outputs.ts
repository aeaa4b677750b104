/**
 * The outputs of a check run: `-f name` (standard output, or `-o file`) and `-f name:file`, any
 * number of them in one run (`-f stylish -f sarif:out.sarif -f json:out.json`), each coloured or
 * not on its own (a file never, unless `--color`).
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import type { Pack } from '../engine/schema.js';
import type { FormatterName, ResultEntry } from '../report/index.js';
import type { Summary } from '../report/types.js';
import { useColor } from './color.js';
import { FORMAT_NAMES, isFormatName } from './formats.js';
import type { ContractResult } from '../report/json.js';
import { JsonContractStream, writeJsonContract, writeToStdout, type ChunkWriter } from './json-stream.js';
import { ExitError } from './setup-core.js';

/** One output: a format, and the file it goes to (null: standard output). */
export interface OutputSpec {
  format: FormatterName;
  file: string | null;
}

/**
 * Reads the `-f` values (`name` or `name:file`; when none, the format `-o`'s extension names, else
 * `stylish`) and `-o`, which is the file of the one format given without its own. Throws an exit-2 error for an unknown format or two
 * outputs to the same place.
 */
export function outputSpecs(formats: readonly string[], output: string | undefined): OutputSpec[] {
  const specs = (formats.length ? formats : [output === undefined ? 'stylish' : formatOfFile(output)]).map((value): OutputSpec => {
    const colon = value.indexOf(':');
    const name = colon < 0 ? value : value.slice(0, colon);
    if (!isFormatName(name)) throw new ExitError(2, `未知的输出格式「${name}」，可用：${FORMAT_NAMES.join('、')}`, `Unknown output format "${name}"; available: ${FORMAT_NAMES.join(', ')}`);
    const file = colon < 0 ? (output ?? null) : value.slice(colon + 1);
    if (file === '') throw new ExitError(2, `输出格式「${value}」缺少文件名（格式:文件）`, `Output "${value}" lacks a file name (format:file)`);
    return { format: name, file };
  });
  const places = specs.map((s) => s.file ?? '-');
  const twice = places.find((p, i) => places.indexOf(p) !== i);
  if (twice !== undefined) throw new ExitError(2, twice === '-' ? '只能有一个输出格式写到标准输出（其他的用「格式:文件」写到文件）' : `两个输出格式都写到 ${twice}`, twice === '-' ? 'Only one output can go to standard output (write the others to files with format:file)' : `Two outputs write to ${twice}`);
  return specs;
}

const BY_EXTENSION: Readonly<Record<string, FormatterName>> = { html: 'html', htm: 'html', json: 'json', sarif: 'sarif', xml: 'junit', md: 'markdown', markdown: 'markdown' };

/** The format `-o file` writes when no `-f` is given: by the file's extension (report.html → html), else stylish. */
export function formatOfFile(file: string): FormatterName {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  return (ext !== undefined ? BY_EXTENSION[ext] : undefined) ?? 'stylish';
}

/** What every output of a run shares. */
export interface OutputContext {
  locale: 'zh' | 'en';
  version: string;
  colorFlag: boolean | undefined;
  /** Added top-level fields of the JSON output (e.g. `interrupted`). */
  jsonExtra: Record<string, unknown>;
  /** The rule packs of the run: SARIF describes their rules. */
  packs: readonly Pack[];
}

/** Writes a chunk to an open file, all of it. */
function writeAllSync(fd: number, chunk: string | Uint8Array): void {
  if (typeof chunk === 'string') {
    writeSync(fd, chunk);
    return;
  }
  for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done, chunk.length - done);
}

/** A chunk writer to standard output or to an open file. */
function chunkWriter(fd: number | null): ChunkWriter {
  return (chunk) => (fd === null ? writeToStdout(chunk) : writeAllSync(fd, chunk));
}

/** Outputs written one result at a time, as a batch checks its files ({@link streamOutputs}). */
export interface StreamedOutputs {
  /** Writes one more result to every output. */
  add(result: ResultEntry): Promise<void>;
  /** Writes one more result, already in the contract's form, to every output. */
  addContract(result: ContractResult): Promise<void>;
  /** Writes one more result as the UTF-8 bytes of its `contractText`, with its findings' counts, to every output. */
  addBytes(bytes: Uint8Array, counts: Omit<Summary, 'files'>): Promise<void>;
  /** Ends every output (the JSON `extra` fields after the summary); the summary of each, in spec order. */
  end(jsonExtra: Record<string, unknown>): Promise<Summary[]>;
  /** Closes the files without ending them (the run failed). */
  abort(): void;
}

/**
 * Outputs that can be written as results arrive, so that a large batch keeps none of them: every
 * spec must be JSON (the others print tables or totals that need every result first); null
 * otherwise. The text is byte for byte what {@link writeOutputs} writes for the same results.
 */
export function streamOutputs(specs: readonly OutputSpec[], context: Pick<OutputContext, 'version' | 'locale'>): StreamedOutputs | null {
  if (specs.length === 0 || specs.some((s) => s.format !== 'json')) return null;
  const fds = specs.map((spec) => (spec.file === null ? null : openSync(spec.file, 'w')));
  const close = (): void => {
    for (const fd of fds) if (fd !== null) closeSync(fd);
  };
  // JSON is never coloured, on a terminal or in a file.
  const streams = fds.map((fd) => new JsonContractStream({ locale: context.locale, color: false, version: context.version }, chunkWriter(fd)));
  return {
    add: async (result) => {
      for (const stream of streams) await stream.add(result);
    },
    addContract: async (result) => {
      for (const stream of streams) await stream.addContract(result);
    },
    addBytes: async (bytes, counts) => {
      for (const stream of streams) await stream.addBytes(bytes, counts);
    },
    end: async (jsonExtra) => {
      try {
        const summaries: Summary[] = [];
        for (const stream of streams) summaries.push(await stream.end(jsonExtra));
        return summaries;
      } finally {
        close();
      }
    },
    abort: close,
  };
}

/** Writes each output. JSON is streamed (see json-stream.ts); the other formatters load on demand. */
export async function writeOutputs(specs: readonly OutputSpec[], results: readonly ResultEntry[], context: OutputContext): Promise<void> {
  for (const spec of specs) {
    const color = useColor({ flag: context.colorFlag, env: process.env, isTTY: Boolean(process.stdout.isTTY), toFile: spec.file !== null });
    const options = { locale: context.locale, color, version: context.version };
    if (spec.format === 'json') {
      const fd = spec.file === null ? null : openSync(spec.file, 'w');
      try {
        await writeJsonContract(results, options, chunkWriter(fd), context.jsonExtra);
      } finally {
        if (fd !== null) closeSync(fd);
      }
      continue;
    }
    let text: string;
    if (spec.format === 'sarif') {
      const [{ formatSarifWithRules }, { sarifRuleInfo }] = await Promise.all([import('../report/sarif.js'), import('./sarif-rules.js')]);
      text = formatSarifWithRules(results, options, sarifRuleInfo(context.packs, new Set(results.flatMap((r) => r.findings.map((f) => f.ruleId)))));
    } else {
      const { FORMATTERS } = await import('../report/index.js');
      text = FORMATTERS[spec.format](results, options);
    }
    if (spec.file !== null) writeFileSync(spec.file, text + '\n');
    else await writeToStdout(text + '\n');
  }
}
