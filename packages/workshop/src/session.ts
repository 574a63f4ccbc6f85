/**
 * A notebook being worked on: its kernel, its run queue, the outputs of the cells run so far,
 * and the pages (peers) that show it.
 *
 * How it works: cells to run join a queue; one pump runs them one at a time on the session's
 * kernel, broadcasting `cell` messages as each is queued, starts, streams output (throttled to
 * one redraw per {@link OUTPUT_INTERVAL_MS}) and finishes, and `kernel` messages whenever the
 * kernel's state, the running cell or the queue change. A failing cell empties the queue (as
 * Jupyter does) unless it is tagged `raises-exception`; so do interrupt and restart. The session
 * keeps each run cell's latest outputs for pages that join later and for `save`.
 *
 * Life: the kernel starts when the first page joins; it is stopped after `idleTimeoutMs` without
 * a run (the next run starts a new one), and the session closes `lingerMs` after its last page
 * left (so a reload keeps the kernel).
 */
import { checksResultOf } from '@scalable-ts/exercises';
import type { Kernel } from '@scalable-ts/kernel';
import { appendOutputs, KernelClosedError, KernelDiedError, LateOutputRouter } from '@scalable-ts/kernel';
import { cellPolicy, firstLine, multilineText, sourceText, toMultiline, withOutputs, writeNotebook, type Notebook, type Output } from '@scalable-ts/notebook';
import type { Renderer } from '@scalable-ts/render';
import type { Catalog, CatalogEntry, LoadedNotebook } from './catalog.js';
import { ClientMessageError, NotebookChangedError } from './errors.js';
import { KernelSlot, type StartKernel } from './kernel-slot.js';
import { boundOutputs, type WorkshopLimits } from './limits.js';
import type { CellRunState, CellView, ClientMessage, KernelStatus, RunCell, RunMode, ServerMessage } from './protocol.js';
import { throttle } from './throttle.js';

/** Shortest time between two redraws of a streaming cell's outputs. */
export const OUTPUT_INTERVAL_MS = 50;

/** How often an interrupt that found no cell executing yet is tried again. */
const INTERRUPT_RETRY_MS = 50;

/** A page showing the notebook. */
export interface Peer {
  send(message: ServerMessage): void;
}

/** Options of {@link WorkshopSession}. */
export interface SessionOptions {
  readonly entry: CatalogEntry;
  readonly catalog: Catalog;
  readonly renderer: Renderer;
  readonly startKernel: StartKernel;
  readonly kernelName: string;
  readonly kernelEnv?: NodeJS.ProcessEnv;
  readonly shutdownGraceMs?: number;
  /** Stop the kernel after this long without a run. */
  readonly idleTimeoutMs: number;
  /** Close the session this long after its last page left. */
  readonly lingerMs: number;
  /** Called when the session has had no page for `lingerMs`. */
  readonly onAbandoned: (session: WorkshopSession) => void;
  /** The notebook's path as pages show it (relative to the working directory). */
  readonly displayPath: string;
  /** What a page can make the session hold (`queuedRuns`, `rememberedRequests`, `outputChars`). */
  readonly limits: Pick<WorkshopLimits, 'queuedRuns' | 'rememberedRequests' | 'outputChars'>;
}

interface Job {
  readonly index: number;
  readonly source: string;
  /** Tagged `raises-exception`: its failure does not stop the queue. */
  readonly raises: boolean;
}

interface LiveCell {
  state: CellRunState;
  outputs: Output[];
  executionCount: number | null;
}

/** An `error` output the session adds when a cell could not run to its end. */
const errorOutput = (ename: string, evalue: string): Output => ({ output_type: 'error', ename, evalue, traceback: [] });

