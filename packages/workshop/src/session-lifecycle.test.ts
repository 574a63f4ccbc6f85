/**
 * A session's life with a stand-in kernel (no tslab): the idle timeout, the linger after the last
 * page, and close. The real kernel's part is in session.test.ts.
 */
import { KernelDiedError, type Kernel } from '@scalable-ts/kernel';
import { createRenderer, type Renderer } from '@scalable-ts/render';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { Catalog } from './catalog.js';
import type { ServerMessage } from './protocol.js';
import { NotebookSession, type Peer } from './session.js';
import { fixture } from './test-support/fixtures.js';

let renderer: Renderer;
const catalog = new Catalog([fixture('second.ipynb')]);

beforeAll(async () => {
  renderer = await createRenderer({ languages: [] });
});
afterAll(() => renderer.dispose());

/** A kernel that answers every cell with `ran` (or dies on `process.exit`) and counts its shutdowns. */
function standInKernel() {
  let exit!: (status: { code: number; signal: null }) => void;
  const kernel = {
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
      return { status: 'ok', executionCount: 1, outputs: [{ output_type: 'stream', name: 'stdout', text: 'ran\n' }], requestId: 'r1' };
    },
    async shutdown() {
      kernel.shutdowns++;
      kernel.state = 'closed';
    },
  };
  return kernel;
}

async function openSession(times: { idleTimeoutMs: number; lingerMs: number }) {
  const kernels: ReturnType<typeof standInKernel>[] = [];
  const abandoned: NotebookSession[] = [];
  const loaded = await catalog.load('second');
  const session = new NotebookSession(
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
