// The task module of notebook 07-processes: every exported function can run in a ProcessPool child.

/** A tiny task: the cost is all in the hand-off. */
export const square = (x) => x * x;

/** Two arguments, for starmap. */
export const power = (base, exponent) => base ** exponent;

/** Which process ran the task. */
export const pid = () => process.pid;

/** Waits `ms` milliseconds without using the CPU, then answers `ms`. */
export async function wait(ms) {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return ms;
}

/** Squares `x`, except that 13 ends the whole child process (a crash in the middle of a chunk). */
export function squareOrExit(x) {
  if (x === 13) process.exit(3);
  return x * x;
}

/** Kills its own process with SIGKILL, as the kernel's out-of-memory killer would. */
export function killed() {
  process.kill(process.pid, 'SIGKILL');
}
