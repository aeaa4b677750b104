/**
 * Large batches run in a child Node process with a larger young generation. A batch's main
 * thread takes in every worker's results; with V8's default 16 MB semi-spaces it spent a third of
 * its time collecting garbage (CPU profile of 10,000 reports) while the workers waited for their
 * next files. `--max-semi-space-size=64` took that batch from 39 s to 26 s with 2 workers. V8 reads
 * the flag when the process starts (setting it later had a fraction of the effect), hence a child
 * process, and only for large batches: it costs one more Node start-up (about 0.1 s).
 */

/** The V8 flag the child gets. */
export const YOUNG_GENERATION_FLAG = '--max-semi-space-size=64';
/** From this many files a batch is relaunched. */
export const LARGE_BATCH = 1000;
/** Set in the child, so that it does not relaunch itself. */
const CHILD_ENV = 'XXGK_LINT_CHILD';

let allowed = false;

/** Lets `check` relaunch this process: called only when the CLI runs as its own program. */
export function allowRelaunch(): void {
  allowed = true;
}

/** Whether a batch of `files` files should run in a relaunched child. */
export function shouldRelaunch(files: number): boolean {
  return allowed && files >= LARGE_BATCH && process.env[CHILD_ENV] !== '1' && process.argv[1] !== undefined && !process.execArgv.some((a) => a.startsWith('--max-semi-space-size'));
}

/**
 * Runs the same command line in a child with {@link YOUNG_GENERATION_FLAG}, sharing this
 * terminal (standard input, output and error); resolves to its exit code. Ctrl-C reaches the
 * child (same process group), which keeps what it already checked, as a direct run does.
 */
export async function relaunchForLargeBatch(): Promise<number> {
  // Imported here: loading node:child_process (with net, dgram and streams) took about 6 ms of
  // every start-up, and only large batches use it.
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, YOUNG_GENERATION_FLAG, process.argv[1]!, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, [CHILD_ENV]: '1' },
  });
  // The child decides what an interruption means. Ctrl-C reaches it from the terminal anyway;
  // a SIGTERM sent to this process alone (a CI runner stopping the job) is passed on.
  const ignore = (): void => undefined;
  const pass = (): void => {
    child.kill('SIGTERM');
  };
  process.on('SIGINT', ignore);
  process.on('SIGTERM', pass);
  return new Promise((resolve) => {
    const done = (code: number): void => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', pass);
      resolve(code);
    };
    child.on('error', () => done(2));
    child.on('exit', (code, signal) => done(code ?? (signal === 'SIGINT' ? 130 : 2)));
  });
}
