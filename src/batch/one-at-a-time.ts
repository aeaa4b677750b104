/**
 * Handling messages one after the other: a batch worker is sent chunks of files ahead of time
 * (pool.ts), and must check them in turn, not all at once.
 */

/**
 * A function that hands each value it is given to `handle`, starting one only when the one before
 * has settled, in the order given. (An async message listener would start each message's handling
 * as it arrives, and two handlings would interleave at every `await`.) A handling that rejects is
 * passed to `failed`, and the next one still runs.
 */
export function oneAtATime<T>(handle: (value: T) => Promise<void>, failed: (error: unknown) => void): (value: T) => void {
  let last: Promise<void> = Promise.resolve();
  return (value) => {
    last = last.then(() => handle(value)).catch(failed);
  };
}
