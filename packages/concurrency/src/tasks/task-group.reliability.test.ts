// Reliability: random trees of children (random delays, failures, nested spawns, children that
// ignore their signal). Whatever happens, when the group settles no child is still running.
import { describe, expect, it } from 'vitest';
import { TaskGroupClosedError } from '../errors.js';
import { Chaos } from '../test-support/chaos.js';
import { sleep } from './sleep.js';
import { TaskGroup } from './task-group.js';

class Boom extends Error {}

async function trial(seed: number): Promise<void> {
  const chaos = new Chaos(seed);
  const group = new TaskGroup({ signal: chaos.signal(0.1) });
  let running = 0;
  let booms = 0;
  const child = (depth: number) => async (signal: AbortSignal): Promise<void> => {
    running++;
    try {
      await chaos.pause();
      if (depth < 3) for (let i = chaos.int(3); i > 0; i--) spawn(depth + 1);
      const ms = chaos.int(4);
      if (chaos.chance(0.2)) await sleep(ms); // ignores its signal: the group must still wait
      else await sleep(ms, { signal });
      if (chaos.chance(0.1)) {
        booms++;
        throw new Boom(`seed ${seed}`);
      }
    } finally {
      running--;
    }
  };
  const spawn = (depth: number): void => {
    try {
      group.spawn(child(depth)).catch(() => undefined);
    } catch (error) {
      expect(error).toBeInstanceOf(TaskGroupClosedError);
    }
  };
  for (let i = 1 + chaos.int(6); i > 0; i--) spawn(0);

  const outcome = await group.join().then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(running).toBe(0); // never a child left running
  expect(group.running).toBe(0);
  if (outcome instanceof AggregateError) {
    expect(outcome.errors.every((e: unknown) => e instanceof Boom)).toBe(true); // only real failures
    expect(outcome.errors.length).toBe(booms);
  } else if (outcome === undefined) {
    expect(booms).toBe(0);
  }
  expect(() => group.spawn(async () => undefined)).toThrow(TaskGroupClosedError);
}

describe('TaskGroup under random failures and aborts', () => {
  it('never leaves a child running after it settles (300 random trees)', async () => {
    for (let seed = 1; seed <= 300; seed++) await trial(seed);
  });
});
