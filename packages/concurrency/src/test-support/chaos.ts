// Random interleavings for the reliability tests: seeded, so a failure can be replayed.
import { seeded } from './probes.js';

/** Random helpers over one seeded generator. */
export class Chaos {
  readonly random: () => number;

  constructor(seed: number) {
    this.random = seeded(seed);
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.random() < p;
  }

  /** Waits a random short while: some microtasks, or a macrotask turn. */
  async pause(): Promise<void> {
    const kind = this.int(4);
    if (kind === 0) return;
    if (kind === 3) return new Promise((resolve) => setImmediate(resolve));
    for (let i = this.int(5); i >= 0; i--) await Promise.resolve();
  }

  /**
   * A signal that, with probability p, aborts at a random moment: already aborted, after a few
   * microtasks, or after a macrotask turn. `undefined` otherwise.
   */
  signal(p: number): AbortSignal | undefined {
    if (!this.chance(p)) return undefined;
    const controller = new AbortController();
    const when = this.int(3);
    if (when === 0) controller.abort(new Error('random abort'));
    else if (when === 1) void this.pause().then(() => controller.abort(new Error('random abort')));
    else setImmediate(() => controller.abort(new Error('random abort')));
    return controller.signal;
  }
}
