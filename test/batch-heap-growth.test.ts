/** The heap growth limit of PDF batches in workers (heap-growth.ts). */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { limitHeapGrowth } from '../src/batch/heap-growth.js';

const plain = { execArgv: [] as string[], nodeOptions: undefined };

/** A stand-in for `v8.setFlagsFromString` that records what it was given. */
function recorder(): { setFlags: (flags: string) => void; calls: string[] } {
  const calls: string[] = [];
  return { setFlags: (flags) => calls.push(flags), calls };
}

describe('limitHeapGrowth', () => {
  it('sets the factor while held and puts V8 back to choosing it when the last holder ends', () => {
    const { setFlags, calls } = recorder();
    const first = limitHeapGrowth(50, setFlags, plain);
    expect(calls).toEqual(['--heap-growing-percent=50']);
    const second = limitHeapGrowth(50, setFlags, plain);
    first();
    first(); // a second call of the same release does nothing
    expect(calls).toEqual(['--heap-growing-percent=50']);
    second();
    expect(calls).toEqual(['--heap-growing-percent=50', '--heap-growing-percent=0']);
    limitHeapGrowth(50, setFlags, plain)();
    expect(calls.slice(2)).toEqual(['--heap-growing-percent=50', '--heap-growing-percent=0']);
  });

  it('leaves a setting the process was started with alone', () => {
    for (const started of [
      { execArgv: ['--heap-growing-percent=80'], nodeOptions: undefined },
      { execArgv: ['--heap_growing_percent', '80'], nodeOptions: undefined },
      { execArgv: [], nodeOptions: '--max-old-space-size=4096 --heap-growing-percent=80' },
    ]) {
      const { setFlags, calls } = recorder();
      limitHeapGrowth(50, setFlags, started)();
      expect(calls).toEqual([]);
    }
    const { setFlags, calls } = recorder();
    limitHeapGrowth(50, setFlags, { execArgv: ['--heap-growing-percentage-of-nothing'], nodeOptions: '--heap-growing' })();
    expect(calls).toHaveLength(2);
  });

  it('keeps an old generation that churns garbage close to its live data', () => {
    // A child process keeps 32 MB alive and allocates 256 MB of arrays, the last few hundred of
    // which stay alive for a while (as pdf.js's pages do until a page is done), and prints the
    // largest old generation it saw. V8's own factor lets that grow to several times the live
    // data on a large heap (215 MB against 85 MB when this was written).
    const module = fileURLToPath(new URL('../src/batch/heap-growth.ts', import.meta.url));
    const script = `
      if (process.argv[1] === 'limit') (await import(${JSON.stringify(module)})).limitHeapGrowth();
      const { getHeapSpaceStatistics } = await import('node:v8');
      const live = Array.from({ length: 32 }, () => new Array(128 * 1024).fill(1.5));
      let most = 0;
      let held = [];
      for (let i = 0; i < 4000; i++) {
        held.push(new Array(8 * 1024).fill(i + 0.5));
        if (held.length > 256) held = held.slice(128);
        if (i % 16 !== 0) continue;
        const old = getHeapSpaceStatistics().filter((s) => s.space_name === 'old_space' || s.space_name === 'large_object_space');
        most = Math.max(most, old.reduce((n, s) => n + s.space_used_size, 0));
      }
      // Printing a property of \`live\` keeps it alive to the end.
      console.log(JSON.stringify({ most: most / 2 ** 20, live: live.length }));
    `;
    const run = (mode: string): number =>
      (JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, mode], { encoding: 'utf8' })) as { most: number }).most;
    const free = run('free');
    const limited = run('limit');
    expect(limited).toBeLessThan(120);
    expect(limited).toBeLessThan(free * 0.6);
  });
});
