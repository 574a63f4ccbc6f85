// A task module written in TypeScript, for notebook 06-threads: a pool loads it with Node's type
// stripping where Node has it (>= 22.18), and through tsx's hook on Node 20.

/** The mean and the largest of some samples, in one pass. */
export function summarize(samples: readonly number[]): { mean: number; max: number } {
  let sum = 0;
  let max = -Infinity;
  for (const sample of samples) {
    sum += sample;
    max = Math.max(max, sample);
  }
  return { mean: samples.length === 0 ? NaN : sum / samples.length, max };
}
