/**
 * The runner's options travel from the command line to vitest's worker processes in environment
 * variables, read here.
 */
import { RunnerOptionError } from '../errors.js';
import type { SessionOptions } from '../session.js';
import { loadSanitizeFile } from '../sanitizers.js';
import { parseTimeout } from '../timeouts.js';

/** The environment variables the runner reads. */
export const ENV = {
  update: 'NOTEBOOK_UPDATE',
  timeout: 'NOTEBOOK_TIMEOUT',
  sanitizeWith: 'NOTEBOOK_SANITIZE_WITH',
} as const;

/** Session options from the environment (`NOTEBOOK_UPDATE=1`, `NOTEBOOK_TIMEOUT=seconds`, `NOTEBOOK_SANITIZE_WITH=file`). */
export async function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<SessionOptions> {
  const update = env[ENV.update];
  if (update !== undefined && !['', '0', '1', 'true', 'false'].includes(update)) {
    throw new RunnerOptionError(`${ENV.update} must be 1 or 0, got ${JSON.stringify(update)}`);
  }
  const timeout = env[ENV.timeout];
  const sanitizeWith = env[ENV.sanitizeWith];
  return {
    update: update === '1' || update === 'true',
    ...(timeout ? { timeoutSeconds: parseTimeout(timeout, ENV.timeout) } : {}),
    ...(sanitizeWith ? { sanitizers: await loadSanitizeFile(sanitizeWith) } : {}),
  };
}
