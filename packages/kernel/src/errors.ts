/**
 * Errors of the kernel client, each with a stable `code` so callers can branch without
 * parsing messages.
 */

import { CodedError, coded } from '@scalable-ts/base';

/** The stable codes of this package's errors, one per class. */
export type KernelErrorCode = 'ERR_UNKNOWN_KERNEL' | 'ERR_KERNEL_START' | 'ERR_KERNEL_DIED' | 'ERR_KERNEL_CLOSED' | 'ERR_KERNEL_PROTOCOL';

/** Base class of every error this package throws. */
export abstract class KernelError extends CodedError<KernelErrorCode> {}

/** The notebook asks for a kernel this client cannot start (only `tslab` and `jslab` exist). */
export class UnknownKernelError extends coded(KernelError, 'ERR_UNKNOWN_KERNEL') {
  constructor(readonly kernelName: string, known: readonly string[]) {
    super(`Unknown kernel "${kernelName}": this client starts only ${known.map((k) => `"${k}"`).join(' and ')}`);
  }
}

/** The kernel process did not come up, or never answered `kernel_info_request`. */
export class KernelStartError extends coded(KernelError, 'ERR_KERNEL_START') {
  constructor(message: string, readonly stderr: string, options?: ErrorOptions) {
    super(stderr ? `${message}\n--- kernel stderr ---\n${stderr}` : message, options);
  }
}

/** The kernel process exited or crashed while it was running a request. */
export class KernelDiedError extends coded(KernelError, 'ERR_KERNEL_DIED') {
  constructor(
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null,
    readonly stderr: string,
  ) {
    const how = signal ? `was killed by ${signal}` : `exited with code ${exitCode}`;
    super(`The kernel ${how}${stderr ? `\n--- kernel stderr ---\n${stderr}` : ''}`);
  }
}

/** The client was shut down, or used after shutdown. */
export class KernelClosedError extends coded(KernelError, 'ERR_KERNEL_CLOSED') {
  constructor(what: string) {
    super(`The kernel is shut down: cannot ${what}`);
  }
}

/** A message on the wire was malformed or carried a wrong HMAC signature. */
export class KernelProtocolError extends coded(KernelError, 'ERR_KERNEL_PROTOCOL') {
  constructor(message: string) {
    super(message);
  }
}
