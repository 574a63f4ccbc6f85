/**
 * Errors of the kernel client, each with a stable `code` so callers can branch without
 * parsing messages.
 */

/** Base class of every error this package throws. */
export class KernelError extends Error {
  /** A stable machine-readable code, e.g. `ERR_KERNEL_DIED`. */
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The notebook asks for a kernel this client cannot start (only `tslab` and `jslab` exist). */
export class UnknownKernelError extends KernelError {
  constructor(readonly kernelName: string, known: readonly string[]) {
    super(
      'ERR_UNKNOWN_KERNEL',
      `Unknown kernel "${kernelName}": this client starts only ${known.map((k) => `"${k}"`).join(' and ')}`,
    );
  }
}

/** The kernel process did not come up, or never answered `kernel_info_request`. */
export class KernelStartError extends KernelError {
  constructor(message: string, readonly stderr: string, options?: ErrorOptions) {
    super('ERR_KERNEL_START', stderr ? `${message}\n--- kernel stderr ---\n${stderr}` : message, options);
  }
}

/** The kernel process exited or crashed while it was running a request. */
export class KernelDiedError extends KernelError {
  constructor(
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null,
    readonly stderr: string,
  ) {
    const how = signal ? `was killed by ${signal}` : `exited with code ${exitCode}`;
    super('ERR_KERNEL_DIED', `The kernel ${how}${stderr ? `\n--- kernel stderr ---\n${stderr}` : ''}`);
  }
}

/** The client was shut down, or used after shutdown. */
export class KernelClosedError extends KernelError {
  constructor(what: string) {
    super('ERR_KERNEL_CLOSED', `The kernel is shut down: cannot ${what}`);
  }
}

/** A message on the wire was malformed or carried a wrong HMAC signature. */
export class KernelProtocolError extends KernelError {
  constructor(message: string) {
    super('ERR_KERNEL_PROTOCOL', message);
  }
}
