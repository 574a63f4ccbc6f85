/**
 * A session's life with a stand-in kernel (no tslab): the idle timeout, the linger after the last
 * page, close, and the bounds on what a page can make it hold (queued runs, remembered
 * requests, output kept per cell). The real kernel's part is in session.test.ts.
 */
import { KernelDiedError, type Kernel } from '@scalable-ts/kernel';
import { createRenderer, type Renderer } from '@scalable-ts/render';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { Catalog } from './catalog.js';
import { DEFAULT_LIMITS, type WorkshopLimits } from './limits.js';
import type { ServerMessage } from './protocol.js';
import { WorkshopSession, type Peer } from './session.js';
import { fixture } from './test-support/fixtures.js';

let renderer: Renderer;
const catalog = new Catalog([fixture('second.ipynb')]);

beforeAll(async () => {
  renderer = await createRenderer({ languages: [] });
});
afterAll(() => renderer.dispose());

/**
 * A kernel that answers every cell with `ran` under a new request id (or dies on `process.exit`,
 * or waits for `release()` on `hold`) and counts its shutdowns.
 */
function standInKernel() {
  let exit!: (status: { code: number; signal: null }) => void;
  let requests = 0;
  let release = () => {};
  const kernel = {
    release: () => release(),
    pid: 4242,
    state: 'idle',
    shutdowns: 0,
    exited: new Promise<{ code: number; signal: null }>((resolve) => (exit = resolve)),
    onLateOutput: () => () => {},
    interrupt: () => {},
    async execute(code: string) {
      if (code.startsWith('process.exit')) {
        kernel.state = 'dead';
        exit({ code: 3, signal: null });
        throw Object.assign(new KernelDiedError(3, null, ''), { outputs: [{ output_type: 'stream', name: 'stdout', text: 'bye\n' }] });
      }
      if (code === 'hold') await new Promise<void>((resolve) => (release = resolve));
      return { status: 'ok', executionCount: 1, outputs: [{ output_type: 'stream', name: 'stdout', text: 'ran\n' }], requestId: `r${++requests}` };
    },
    async shutdown() {
      kernel.shutdowns++;
      kernel.state = 'closed';
    },
  };
  return kernel;
}

async function openSession(times: { idleTimeoutMs: number; lingerMs: number }, limits: Partial<WorkshopLimits> = {}) {
  const kernels: ReturnType<typeof standInKernel>[] = [];
  const abandoned: WorkshopSession[] = [];
  const loaded = await catalog.load('second');
  const session = new WorkshopSession(
    {
      entry: loaded,
      catalog,
      renderer,
      kernelName: 'tslab',
      displayPath: 'second.ipynb',
      startKernel: async () => {
        const kernel = standInKernel();
        kernels.push(kernel);
        return kernel as unknown as Kernel;
      },
      onAbandoned: (s) => abandoned.push(s),
      limits: { ...DEFAULT_LIMITS, ...limits },
      ...times,
    },
    loaded,
  );
  const messages: ServerMessage[] = [];
  const peer: Peer = { send: (message) => messages.push(message) };
  session.join(peer, loaded);
  await vi.waitFor(() => expect(kernels).toHaveLength(1));
  await vi.waitFor(() => expect(messages.at(-1)).toMatchObject({ type: 'kernel', state: 'idle' }));
  return { session, peer, kernels, abandoned, messages };
}

test('a kernel without a run for idleTimeoutMs is stopped; the next run starts a fresh one', async () => {
  const { session, peer, kernels, messages } = await openSession({ idleTimeoutMs: 100, lingerMs: 60_000 });
  await vi.waitFor(() => expect(kernels[0]?.shutdowns).toBe(1), { timeout: 2000 });
  expect(messages.at(-1)).toMatchObject({ type: 'kernel', state: 'stopped', message: expect.stringContaining('without a run') });
  await session.handle({ type: 'run', mode: 'cell', cells: [{ index: 1, source: '1 + 1' }] }, peer);
  await vi.waitFor(() => expect(messages).toContainEqual(expect.objectContaining({ type: 'cell', index: 1, state: 'ok' })));
  expect(kernels).toHaveLength(2);
  await session.close();
  expect(kernels[1]?.shutdowns).toBe(1);
});

