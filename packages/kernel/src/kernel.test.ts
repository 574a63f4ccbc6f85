import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { multilineText, type Output } from '@scalable-ts/notebook';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelDiedError, UnknownKernelError } from './errors.js';
import { Kernel } from './kernel.js';
import { eventually, isAlive } from '@scalable-ts/test-support';

const cwd = fileURLToPath(new URL('..', import.meta.url));
const stream = (name: 'stdout' | 'stderr') => (outputs: readonly Output[]) =>
  outputs.map((o) => (o.output_type === 'stream' && o.name === name ? multilineText(o.text) : '')).join('');
const stdout = stream('stdout');
const stderr = stream('stderr');

describe('Kernel (tslab)', () => {
  let kernel: Kernel;
  beforeAll(async () => {
    kernel = await Kernel.start({ cwd });
  });
  afterAll(async () => {
    await kernel.shutdown();
  });

  it('is idle after start and runs TypeScript, value as stdout text', async () => {
    expect(kernel.state).toBe('idle');
    const result = await kernel.execute('const answer: number = 6 * 7; answer');
    expect(result.status).toBe('ok');
    expect(stdout(result.outputs)).toBe('42\n');
    expect(result.executionCount).toBeGreaterThan(0);
  });

  it('reports a type error as status error with the message on stderr', async () => {
    const result = await kernel.execute('const n: number = "text"');
    expect(result.status).toBe('error');
    expect(stderr(result.outputs)).toMatch(/Type 'string' is not assignable to type 'number'/);
  });

  it('runs the next cell right after an error instead of getting it aborted', async () => {
    await kernel.execute('throw new Error("first")');
    const result = await kernel.execute('"second"');
    expect(result.status).toBe('ok');
    expect(stdout(result.outputs)).toBe('second\n');
  });

  it('prints the same on every Node: no Web Storage warning when a library looks for localStorage', async () => {
    const result = await kernel.execute('[typeof (globalThis as { localStorage?: unknown }).localStorage, typeof (globalThis as { sessionStorage?: unknown }).sessionStorage]');
    expect(stderr(result.outputs)).toBe('');
    expect(stdout(result.outputs)).toBe("[ 'undefined', 'undefined' ]\n");
  });

  it('supports top-level await and keeps state between cells', async () => {
    await kernel.execute('let counter = 1');
    const result = await kernel.execute('await new Promise((r) => setTimeout(r, 20)); counter + 1');
    expect(stdout(result.outputs)).toBe('2\n');
  });

  it('gathers display data and its updates', async () => {
    const result = await kernel.execute(
      'import * as tslab from "tslab"; const d = tslab.newDisplay(); d.text("0%"); d.text("100%"); tslab.display.html("<b>hi</b>")',
    );
    expect(result.status).toBe('ok');
    const displays = result.outputs.filter((o) => o.output_type === 'display_data');
    expect(displays.map((o) => ('data' in o ? o.data : null))).toEqual([{ 'text/plain': '100%' }, { 'text/html': '<b>hi</b>' }]);
  });

  it('interrupts a busy loop with SIGINT', async () => {
    const running = kernel.execute('while (true) {}');
    setTimeout(() => kernel.interrupt(), 300);
    const result = await running;
    expect(result.status).toBe('error');
    expect(stderr(result.outputs)).toMatch(/interrupted/i);
    expect((await kernel.execute('"alive"')).status).toBe('ok');
  });

  it('interrupts an await that never settles', async () => {
    const running = kernel.execute('await new Promise(() => {})');
    setTimeout(() => kernel.interrupt(), 300);
    expect((await running).status).toBe('error');
  });

  it('loses no message over hundreds of cells (tslab overlapping zeromq sends, mended in the host)', async () => {
    // zeromq 6 defers a send after 512 synchronous ones; tslab then lost a message every ~170 cells.
    for (let i = 0; i < 600; i++) {
      const result = await kernel.execute(`${i}`);
      if (stdout(result.outputs) !== `${i}\n`) throw new Error(`cell ${i} printed ${JSON.stringify(result.outputs)}`);
    }
  }, 120_000);

  it('hands output of a finished cell to late-output listeners', async () => {
    const late: string[] = [];
    const stop = kernel.onLateOutput(({ outputs }) => late.push(stdout(outputs)));
    await kernel.execute('setTimeout(() => console.log("later"), 50); undefined');
    await eventually(() => late.includes('later\n'));
    stop();
  });
});

describe('Kernel lifecycle', () => {
  it('starts the JavaScript kernel for jslab', async () => {
    const kernel = await Kernel.start({ kernelName: 'jslab', cwd });
    try {
      const result = await kernel.execute('const x = 2; x ** 10');
      expect(stdout(result.outputs)).toBe('1024\n');
      expect(kernel.spec.language).toBe('javascript');
    } finally {
      await kernel.shutdown();
    }
  });

  it('refuses an unknown kernel name', async () => {
    await expect(Kernel.start({ kernelName: 'python3' })).rejects.toThrow(UnknownKernelError);
  });

  it('surfaces process.exit as KernelDiedError on the running cell, then refuses work', async () => {
    const kernel = await Kernel.start({ cwd });
    const error = await kernel.execute('console.log("bye"); process.exit(3)').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KernelDiedError);
    expect((error as KernelDiedError).exitCode).toBe(3);
    expect(kernel.state).toBe('dead');
    await expect(kernel.execute('1')).rejects.toThrow(KernelDiedError);
    await kernel.shutdown();
  });

  it('lets an idle kernel exit by itself on shutdown_request, without a kill', async () => {
    const kernel = await Kernel.start({ cwd, shutdownGraceMs: 10_000 });
    await kernel.execute('1');
    const started = Date.now();
    await kernel.shutdown();
    expect(await kernel.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('shuts down cleanly and kills a kernel stuck in a busy loop', async () => {
    const kernel = await Kernel.start({ cwd, shutdownGraceMs: 300 });
    const pid = kernel.pid;
    void kernel.execute('while (true) {}').catch(() => {});
    await new Promise((r) => setTimeout(r, 100));
    await kernel.shutdown();
    expect(isAlive(pid)).toBe(false);
    expect(kernel.state).toBe('closed');
  });

  it('never outlives its parent, even one killed with SIGKILL', async () => {
    const script = `
      import { Kernel } from ${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)};
      const kernel = await Kernel.start({ cwd: ${JSON.stringify(cwd)} });
      console.log(kernel.pid);
      process.kill(process.pid, 'SIGKILL');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    await new Promise((resolve) => child.once('exit', resolve));
    const pid = Number(out.trim());
    expect(pid).toBeGreaterThan(0);
    await eventually(() => !isAlive(pid));
  });
});
