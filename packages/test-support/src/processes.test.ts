import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { descendants, eventually, isAlive, kernelHostChildren, processTable } from './processes.js';

const hasProc = processTable().length > 0;

describe('process probes', () => {
  it('isAlive: this process yes, no pid no, an ended child no', async () => {
    expect(isAlive(process.pid)).toBe(true);
    expect(isAlive(undefined)).toBe(false);
    const child = spawn(process.execPath, ['-e', '']);
    await once(child, 'exit');
    expect(isAlive(child.pid)).toBe(false);
  });

  it.runIf(hasProc)('descendants lists a running child with its command line, and not once it ended', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)', 'probe-marker']);
    try {
      await eventually(() => descendants(process.pid).some((p) => p.pid === child.pid), 5000, 'child listed');
      const entry = descendants(process.pid).find((p) => p.pid === child.pid);
      expect(entry?.ppid).toBe(process.pid);
      expect(entry?.cmd).toContain('probe-marker');
      expect(kernelHostChildren()).not.toContain(child.pid);
    } finally {
      child.kill();
      await once(child, 'exit');
    }
    expect(descendants(process.pid).some((p) => p.pid === child.pid)).toBe(false);
  });

  it('eventually resolves once the predicate holds, and rejects naming what did not happen', async () => {
    let calls = 0;
    await eventually(() => ++calls === 3);
    expect(calls).toBe(3);
    await expect(eventually(() => false, 60, 'the kernel exited')).rejects.toThrow('the kernel exited: not within 60 ms');
  });
});
