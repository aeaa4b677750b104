/** Large batches relaunch the CLI with a larger young generation; nothing else does. */
import { describe, expect, it } from 'vitest';
import { allowRelaunch, LARGE_BATCH, shouldRelaunch } from '../src/cli/relaunch.js';
import { runCli } from './helpers/cli.js';

describe('relaunch for large batches', () => {
  it('never relaunches an embedded run (tests, other programs) or a small batch', async () => {
    expect(shouldRelaunch(LARGE_BATCH * 10)).toBe(false); // not allowed: the CLI did not start this process
    const run = await runCli(['check', '--format', 'json', 'fixtures/seeds/000-jiangyou-2017.txt']);
    expect(JSON.parse(run.stdout).results).toHaveLength(1);
  });

  it('relaunches from LARGE_BATCH files when the CLI runs as its own program, never in the child', () => {
    allowRelaunch();
    expect(shouldRelaunch(LARGE_BATCH - 1)).toBe(false);
    expect(shouldRelaunch(LARGE_BATCH)).toBe(true);
    process.env['XXGK_LINT_CHILD'] = '1';
    try {
      expect(shouldRelaunch(LARGE_BATCH)).toBe(false);
    } finally {
      delete process.env['XXGK_LINT_CHILD'];
    }
  });
});
