/**
 * The one kernel of a notebook session: started on demand, restarted, stopped, watched for death.
 *
 * How it works: the slot is in one of four phases.
 *
 *     stopped ──ensure()──▶ starting ──ok──▶ ready ──process exits──▶ dead
 *        ▲                     │fails─────────────────────────────────▲ │
 *        └────────── stop() from any phase ◀──────────────────────────────┘
 *
 * `restart()` is `stop()` then a start. Every start has a generation number; `stop()` moves the
 * generation on, so a kernel whose start finishes after a stop is shut down at once instead of
 * being installed. `stop()` waits for that, so after it resolves no kernel of this slot lives.
 */
import type { Kernel, StartOptions } from '@scalable-ts/kernel';
import { firstLine } from '@scalable-ts/notebook';
import type { KernelView } from './protocol.js';

/** Starts a kernel (`Kernel.start`, or a counting wrapper around it). */
export type StartKernel = (options: StartOptions) => Promise<Kernel>;

/** Phases of a {@link KernelSlot}. */
export type SlotPhase = 'stopped' | 'starting' | 'ready' | 'dead';

/** Options of {@link KernelSlot}. */
export interface KernelSlotOptions {
  readonly start: StartKernel;
  readonly kernelName: string;
  /** The kernel's working directory: the notebook's folder. */
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly shutdownGraceMs?: number;
  /** Called after every change of phase or message. */
  readonly onChange: () => void;
}

/**
 * Holds at most one kernel.
 *
 * @example
 * ```ts
 * const slot = new KernelSlot({ start: (o) => Kernel.start(o), kernelName: 'tslab', cwd: 'notebooks', onChange: () => {} });
 * const kernel = await slot.ensure();
 * await slot.stop();
 * ```
 */
export class KernelSlot {
  readonly #options: KernelSlotOptions;
  #phase: SlotPhase = 'stopped';
  #message: string | undefined;
  #kernel: Kernel | undefined;
  #starting: Promise<Kernel> | undefined;
  #generation = 0;

  constructor(options: KernelSlotOptions) {
    this.#options = options;
  }

  get phase(): SlotPhase {
    return this.#phase;
  }

  /** Why the slot is dead or stopped, for the learner. */
  get message(): string | undefined {
    return this.#message;
  }

  /** The running kernel's process id. */
  get pid(): number | undefined {
    return this.#kernel?.pid;
  }

  /** The state a page shows, given whether a cell is running. */
  view(busy: boolean): KernelView {
    if (this.#phase === 'ready') return busy ? 'busy' : 'idle';
    return this.#phase;
  }

  /**
   * The ready kernel, started first if there is none.
   *
   * @throws the start's error; an `Error` saying so when the kernel is dead (restart it first).
   */
  ensure(): Promise<Kernel> {
    if (this.#phase === 'ready' && this.#kernel) return Promise.resolve(this.#kernel);
    if (this.#phase === 'dead') return Promise.reject(new Error(this.#message ?? 'The kernel is dead: restart it'));
    return this.#starting ?? this.#start();
  }

  /**
   * Interrupts the cell the kernel is running. Returns `false` when the kernel is not running
   * one yet (still starting, or in the pause it takes after an error), so the caller can retry.
   */
  interrupt(): boolean {
    const kernel = this.#kernel;
    if (kernel?.state !== 'busy') return false;
    kernel.interrupt();
    return true;
  }

  /** Shuts the kernel down (or abandons its start); `message` tells the learner why. */
  async stop(message?: string): Promise<void> {
    this.#generation++;
    const kernel = this.#kernel;
    const starting = this.#starting;
    this.#kernel = undefined;
    this.#starting = undefined;
    this.#phase = 'stopped';
    this.#message = message;
    this.#options.onChange();
    await Promise.all([kernel?.shutdown(), starting?.catch(() => undefined)]);
  }

  /** Stops the kernel and starts a fresh one. */
  async restart(): Promise<Kernel> {
    await this.stop();
    return this.ensure();
  }

  #start(): Promise<Kernel> {
    const generation = ++this.#generation;
    const { start, kernelName, cwd, env, shutdownGraceMs, onChange } = this.#options;
    this.#phase = 'starting';
    this.#message = undefined;
    onChange();
    const current = () => generation === this.#generation;
    const starting = start({ kernelName, cwd, ...(env ? { env } : {}), ...(shutdownGraceMs !== undefined ? { shutdownGraceMs } : {}) }).then(
      async (kernel) => {
        if (!current()) {
          await kernel.shutdown();
          throw new Error('The kernel was stopped while it started');
        }
        this.#kernel = kernel;
        this.#starting = undefined;
        this.#phase = 'ready';
        void kernel.exited.then((status) => this.#onExit(kernel, status.code, status.signal));
        onChange();
        return kernel;
      },
      (error: unknown) => {
        if (current()) {
          this.#starting = undefined;
          this.#phase = 'dead';
          this.#message = `The kernel failed to start: ${firstLine(error)}`;
          onChange();
        }
        throw error;
      },
    );
    this.#starting = starting;
    return starting;
  }

  #onExit(kernel: Kernel, code: number | null, signal: string | null): void {
    if (this.#kernel !== kernel || kernel.state !== 'dead') return;
    this.#kernel = undefined;
    void kernel.shutdown(); // releases its sockets and connection file
    this.#phase = 'dead';
    this.#message = `The kernel died (${signal ? `killed by ${signal}` : `exit code ${code}`}); restart it to go on`;
    this.#options.onChange();
  }
}
