import type { Kernel } from '@scalable-ts/kernel';
import { describe, expect, test, vi } from 'vitest';
import { KernelSlot, type StartKernel } from './kernel-slot.js';

/** A stand-in for a started kernel: records its shutdown, exits when told. */
function fakeKernel(pid: number) {
  let exit!: (status: { code: number | null; signal: null }) => void;
  const exited = new Promise<{ code: number | null; signal: null }>((resolve) => (exit = resolve));
  const kernel = {
    pid,
    state: 'idle' as string,
    shutdowns: 0,
    interrupts: 0,
    exited,
    async shutdown() {
      kernel.shutdowns++;
      if (kernel.state !== 'dead') kernel.state = 'closed';
    },
    interrupt() {
      kernel.interrupts++;
    },
    /** The process dies on its own. */
    die(code: number) {
      kernel.state = 'dead';
      exit({ code, signal: null });
    },
  };
  return kernel;
}
type FakeKernel = ReturnType<typeof fakeKernel>;

/** A start function whose starts the test finishes by hand. */
function manualStarts() {
  const pending: { resolve: (kernel: FakeKernel) => void; reject: (error: Error) => void }[] = [];
  const start: StartKernel = () => new Promise((resolve, reject) => pending.push({ resolve: (k) => resolve(k as unknown as Kernel), reject }));
  return { start, pending };
}

function slotWith(start: StartKernel) {
  const changes: string[] = [];
  const slot: KernelSlot = new KernelSlot({ start, kernelName: 'tslab', cwd: '.', onChange: () => changes.push(slot.phase) });
  return { slot, changes };
}

describe('KernelSlot', () => {
  test('starts once for concurrent callers and reports its phases', async () => {
    const { start, pending } = manualStarts();
    const { slot, changes } = slotWith(start);
    const a = slot.ensure();
    const b = slot.ensure();
    expect(pending).toHaveLength(1);
    expect(slot.view(false)).toBe('starting');
    const kernel = fakeKernel(1);
    pending[0]?.resolve(kernel);
    expect(await a).toBe(await b);
    expect(slot.view(false)).toBe('idle');
    expect(slot.view(true)).toBe('busy');
    expect(changes).toEqual(['starting', 'ready']);
  });

  test('a kernel whose start ends after stop() is shut down, never installed', async () => {
    const { start, pending } = manualStarts();
    const { slot } = slotWith(start);
    const starting = slot.ensure();
    const stopped = slot.stop('bye');
    const late = fakeKernel(2);
    pending[0]?.resolve(late);
    await stopped;
    await expect(starting).rejects.toThrow(/stopped while it started/);
    expect(late.shutdowns).toBe(1);
    expect(slot.phase).toBe('stopped');
    expect(slot.message).toBe('bye');
    expect(slot.pid).toBeUndefined();
  });

  test('a failed start leaves the slot dead with the reason; restart tries again', async () => {
    const { start, pending } = manualStarts();
    const { slot } = slotWith(start);
    const starting = slot.ensure();
    pending[0]?.reject(new Error('no tslab here\nstack…'));
    await expect(starting).rejects.toThrow('no tslab here');
    expect(slot.view(false)).toBe('dead');
    expect(slot.message).toBe('The kernel failed to start: no tslab here');
    await expect(slot.ensure()).rejects.toThrow('The kernel failed to start');
    const restarted = slot.restart();
    await vi.waitFor(() => expect(pending).toHaveLength(2));
    pending[1]?.resolve(fakeKernel(3));
    expect((await restarted).pid).toBe(3);
  });

  test('a kernel that dies on its own makes the slot dead; interrupt only reaches a busy kernel', async () => {
    const { start, pending } = manualStarts();
    const { slot } = slotWith(start);
    const kernel = fakeKernel(4);
    const ready = slot.ensure();
    pending[0]?.resolve(kernel);
    await ready;
    expect(slot.interrupt()).toBe(false);
    kernel.state = 'busy';
    expect(slot.interrupt()).toBe(true);
    expect(kernel.interrupts).toBe(1);
    kernel.die(137);
    await kernel.exited;
    await Promise.resolve();
    expect(slot.phase).toBe('dead');
    expect(slot.message).toBe('The kernel died (exit code 137); restart it to go on');
    expect(kernel.shutdowns).toBe(1); // its sockets and connection file are released
  });
});
