// Worker tasks for shared.test.ts; they use the BUILT package (turbo builds before testing).
import { AtomicCounter, Mutex } from '../../../dist/index.js';

export function unsafeIncrement(buffer, times) {
  const view = new Int32Array(buffer);
  for (let i = 0; i < times; i++) view[0] = view[0] + 1;
}
export function atomicIncrement(buffer, times) {
  const counter = new AtomicCounter(buffer);
  for (let i = 0; i < times; i++) counter.increment();
}
export function lockedIncrement(lock, buffer, times) {
  const mutex = new Mutex(lock);
  const view = new Int32Array(buffer);
  for (let i = 0; i < times; i++) mutex.withLock(() => (view[0] = view[0] + 1));
}
