/**
 * The runner's options travel from the command line to vitest's worker processes in environment
 * variables, read here.
 */
import { RunnerOptionError } from '../errors.js';
import type { SessionOptions } from '../session.js';
import { parseCheckMode } from '../check.js';
import { loadSanitizeFile } from '../sanitizers.js';
import { parseTimeout } from '../timeouts.js';

/** The environment variables the runner reads. */
export const ENV = {
  update: 'NOTEBOOK_UPDATE',
  timeout: 'NOTEBOOK_TIMEOUT',
  sanitizeWith: 'NOTEBOOK_SANITIZE_WITH',
  kernelStartTimeout: 'NOTEBOOK_KERNEL_START_TIMEOUT',
  warmKernels: 'NOTEBOOK_WARM_KERNELS',
  check: 'NOTEBOOK_CHECK',
  artifacts: 'NOTEBOOK_ARTIFACTS',
  watch: 'NOTEBOOK_WATCH',
  coverage: 'NOTEBOOK_COVERAGE',
} as const;

function flag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (!['0', '1', 'true', 'false'].includes(value)) throw new RunnerOptionError(`${name} must be 1 or 0, got ${JSON.stringify(value)}`);
  return value === '1' || value === 'true';
}

/**
 * Session options from the environment (`NOTEBOOK_UPDATE=1`, `NOTEBOOK_TIMEOUT=seconds`,
 * `NOTEBOOK_SANITIZE_WITH=file`, `NOTEBOOK_KERNEL_START_TIMEOUT=seconds`, `NOTEBOOK_WARM_KERNELS=1`, `NOTEBOOK_CHECK=outputs|errors|none`,
 * `NOTEBOOK_ARTIFACTS=dir`, `NOTEBOOK_COVERAGE=dir` for the kernels' V8 coverage).
 */
export async function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<SessionOptions> {
  const timeout = env[ENV.timeout];
  const sanitizeWith = env[ENV.sanitizeWith];
  const startTimeout = env[ENV.kernelStartTimeout];
  const warm = flag(env, ENV.warmKernels);
  const check = env[ENV.check];
  const artifacts = env[ENV.artifacts];
  const coverage = env[ENV.coverage];
  return {
    update: flag(env, ENV.update) ?? false,
    ...(timeout ? { timeoutSeconds: parseTimeout(timeout, ENV.timeout) } : {}),
    ...(startTimeout ? { kernelStartSeconds: parseTimeout(startTimeout, ENV.kernelStartTimeout) } : {}),
    ...(warm !== undefined ? { warmKernels: warm } : {}),
    ...(check ? { check: parseCheckMode(check, ENV.check) } : {}),
    ...(artifacts ? { artifactsDir: artifacts } : {}),
    ...(coverage ? { coverageDir: coverage } : {}),
    ...(sanitizeWith ? { sanitizers: await loadSanitizeFile(sanitizeWith) } : {}),
  };
}