/** One notebook's kernel, queue and pages. */
export class WorkshopSession {
  readonly name: string;
  readonly #options: SessionOptions;
  readonly #slot: KernelSlot;
  readonly #peers = new Set<Peer>();
  readonly #cells = new Map<number, LiveCell>();
  /** Which request ran which cell, for output that arrives after a cell finished (the latest `limits.rememberedRequests`). */
  readonly #requests: LateOutputRouter<number>;
  #notebook: Notebook;
  #queue: Job[] = [];
  #running: Job | undefined;
  #pumping = false;
  #idleTimer: NodeJS.Timeout | undefined;
  #lingerTimer: NodeJS.Timeout | undefined;
  #unsubscribeLate: (() => void) | undefined;
  #closed = false;

  constructor(options: SessionOptions, loaded: LoadedNotebook) {
    this.name = options.entry.name;
    this.#options = options;
    this.#notebook = loaded.notebook;
    this.#requests = new LateOutputRouter(options.limits.rememberedRequests);
    this.#slot = new KernelSlot({
      start: options.startKernel,
      kernelName: options.kernelName,
      cwd: loaded.path.replace(/[\\/][^\\/]*$/, ''),
      ...(options.kernelEnv ? { env: options.kernelEnv } : {}),
      ...(options.shutdownGraceMs !== undefined ? { shutdownGraceMs: options.shutdownGraceMs } : {}),
      onChange: () => this.#broadcastKernel(),
    });
  }

  /** The kernel's process id, while one runs. */
  get kernelPid(): number | undefined {
    return this.#slot.pid;
  }

  /** Number of pages showing the notebook. */
  get peerCount(): number {
    return this.#peers.size;
  }

  /**
   * Adds a page: sends it `hello` with the notebook as it is on disk now, and starts the kernel
   * if none runs (so it is warm by the time the learner runs a cell).
   */
  join(peer: Peer, loaded: LoadedNotebook): void {
    clearTimeout(this.#lingerTimer);
    this.#lingerTimer = undefined;
    if (this.#slot.phase === 'stopped') this.#warmUp(); // before joining: `hello` says `starting`
    this.#peers.add(peer);
    this.#notebook = loaded.notebook;
    peer.send({
      type: 'hello',
      notebook: this.name,
      version: loaded.version,
      path: this.#options.displayPath,
      sources: this.#sources(),
      kernel: this.#status(),
      cells: [...this.#cells].map(([index, live]) => this.#cellView(index, live)),
    });
  }

  /** Removes a page; the last one to leave starts the linger timer. */
  leave(peer: Peer): void {
    this.#peers.delete(peer);
    if (this.#peers.size > 0 || this.#closed) return;
    clearTimeout(this.#lingerTimer);
    this.#lingerTimer = setTimeout(() => {
      if (this.#peers.size === 0) this.#options.onAbandoned(this);
    }, this.#options.lingerMs);
    this.#lingerTimer.unref();
  }

  /**
   * Acts on a page's message. Problems the learner should see (a stale save, a bad cell index)
   * are answered to that page as `problem`.
   */
  async handle(message: ClientMessage, from: Peer): Promise<void> {
    try {
      switch (message.type) {
        case 'run':
          return this.#enqueue(message.cells, message.mode);
        case 'interrupt':
          return this.#interrupt();
        case 'restart':
          this.#cancelQueue();
          // A failed start is reported by the slot (state `dead`, with its message).
          return await this.#slot.restart().then((kernel) => this.#ready(kernel), () => undefined);
        case 'clear':
          for (const index of this.#cells.keys()) if (index !== this.#running?.index) this.#cells.delete(index);
          return this.#broadcast({ type: 'cleared' });
        case 'save':
          return await this.#save(message.version, message.sources);
      }
    } catch (error) {
      from.send({ type: 'problem', message: firstLine(error) });
    }
  }

  /** Stops the kernel and every timer; the session cannot be used afterwards. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#idleTimer);
    clearTimeout(this.#lingerTimer);
    this.#queue = [];
    this.#unsubscribeLate?.();
    await this.#slot.stop('The workshop server stopped');
  }

  #sources(): (string | null)[] {
    return this.#notebook.cells.map((cell) => (cell.cell_type === 'code' ? sourceText(cell) : null));
  }

  #warmUp(): void {
    this.#slot.ensure().then(
      (kernel) => this.#ready(kernel),
      () => undefined, // the slot reports it as `dead` with its message
    );
  }

  #ready(kernel: Kernel): void {
    this.#unsubscribeLate?.();
    this.#unsubscribeLate = this.#requests.follow(kernel, (index, outputs) => {
      const live = this.#cells.get(index);
      if (!live) return;
      live.outputs = boundOutputs(appendOutputs(live.outputs, outputs), this.#options.limits.outputChars);
      this.#broadcastCell(index, live);
    });
    this.#armIdle();
  }

  #enqueue(cells: readonly RunCell[], mode: RunMode): void {
    const jobs: Job[] = [];
    for (const { index, source } of cells) {
      const cell = this.#notebook.cells[index];
      if (cell?.cell_type !== 'code') throw new ClientMessageError(`Cell ${index} is not a code cell of ${this.name}`);
      const policy = cellPolicy(cell);
      if (mode === 'to-here' && policy.skip) continue;
      jobs.push({ index, source, raises: policy.raises });
    }
    const { queuedRuns } = this.#options.limits;
    if (this.#queue.length + jobs.length > queuedRuns) {
      throw new ClientMessageError(
        `Refused: ${this.#queue.length + jobs.length} cells would wait to run; at most ${queuedRuns} may wait. Interrupt, or let the queue drain.`,
      );
    }
    for (const job of jobs) {
      this.#queue.push(job);
      this.#setCell(job.index, { state: 'queued', outputs: this.#cells.get(job.index)?.outputs ?? [], executionCount: null }, false);
    }
    this.#broadcastKernel();
    void this.#pump();
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    clearTimeout(this.#idleTimer);
    try {
      for (let job = this.#queue.shift(); job && !this.#closed; job = this.#queue.shift()) {
        this.#running = job;
        await this.#run(job);
        this.#running = undefined;
      }
    } finally {
      this.#pumping = false;
      this.#running = undefined;
      this.#broadcastKernel();
      this.#armIdle();
    }
  }

  async #run(job: Job): Promise<void> {
    let kernel: Kernel;
    try {
      const starting = this.#slot.phase !== 'ready';
      this.#broadcastKernel();
      kernel = await this.#slot.ensure();
      if (starting) this.#ready(kernel);
    } catch (error) {
      this.#setCell(job.index, { state: 'error', outputs: [errorOutput('KernelUnavailable', firstLine(error))], executionCount: null });
      return this.#cancelQueue();
    }
    const live: LiveCell = { state: 'running', outputs: [], executionCount: null };
    this.#setCell(job.index, live);
    this.#broadcastKernel();
    const redraw = throttle((outputs: readonly Output[]) => {
      live.outputs = boundOutputs(outputs, this.#options.limits.outputChars);
      this.#broadcastCell(job.index, live);
    }, OUTPUT_INTERVAL_MS);
    try {
      const result = await kernel.execute(job.source, { onOutput: redraw });
      redraw.cancel();
      this.#requests.remember(result.requestId, job.index);
      const failed = result.status !== 'ok';
      this.#setCell(job.index, { state: failed ? 'error' : 'ok', outputs: result.outputs, executionCount: result.executionCount });
      if (failed && !job.raises) this.#cancelQueue();
    } catch (error) {
      redraw.cancel();
      const outputs = (error as { outputs?: Output[] }).outputs ?? live.outputs;
      const why =
        error instanceof KernelDiedError
          ? errorOutput('KernelDied', this.#slot.message ?? firstLine(error))
          : error instanceof KernelClosedError
            ? errorOutput('KernelStopped', 'The kernel was restarted or stopped before this cell finished')
            : errorOutput('Error', firstLine(error));
      this.#setCell(job.index, { state: 'error', outputs: [...outputs, why], executionCount: null });
      this.#cancelQueue();
    }
  }

  /**
   * Empties the queue and interrupts the running cell. The kernel may not have begun executing it
   * yet (it pauses briefly after an error), so the interrupt is retried until it lands or the
   * cell is over.
   */
  #interrupt(): void {
    this.#cancelQueue();
    const job = this.#running;
    const attempt = () => {
      if (this.#running !== job || this.#closed || this.#slot.interrupt()) return;
      setTimeout(attempt, INTERRUPT_RETRY_MS).unref();
    };
    if (job) attempt();
  }

  #cancelQueue(): void {
    const cancelled = this.#queue;
    this.#queue = [];
    for (const job of cancelled) {
      const live = this.#cells.get(job.index);
      if (live?.state === 'queued') this.#setCell(job.index, { ...live, state: 'cancelled' });
    }
    this.#broadcastKernel();
  }

  #armIdle(): void {
    clearTimeout(this.#idleTimer);
    if (this.#closed || this.#slot.phase !== 'ready') return;
    this.#idleTimer = setTimeout(() => {
      if (this.#pumping || this.#slot.phase !== 'ready') return;
      const minutes = Math.round(this.#options.idleTimeoutMs / 60_000);
      void this.#slot.stop(`Stopped after ${minutes} min without a run; the next run starts a new kernel`);
    }, this.#options.idleTimeoutMs);
    this.#idleTimer.unref();
  }

  async #save(version: string, sources: readonly RunCell[]): Promise<void> {
    const loaded = await this.#options.catalog.load(this.name);
    if (loaded.version !== version) throw new NotebookChangedError(this.#options.displayPath);
    const nb = loaded.notebook;
    for (const { index, source } of sources) {
      const cell = nb.cells[index];
      if (cell?.cell_type !== 'code') throw new ClientMessageError(`Cell ${index} is not a code cell of ${this.name}`);
      cell.source = toMultiline(source);
    }
    const runs = [...this.#cells].flatMap(([index, live]) =>
      live.state === 'ok' || live.state === 'error' ? [[index, { outputs: live.outputs, executionCount: live.executionCount }] as const] : [],
    );
    await writeNotebook(loaded.path, withOutputs(nb, runs));
    const saved = await this.#options.catalog.load(this.name);
    this.#notebook = saved.notebook;
    this.#broadcast({ type: 'saved', version: saved.version, path: this.#options.displayPath, sources: this.#sources() });
  }

  /** How many finished requests the session remembers now (for tests and diagnostics). */
  get rememberedRequests(): number {
    return this.#requests.size;
  }

  #status(): KernelStatus {
    const message = this.#slot.message;
    return {
      state: this.#slot.view(this.#running !== undefined),
      running: this.#running?.index ?? null,
      queued: this.#queue.map((job) => job.index),
      ...(message ? { message } : {}),
    };
  }

  #cellView(index: number, live: LiveCell): CellView {
    const view: CellView = { index, state: live.state, html: this.#options.renderer.renderOutputs(live.outputs), executionCount: live.executionCount };
    const checks = checksResultOf(live.outputs);
    const cell = this.#notebook.cells[index];
    const predict = cell?.cell_type === 'code' && cellPolicy(cell).predict && (live.state === 'ok' || live.state === 'error');
    const stdout = predict ? live.outputs.flatMap((o) => (o.output_type === 'stream' && o.name === 'stdout' ? [multilineText(o.text)] : [])).join('') : undefined;
    return { ...view, ...(checks ? { checks } : {}), ...(stdout !== undefined ? { stdout } : {}) };
  }

  #setCell(index: number, live: LiveCell, broadcast = true): void {
    live.outputs = boundOutputs(live.outputs, this.#options.limits.outputChars);
    this.#cells.set(index, live);
    if (broadcast) this.#broadcastCell(index, live);
    else this.#broadcast({ type: 'cell', index, state: live.state });
  }

  #broadcastCell(index: number, live: LiveCell): void {
    this.#broadcast({ type: 'cell', ...this.#cellView(index, live) });
  }

  #broadcastKernel(): void {
    this.#broadcast({ type: 'kernel', ...this.#status() });
  }

  #broadcast(message: ServerMessage): void {
    for (const peer of this.#peers) peer.send(message);
  }
}
