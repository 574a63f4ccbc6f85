/**
 * Where a notebook's kernel comes from: started fresh for it, retried once when the start fails,
 * and, with warm kernels on, started ahead of time while the previous notebook runs.
 *
 * How it works: a {@link KernelPool} holds at most one spare kernel, started right after a
 * notebook took its own, for the same kernelspec, folder and environment (the next notebook of a
 * folder almost always asks for that). The next notebook that asks for that key takes the spare;
 * one that asks for another key has the spare shut down and starts its own. A kernel is never
 * shared: each is handed out once. A start that fails (the process exits, or it does not answer
 * `kernel_info_request` within the start limit), whether of the spare or of a fresh kernel, is
 * retried once with a new process, and the {@link AcquiredKernel.notes} say what happened so the
 * runner can report it. The process's exit closes a spare nobody took (its stdin pipe ends).
 */
import { Kernel, KernelStartError } from '@scalable-ts/kernel';

/** The default limit for a kernel to answer its first `kernel_info_request`, per attempt. */
export const DEFAULT_KERNEL_START_SECONDS = 60;

/** What kind of kernel a notebook needs. */
export interface KernelRequest {
  kernelName: string;
  /** The notebook's folder. */
  cwd: string;
  /** Per attempt. Default {@link DEFAULT_KERNEL_START_SECONDS}. */
  startTimeoutMs?: number;
  /** The kernel's environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

/** A kernel handed to one notebook, with how it got there. */
export interface AcquiredKernel {
  kernel: Kernel;
  /** Whether it was started ahead of time (a warm spare). */
  warm: boolean;
  /** How many processes were started for it (2 after a retry). */
  attempts: number;
  /** Start failures that were retried, in words, for the run's report. */
  notes: string[];
}

const keyOf = (request: KernelRequest): string =>
  JSON.stringify([request.kernelName, request.cwd, request.startTimeoutMs ?? null, request.env ? Object.entries(request.env).sort() : null]);

function start(request: KernelRequest): Promise<Kernel> {
  return Kernel.start({
    kernelName: request.kernelName,
    cwd: request.cwd,
    startTimeoutMs: request.startTimeoutMs ?? DEFAULT_KERNEL_START_SECONDS * 1000,
    ...(request.env ? { env: request.env } : {}),
  });
}

/** The first line of a start failure (the kernel's stderr follows it in the message). */
const headline = (error: unknown): string => String((error as Error)?.message ?? error).split('\n')[0] ?? '';

/** Kernels for notebooks, with at most one warm spare. */
export class KernelPool {
  #spare: { key: string; kernel: Promise<Kernel> } | undefined;
  #closed = false;

  /**
   * A fresh kernel for one notebook: the spare if it fits, else a new one; retried once if the
   * start fails. With `warm`, a spare for the same request starts once this one is ready.
   * @throws `KernelStartError` when the retry fails too (its message names both attempts),
   *   `UnknownKernelError` for a kernel name other than tslab/jslab.
   */
  async acquire(request: KernelRequest, options: { warm?: boolean } = {}): Promise<AcquiredKernel> {
    const key = keyOf(request);
    const spare = this.#spare;
    this.#spare = undefined;
    if (spare && spare.key !== key) void spare.kernel.then((kernel) => kernel.shutdown(), () => {});
    const notes: string[] = [];
    let attempts = 1;
    let warm = spare?.key === key;
    let kernel: Kernel;
    try {
      kernel = warm ? await (spare as { kernel: Promise<Kernel> }).kernel : await start(request);
      if (kernel.state !== 'idle') {
        // A spare that died while it waited: its process is gone, start a new one.
        const status = await kernel.exited;
        throw new KernelStartError(`The warm ${request.kernelName} kernel exited while it waited (code ${status.code}, signal ${status.signal})`, '');
      }
    } catch (first) {
      if (!(first instanceof KernelStartError)) throw first;
      notes.push(`kernel start failed (attempt 1 of 2${warm ? ', a warm kernel' : ''}): ${headline(first)}; starting another`);
      attempts = 2;
      warm = false;
      try {
        kernel = await start(request);
      } catch (second) {
        if (!(second instanceof KernelStartError)) throw second;
        throw new KernelStartError(`${headline(second)} (attempt 2 of 2; attempt 1: ${headline(first)})`, second.stderr, { cause: first });
      }
    }
    if (options.warm && !this.#closed) {
      const next = start(request);
      next.catch(() => {}); // a failed spare is retried by whoever takes it
      this.#spare = { key, kernel: next };
    }
    return { kernel, warm, attempts, notes };
  }

  /** Shuts the spare down (if any); later acquires start no spare. */
  async close(): Promise<void> {
    this.#closed = true;
    const spare = this.#spare;
    this.#spare = undefined;
    await spare?.kernel.then((kernel) => kernel.shutdown(), () => {});
  }
}

/** The pool of this process: what sessions use unless told otherwise. */
export const kernelPool = new KernelPool();
