/**
 * How far V8 lets an old generation grow past what its last full collection left alive, while a
 * batch of PDFs runs in worker threads.
 *
 * After each full collection V8 sets the next one's trigger at the live size times a growing
 * factor that it picks from how fast it collects against how fast the program allocates, up to
 * a maximum set by the heap's limit (2 for a worker's limit of just under 2 GB, see pool.ts). A
 * worker reading PDFs keeps about 32 MB alive and allocates fast, so it got the maximum: its old
 * generation rose to 70–80 MB of mostly dead pdf.js fonts and pages before each collection, in
 * both workers at once. V8's `--heap-growing-percent` fixes the factor instead (never below
 * 16 MB above the live size, V8's smallest step), and V8 reads it at every collection.
 *
 * Measured on the benchmark's 1,000 PDFs with `-j 2`, three runs of each build alternated, the
 * same output: peak RSS 274–279 MB against 310–316 MB, for 7 % more CPU time (98.6 s against
 * 92.2 s, means) and 6 % more wall time (51.5 s against 48.4 s). `--trace-gc` shows where the time
 * goes: 159 full collections against 92–111 (1.7–3.2 s more in pauses and marking steps, the
 * rest in concurrent marking); the 2,500–2,700 scavenges are unchanged. A lower old-generation
 * limit per worker, which lowers V8's maximum factor instead, traded worse (1,024 MB: 283 MB for
 * 10 % more CPU time) and can make a worker run out of memory on a large report; a fixed factor
 * only makes collections more frequent.
 *
 * The flag is the process's, not a thread's: this thread's heap follows it too, which in a PDF
 * batch (where this thread checks nothing) holds the results only. It is set while at least one
 * such batch runs and put back to V8's default (0: V8 chooses) when the last ends; a process
 * started with the flag (on the command line or in NODE_OPTIONS) keeps its own setting.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * The factor, as a percentage above 1, for PDF batches in workers: at a worker's 32 MB of live
 * data (mostly pdf.js's code and source text) 48 MB before a full collection, against 70–80 MB.
 * 25 peaked lower still (261–264 MB) with 292 full collections against 159; 50 keeps a margin
 * under 300 MB.
 */
export const PDF_HEAP_GROWING_PERCENT = 50;

/** Whether the process was started with the flag: a user's own setting is never overridden. */
function startedWithFlag(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  const named = (arg: string): boolean => /^--heap[-_]growing[-_]percent(?:=|$)/.test(arg);
  return execArgv.some(named) || (nodeOptions ?? '').split(/\s+/).some(named);
}

/** Sets V8 flags; the real `v8.setFlagsFromString` unless a test gives its own. */
export type FlagSetter = (flags: string) => void;

/** Batches holding the setting now, per setter (one in a real process). */
const holders = new WeakMap<FlagSetter, number>();

/**
 * Limits the heap growth of every isolate of the process until the returned function is called
 * (once; later calls do nothing). Nested and concurrent batches share the setting: it is put back
 * when the last of them ends.
 */
export function limitHeapGrowth(
  percent: number = PDF_HEAP_GROWING_PERCENT,
  setFlags: FlagSetter = setFlagsFromString,
  started: { execArgv: readonly string[]; nodeOptions: string | undefined } = { execArgv: process.execArgv, nodeOptions: process.env.NODE_OPTIONS },
): () => void {
  if (startedWithFlag(started.execArgv, started.nodeOptions)) return () => undefined;
  const held = holders.get(setFlags) ?? 0;
  if (held === 0) setFlags(`--heap-growing-percent=${percent}`);
  holders.set(setFlags, held + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (holders.get(setFlags) ?? 1) - 1;
    holders.set(setFlags, left);
    if (left === 0) setFlags('--heap-growing-percent=0');
  };
}

/** Whether a batch holds the limit now (through the real `v8.setFlagsFromString`). */
export function heapGrowthLimited(setFlags: FlagSetter = setFlagsFromString): boolean {
  return (holders.get(setFlags) ?? 0) > 0;
}
