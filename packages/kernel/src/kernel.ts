/**
 * A running tslab kernel and the client that drives it.
 *
 * How it works: `Kernel.start` writes a connection file (free ports, random key), spawns the
 * kernel in the notebook's folder, connects shell, control and iopub, and calls the kernel ready
 * once a `kernel_info_request` has been answered on shell *and* its busy/idle status has arrived
 * on iopub (so no output of the first cell can be lost to a late subscription). `execute` sends
 * one `execute_request` at a time and settles when both its `execute_reply` and its iopub `idle`
 * have arrived. The process's exit rejects whatever is waiting with {@link KernelDiedError}.
 */
import type { Output } from '@scalable-ts/notebook';
import { createConnectionInfo, writeConnectionFile, type ConnectionFile } from './connection.js';
import { KernelClosedError, KernelDiedError, KernelStartError } from './errors.js';
import { kernelSpec, type KernelSpec } from './kernelspecs.js';
import { createMessage, type ExecuteReplyContent, type Message } from './messages.js';
import { OutputCollector } from './outputs.js';
import { spawnKernel, type ExitStatus, type KernelProcess } from './process.js';
import { KernelSockets, type RequestChannel } from './sockets.js';

/** Options of {@link Kernel.start}. */
export interface StartOptions {
  /** `tslab` (TypeScript, the default) or `jslab` (JavaScript). */
  kernelName?: string;
  /** The kernel's working directory: the notebook's folder, so types resolve as in Jupyter. */
  cwd?: string;
  /** Environment of the kernel process. Default: this process's. */
  env?: NodeJS.ProcessEnv;
  /**
   * How long the kernel may take to answer its first `kernel_info_request`. Default 60 s: tslab
   * loads the TypeScript compiler first, which takes 1.5 s on an idle machine and tens of seconds
   * on two cores shared with CPU-bound work.
   */
  startTimeoutMs?: number;
  /** How long {@link Kernel.shutdown} waits for a clean exit before SIGKILL. Default 2 s. */
  shutdownGraceMs?: number;
}

/** Options of {@link Kernel.execute}. */
export interface ExecuteOptions {
  /** Called whenever the outputs change, with all outputs so far (for live display). */
  onOutput?: (outputs: readonly Output[]) => void;
}

/** What a cell's execution produced. */
export interface ExecuteResult {
  /** `ok`, `error` (tslab's only failure signal: it sends no iopub `error`), or `abort`. */
  status: 'ok' | 'error' | 'abort';
  executionCount: number | null;
  outputs: Output[];
  /** The raw `execute_reply` content. */
  reply: ExecuteReplyContent;
  /** Wall time from request to idle. */
  ms: number;
  /** The `msg_id` of the request, as {@link LateOutput.requestId} names it. */
  requestId: string;
}

/** Output published for a request that had already finished (late async work of a cell). */
export interface LateOutput {
  /** The `msg_id` of the finished request. */
  requestId: string;
  outputs: Output[];
}

/** The kernel's state, as a front end shows it. */
export type KernelState = 'starting' | 'idle' | 'busy' | 'dead' | 'closed';

interface Pending {
  resolve(message: Message): void;
  reject(error: Error): void;
}

/** tslab answers `abort` to requests that arrive within 200 ms of an error; wait this long after one. */
const ABORT_WINDOW_MS = 220;
const MAX_PORT_RETRIES = 3;
const INTERRUPT_REPEAT_MS = 250;
const HANDSHAKE_POLL_MS = 100;
const DEFAULT_START_TIMEOUT_MS = 60_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A client connected to a running tslab kernel. */
export class Kernel {
  /** Which of tslab's kernels this is. */
  readonly spec: KernelSpec;
  readonly #process: KernelProcess;
  readonly #sockets: KernelSockets;
  readonly #connectionFile: ConnectionFile;
  readonly #session = crypto.randomUUID();
  readonly #graceMs: number;
  readonly #replies = new Map<string, Pending>();
  readonly #idle = new Map<string, Pending>();
  readonly #collectors = new Map<string, { collector: OutputCollector; onOutput?: ExecuteOptions['onOutput'] }>();
  readonly #finished = new Set<string>();
  readonly #lateListeners = new Set<(late: LateOutput) => void>();
  #state: KernelState = 'starting';
  #queue: Promise<unknown> = Promise.resolve();
  #lastErrorAt = 0;
  /** The `msg_id` of the execute request in flight. */
  #running: string | undefined;
  #death: KernelDiedError | undefined;

