// A task module for the pool tests.
export const add = (a, b) => a + b;
export const echo = (value) => value;
export async function later(value, ms) {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return value;
}
export function fail(message) {
  const error = new RangeError(message);
  error.code = 'E_TASK';
  throw error;
}
export function crash(code) {
  process.exit(code);
}
export function spin(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end);
  return ms;
}
export function byteLength(buffer) {
  return buffer.byteLength;
}
export function allocate() {
  const chunks = [];
  for (;;) chunks.push(new Array(1e6).fill(Math.random()));
}
export const pid = () => process.pid;
export function killSelf(signal) {
  process.kill(process.pid, signal);
}