test('the last page leaving starts the linger; a page coming back in time cancels it', async () => {
  const { session, peer, abandoned } = await openSession({ idleTimeoutMs: 60_000, lingerMs: 100 });
  session.leave(peer);
  session.join(peer, await catalog.load('second'));
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(abandoned).toEqual([]);
  session.leave(peer);
  await vi.waitFor(() => expect(abandoned).toEqual([session]), { timeout: 2000 });
  await session.close();
});

test('a kernel that dies mid-cell: the cell says why, the kernel shows dead until restarted', async () => {
  const { session, peer, kernels, messages } = await openSession({ idleTimeoutMs: 60_000, lingerMs: 60_000 });
  const run = (source: string) => session.handle({ type: 'run', mode: 'cell', cells: [{ index: 1, source }] }, peer);
  const cell = (from: number) => messages.slice(from).filter((m) => m.type === 'cell' && (m.state === 'ok' || m.state === 'error')).at(-1);
  let from = messages.length;
  await run('process.exit(3)');
  await vi.waitFor(() => expect(cell(from)).toMatchObject({ state: 'error' }));
  expect(cell(from)).toMatchObject({ html: expect.stringContaining('bye') });
  expect(cell(from)).toMatchObject({ html: expect.stringContaining('KernelDied: The kernel died (exit code 3); restart it to go on') });
  await vi.waitFor(() => expect(messages.at(-1)).toMatchObject({ type: 'kernel', state: 'dead' }));
  from = messages.length;
  await run('1');
  await vi.waitFor(() => expect(cell(from)).toMatchObject({ state: 'error', html: expect.stringContaining('restart it') }));
  expect(kernels).toHaveLength(1);
  await session.handle({ type: 'restart' }, peer);
  expect(messages.at(-1)).toMatchObject({ type: 'kernel', state: 'idle' });
  from = messages.length;
  await run('1');
  await vi.waitFor(() => expect(cell(from)).toMatchObject({ state: 'ok' }));
  expect(kernels).toHaveLength(2);
  await session.close();
});

test('a run that would overfill the queue is refused whole, saying so; what waited still runs', async () => {
  const { session, peer, kernels, messages } = await openSession({ idleTimeoutMs: 60_000, lingerMs: 60_000 }, { queuedRuns: 3 });
  const run = (...sources: string[]) => session.handle({ type: 'run', mode: 'cell', cells: sources.map((source) => ({ index: 1, source })) }, peer);
  await run('hold'); // running: not waiting
  await run('1', '2', '3');
  const from = messages.length;
  await run('4');
  expect(messages.slice(from)).toEqual([
    { type: 'problem', message: 'Refused: 4 cells would wait to run; at most 3 may wait. Interrupt, or let the queue drain.' },
  ]);
  kernels[0]?.release();
  await vi.waitFor(() => expect(messages.at(-1)).toMatchObject({ type: 'kernel', state: 'idle', queued: [] }));
  expect(messages.filter((m) => m.type === 'cell' && m.state === 'ok')).toHaveLength(4); // hold, 1, 2, 3
  await session.close();
});

test('finished requests are remembered for late output up to the bound, oldest forgotten first', async () => {
  const { session, peer, messages } = await openSession({ idleTimeoutMs: 60_000, lingerMs: 60_000 }, { rememberedRequests: 2 });
  for (const source of ['1', '2', '3', '4']) await session.handle({ type: 'run', mode: 'cell', cells: [{ index: 1, source }] }, peer);
  await vi.waitFor(() => expect(messages.filter((m) => m.type === 'cell' && m.state === 'ok')).toHaveLength(4));
  expect(session.rememberedRequests).toBe(2);
  await session.close();
});

test('a cell keeps at most outputChars of output: the latest, with a line saying what was cut', async () => {
  const { session, peer, messages } = await openSession({ idleTimeoutMs: 60_000, lingerMs: 60_000 }, { outputChars: 2 });
  await session.handle({ type: 'run', mode: 'cell', cells: [{ index: 1, source: '1' }] }, peer);
  await vi.waitFor(() => expect(messages).toContainEqual(expect.objectContaining({ type: 'cell', index: 1, state: 'ok' })));
  const done = messages.find((m) => m.type === 'cell' && m.state === 'ok');
  expect(done).toMatchObject({ html: '<div class="output output-stream output-stdout"><pre>[… 2 characters not shown]\nn\n</pre></div>' });
  await session.close();
});