  private constructor(spec: KernelSpec, kernelProcess: KernelProcess, sockets: KernelSockets, file: ConnectionFile, graceMs: number) {
    this.spec = spec;
    this.#process = kernelProcess;
    this.#sockets = sockets;
    this.#connectionFile = file;
    this.#graceMs = graceMs;
    void kernelProcess.exited.then((status) => this.#onExit(status));
  }

  /**
   * Starts a kernel and resolves once it answers.
   *
   * @example
   * ```ts
   * const kernel = await Kernel.start({ kernelName: 'tslab', cwd: 'notebooks' });
   * const { status, outputs } = await kernel.execute('console.log(1 + 1)');
   * await kernel.shutdown();
   * ```
   * @throws {@link UnknownKernelError} for a name other than `tslab`/`jslab`;
   *   {@link KernelStartError} when the process exits or stays silent.
   */
  static async start(options: StartOptions = {}): Promise<Kernel> {
    const spec = kernelSpec(options.kernelName ?? 'tslab');
    for (let attempt = 1; ; attempt++) {
      const info = await createConnectionInfo(spec.name);
      const file = await writeConnectionFile(info);
      const kernelProcess = spawnKernel(file.path, { js: spec.js, cwd: options.cwd ?? process.cwd(), ...(options.env ? { env: options.env } : {}) });
      const route: { to?: Kernel } = {};
      const sockets = new KernelSockets(info, {
        onReply: (channel, message) => route.to?.onMessage(channel, message),
        onIopub: (message) => route.to?.onMessage('iopub', message),
        onProtocolError: () => {},
      });
      const kernel = (route.to = new Kernel(spec, kernelProcess, sockets, file, options.shutdownGraceMs ?? 2000));
      try {
        await kernel.#handshake(options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
        kernel.#state = 'idle';
        return kernel;
      } catch (error) {
        await kernel.shutdown();
        const portTaken = /EADDRINUSE|Address already in use/i.test(kernelProcess.stderrTail());
        if (portTaken && attempt < MAX_PORT_RETRIES) continue;
        throw error;
      }
    }
  }

  /** The kernel process's id. */
  get pid(): number | undefined {
    return this.#process.child.pid;
  }

  /** `idle`, `busy`, `dead` (the process exited on its own) or `closed` (shut down). */
  get state(): KernelState {
    return this.#state;
  }

  /** Settles with the exit code and signal once the kernel process has exited. */
  get exited(): Promise<ExitStatus> {
    return this.#process.exited;
  }

  /**
   * Runs `code` and gathers its outputs. Requests are queued: one runs at a time.
   * Rejects with {@link KernelDiedError} if the kernel exits before the cell finishes.
   */
  execute(code: string, options: ExecuteOptions = {}): Promise<ExecuteResult> {
    const run = this.#queue.then(() => this.#executeNow(code, options));
    this.#queue = run.catch(() => {});
    return run;
  }

  /** Asks the kernel for its `kernel_info_reply` content (language, versions, banner). */
  async kernelInfo(): Promise<Record<string, unknown>> {
    if (this.#death) throw this.#death;
    if (this.#state === 'closed') throw new KernelClosedError('answer kernel_info_request');
    const request = createMessage('kernel_info_request', this.#session, {});
    const reply = this.#expect(this.#replies, request.header.msg_id);
    await this.#sockets.send('shell', request);
    return (await reply).content;
  }

  /**
   * Interrupts the running cell (SIGINT: tslab stops a busy loop or a pending `await`).
   * A SIGINT that lands while tslab is still compiling the cell is lost, so it is repeated every
   * 250 ms until that cell's request has finished; a SIGINT to an idle tslab does nothing.
   */
  interrupt(): void {
    const target = this.#running;
    if (target === undefined) return;
    const signal = () => {
      if (this.#running !== target || this.#state !== 'busy') return;
      this.#process.child.kill('SIGINT');
      setTimeout(signal, INTERRUPT_REPEAT_MS).unref();
    };
    signal();
  }

  /** Subscribes to output that arrives for requests that already finished; returns an unsubscribe. */
  onLateOutput(listener: (late: LateOutput) => void): () => void {
    this.#lateListeners.add(listener);
    return () => this.#lateListeners.delete(listener);
  }

  /**
   * Asks the kernel to exit (`shutdown_request` on control), kills it after the grace period,
   * and releases sockets and the connection file. Safe to call more than once.
   */
  async shutdown(): Promise<void> {
    if (this.#state !== 'dead' && this.#state !== 'closed') {
      this.#state = 'closed';
      const bye = createMessage('shutdown_request', this.#session, { restart: false });
      await Promise.race([this.#sockets.send('control', bye).catch(() => {}), sleep(100)]);
      const exited = await Promise.race([this.#process.exited.then(() => true), sleep(this.#graceMs).then(() => false)]);
      if (!exited) {
        this.#process.child.kill('SIGKILL');
        await this.#process.exited;
      }
    }
    if (this.#state === 'dead') this.#state = 'closed';
    this.#rejectAll(new KernelClosedError('answer requests'));
    this.#sockets.close();
    await this.#connectionFile.remove();
  }

  async #handshake(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const failed = Promise.race([
      this.#process.exited.then((status) => {
        throw new KernelStartError(`The ${this.spec.name} kernel exited during start-up (code ${status.code}, signal ${status.signal})`, this.#process.stderrTail());
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new KernelStartError(`The ${this.spec.name} kernel did not answer kernel_info_request within ${timeoutMs} ms`, this.#process.stderrTail())),
          timeoutMs,
        );
      }),
    ]);
    failed.catch(() => {});
    let answered = false;
    let published = false;
    try {
      while (!(answered && published)) {
        const request = createMessage('kernel_info_request', this.#session, {});
        const reply = this.#expect(this.#replies, request.header.msg_id);
        const status = this.#expect(this.#idle, request.header.msg_id);
        reply.then(() => (answered = true), () => {});
        status.then(() => (published = true), () => {});
        // A send waits until the kernel has bound its port, so it races the failures too.
        await Promise.race([this.#sockets.send('shell', request), failed]);
        await Promise.race([Promise.all([reply, status]), sleep(HANDSHAKE_POLL_MS), failed]);
      }
    } catch (error) {
      // An exit rejects the pending requests first: it is still a failed start, as `failed` says.
      if (error instanceof KernelDiedError) await failed;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async #executeNow(code: string, options: ExecuteOptions): Promise<ExecuteResult> {
    for (;;) {
      const result = await this.#executeOnce(code, options);
      if (result.status !== 'abort') return result;
      // Only possible if a request slipped into tslab's 200 ms abort window: run it again.
    }
  }

  async #executeOnce(code: string, options: ExecuteOptions): Promise<ExecuteResult> {
    if (this.#death) throw this.#death;
    if (this.#state === 'closed') throw new KernelClosedError('execute code');
    const sinceError = Date.now() - this.#lastErrorAt;
    if (sinceError < ABORT_WINDOW_MS) await sleep(ABORT_WINDOW_MS - sinceError);
    const started = performance.now();
    const request = createMessage('execute_request', this.#session, {
      code,
      silent: false,
      store_history: true,
      user_expressions: {},
      allow_stdin: false,
      stop_on_error: false,
    });
    const id = request.header.msg_id;
    const collector = new OutputCollector();
    this.#collectors.set(id, { collector, ...(options.onOutput ? { onOutput: options.onOutput } : {}) });
    const reply = this.#expect(this.#replies, id);
    const idle = this.#expect(this.#idle, id);
    this.#state = 'busy';
    this.#running = id;
    try {
      await this.#sockets.send('shell', request);
      const [replyMessage] = await Promise.all([reply, idle]);
      const content = replyMessage.content as unknown as ExecuteReplyContent;
      const status = content.status === 'ok' ? 'ok' : content.status === 'error' ? 'error' : 'abort';
      if (status === 'error') this.#lastErrorAt = Date.now();
      return { status, executionCount: content.execution_count ?? null, outputs: [...collector.outputs], reply: content, ms: performance.now() - started, requestId: id };
    } catch (error) {
      if (error instanceof KernelDiedError) Object.assign(error, { outputs: [...collector.outputs] });
      throw error;
    } finally {
      this.#collectors.delete(id);
      this.#finished.add(id);
      this.#running = undefined;
      if (this.#state === 'busy') this.#state = 'idle';
    }
  }

  #expect(table: Map<string, Pending>, id: string): Promise<Message> {
    return new Promise<Message>((resolve, reject) => {
      table.set(id, {
        resolve: (message) => {
          table.delete(id);
          resolve(message);
        },
        reject,
      });
    });
  }

  /** @internal Routes a message from the sockets. */
  private onMessage(channel: RequestChannel | 'iopub', message: Message): void {
    const id = message.parent_header.msg_id;
    if (!id) return;
    if (channel !== 'iopub') {
      this.#replies.get(id)?.resolve(message);
      return;
    }
    if (message.header.msg_type === 'status') {
      if (message.content['execution_state'] === 'idle') this.#idle.get(id)?.resolve(message);
      return;
    }
    const active = this.#collectors.get(id);
    if (active) {
      if (active.collector.add(message)) active.onOutput?.(active.collector.outputs);
      return;
    }
    if (this.#finished.has(id) && this.#lateListeners.size > 0) {
      const late = new OutputCollector();
      if (late.add(message)) for (const listener of this.#lateListeners) listener({ requestId: id, outputs: [...late.outputs] });
    }
  }

  #onExit(status: ExitStatus): void {
    if (this.#state === 'closed') return;
    this.#state = 'dead';
    this.#death = new KernelDiedError(status.code, status.signal, this.#process.stderrTail());
    this.#rejectAll(this.#death);
  }

  #rejectAll(error: Error): void {
    for (const table of [this.#replies, this.#idle]) {
      for (const pending of table.values()) pending.reject(error);
      table.clear();
    }
  }
}
