// The hand-made workers of notebooks 06-threads and 07-processes, one file for all of them:
// `new Worker(file, { workerData: { demo: "squarer", … } })` runs the demo named in workerData.
// (The WorkerPool's task module is threads.mjs; this file is for workers started by hand. The
// bare echo worker that the start-up timings use is echo-worker.mjs: this file imports a package,
// and every worker started on it pays for loading that package into its own isolate.)
import { parentPort, workerData, threadId } from 'node:worker_threads';
import { Mutex, AtomicCounter } from '@scalable-ts/concurrency';

/** Blocks this thread for `ms` milliseconds without using the CPU, like Python's time.sleep. */
const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Says "ready" (modules loaded, about to wait), then waits for the starting gun: a shared Int32
 * that the main thread sets to 1 and notifies once every worker is ready. With
 * `workerData.parties`, it then spins until that many workers are awake (slot 1 counts them), so
 * that on a busy machine no worker finishes its loop before the others have even started.
 */
function waitForGun() {
  const gun = new Int32Array(workerData.gun);
  parentPort.postMessage('ready');
  Atomics.wait(gun, 0, 0);
  if (workerData.parties === undefined) return;
  Atomics.add(gun, 1, 1);
  while (Atomics.load(gun, 1) < workerData.parties); // a spin barrier
}

/** Runs `loop` after the starting gun and reports how long it took, in ms. */
function timed(loop) {
  waitForGun();
  const start = performance.now();
  loop();
  parentPort.postMessage({ ms: performance.now() - start });
}

const demos = {
  /** Squares every number it receives, plus the offset from workerData, until "stop". */
  squarer() {
    parentPort.postMessage({ threadId, offset: workerData.offset });
    parentPort.on('message', (n) => {
      if (n === 'stop') parentPort.close(); // nothing left to wait for: the thread ends
      else parentPort.postMessage(n * n + workerData.offset);
    });
  },
  /** An uncaught exception: the worker ends with exit code 1 and an "error" event. */
  thrower() {
    throw new TypeError('bad config');
  },
  /** process.exit inside a worker ends the worker only. */
  quitter() {
    process.exit(3);
  },
  /** The course's two threads: one counts up, one counts down, sleeping between steps. */
  counter() {
    waitForGun();
    const { who, from, to, stepMs } = workerData;
    const step = from < to ? 1 : -1;
    for (let n = from; n !== to + step; n += step) {
      parentPort.postMessage({ who, n, at: process.hrtime.bigint() });
      sleepSync(stepMs);
    }
  },
  /**
   * Scheduler latency: sleeps in Atomics.wait until the main thread writes a timestamp into
   * slot 0 and notifies; on waking writes (now - timestamp) into slot 1; `rounds` times.
   */
  wakeUp() {
    const stamps = new BigInt64Array(workerData.stamps);
    const flag = new Int32Array(workerData.flag);
    for (let round = 0; round < workerData.rounds; round++) {
      Atomics.wait(flag, 0, 0); // sleep until flag[0] becomes 1
      stamps[1] = process.hrtime.bigint() - stamps[0];
      Atomics.store(flag, 0, 0);
      Atomics.notify(flag, 0); // tell the main thread the answer is there
    }
  },
  /**
   * Notebook 07: tries process.abort() (refused in a worker) and reports the error code, then
   * fills its heap with `count` objects, says "holding" and waits to be terminated.
   */
  hoarder() {
    try {
      process.abort();
    } catch (error) {
      parentPort.postMessage(error.code);
    }
    globalThis.hoard = Array.from({ length: workerData.count }, (_, i) => ({ i, pad: 'x'.repeat(64) + i }));
    parentPort.postMessage('holding');
    setInterval(() => {}, 60_000); // stay alive until terminated
  },
  /**
   * counter[0]++ (read, add, write, not atomic) `times` times, then on until every worker has
   * done its `times` (slot 2 of the gun counts them): so the loops overlap even when a busy
   * machine runs one worker late. Adds how many increments it made to counter[1], atomically.
   */
  racy() {
    const counter = new Int32Array(workerData.counter);
    const gun = new Int32Array(workerData.gun);
    timed(() => {
      let made = 0;
      for (; made < workerData.times; made++) counter[0]++;
      Atomics.add(gun, 2, 1);
      while (Atomics.load(gun, 2) < workerData.parties) {
        for (let i = 0; i < 1_000; i++, made++) counter[0]++;
      }
      Atomics.add(counter, 1, made);
    });
  },
  /** Atomics.add: the read, the add and the write as one indivisible step. */
  atomic() {
    const counter = new Int32Array(workerData.counter);
    timed(() => {
      for (let i = 0; i < workerData.times; i++) Atomics.add(counter, 0, 1);
    });
  },
  /** A Mutex over shared memory taken once per `batch` increments (batch 1: every increment). */
  locked() {
    const lock = new Mutex(workerData.lock); // the same lock: the same shared memory
    const counter = new Int32Array(workerData.counter);
    const { times, batch } = workerData;
    timed(() => {
      for (let done = 0; done < times; done += batch) {
        lock.withLock(() => {
          for (let i = 0; i < batch; i++) counter[0]++;
        });
      }
    });
  },
  /** The package's AtomicCounter, rebuilt on the same shared memory. */
  atomicCounter() {
    const counter = new AtomicCounter(workerData.counter);
    timed(() => {
      for (let i = 0; i < workerData.times; i++) counter.increment();
    });
  },
};

const demo = demos[workerData?.demo];
if (demo === undefined) throw new TypeError(`no demo named ${JSON.stringify(workerData?.demo)}`);
demo();
