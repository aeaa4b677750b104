/**
 * Politeness per host: at most N requests at a time, and a pause between the starts of two
 * requests to the same host. Requests to different hosts do not wait for each other.
 */

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The gate of one host. */
class HostGate {
  private active = 0;
  private lastStart = 0;
  private nextStart = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly perHost: number,
    private delayMs: number,
  ) {}

  /** Makes the pause at least `ms` from now on (a robots.txt Crawl-delay), also after the last start. */
  atLeast(ms: number): void {
    if (ms <= this.delayMs) return;
    this.delayMs = ms;
    this.nextStart = Math.max(this.nextStart, this.lastStart + ms);
  }

  /** Waits for a free slot and for the pause since the previous start. */
  async enter(): Promise<void> {
    while (this.active >= this.perHost) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    const now = Date.now();
    const start = Math.max(now, this.nextStart);
    this.lastStart = start;
    this.nextStart = start + this.delayMs;
    if (start > now) await sleep(start - now);
  }

  leave(): void {
    this.active--;
    this.waiting.shift()?.();
  }
}

/** Gates by host name (host and port). */
export class HostGates {
  private readonly gates = new Map<string, HostGate>();

  constructor(
    private readonly perHost: number,
    private readonly delayMs: number,
  ) {}

  private gateOf(host: string): HostGate {
    let gate = this.gates.get(host);
    if (!gate) {
      gate = new HostGate(this.perHost, this.delayMs);
      this.gates.set(host, gate);
    }
    return gate;
  }

  /** Makes the pause between requests to `host` at least `ms` (never shorter than configured). */
  slowDown(host: string, ms: number): void {
    this.gateOf(host).atLeast(ms);
  }

  /** Runs `work` when the URL's host lets it. */
  async run<T>(url: URL, work: () => Promise<T>): Promise<T> {
    const gate = this.gateOf(url.host);
    await gate.enter();
    try {
      return await work();
    } finally {
      gate.leave();
    }
  }
}

export { sleep };
