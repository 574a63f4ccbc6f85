export { Kernel, type ExecuteOptions, type ExecuteResult, type KernelState, type LateOutput, type StartOptions } from './kernel.js';
export { KERNEL_SPECS, kernelSpec, type KernelSpec } from './kernelspecs.js';
export { OutputCollector, appendOutputs, pushOutput } from './outputs.js';
export { LateOutputRouter } from './late-output.js';
export { createMessage, PROTOCOL_VERSION, type ExecuteReplyContent, type Header, type Message } from './messages.js';
export { decodeMessage, encodeMessage } from './wire.js';
export { createConnectionInfo, type ConnectionInfo } from './connection.js';
export type { ExitStatus } from './process.js';
export { KernelClosedError, KernelDiedError, KernelError, KernelStartError, KernelProtocolError, UnknownKernelError } from './errors.js';
