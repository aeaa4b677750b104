/** A batch worker's chunks are checked one after the other, never interleaved (one-at-a-time.ts). */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../src/batch/one-at-a-time.js';

/** A promise and the function that resolves it (Promise.withResolvers, Node 22). */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('oneAtATime', () => {
  it('starts each handling only when the one before has ended, in the order given', async () => {
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const ended = signal();
    const handle = oneAtATime(async (name: string) => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      // A wait for the event loop (as a PDF read waits for a file), longest for the first.
      await sleep(name === 'a' ? 30 : 5);
      log.push(`end ${name}`);
      running--;
      if (name === 'c') ended.resolve();
    }, (error) => {
      throw error;
    });
    handle('a');
    handle('b');
    handle('c');
    await ended.promise;
    expect(most).toBe(1);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('passes a failed handling on and still runs the next', async () => {
    const failures: unknown[] = [];
    const done: string[] = [];
    const last = signal();
    const handle = oneAtATime(async (name: string) => {
      await sleep(1);
      if (name === 'bad') throw new Error('broken');
      done.push(name);
      if (name === 'after') last.resolve();
    }, (error) => failures.push(error));
    handle('bad');
    handle('after');
    await last.promise;
    expect(done).toEqual(['after']);
    expect(failures).toHaveLength(1);
    expect((failures[0] as Error).message).toBe('broken');
  });
});
