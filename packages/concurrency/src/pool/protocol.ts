/**
 * How it works: the messages between the pool and a worker (thread or child process).
 *
 *   pool → worker  { id, name, args }            call exports[name](...args)
 *                  { id, name, chunk: args[] }   call it once per argument list, answer an array
 *                  { id, name, items }           call exports[name](item) per item, answer an array
 *   worker → pool  { id, ok: true, value }
 *                  { id, ok: false, error: SerializedError }
 *
 * A worker runs one task at a time and answers each request exactly once; a worker that exits
 * without answering has crashed. Errors cross as plain data (name, message, stack, code) and
 * are rebuilt here, so `instanceof Error` holds and the stack is the worker's.
 */

/** A request to a worker. */
export interface Request {
  readonly name: string;
  readonly args?: readonly unknown[];
  readonly chunk?: readonly (readonly unknown[])[];
  readonly items?: readonly unknown[];
}

/** A request with its id, as posted. */
export interface Envelope extends Request {
  readonly id: number;
}

/** An error as it crosses a thread or process boundary. */
export interface SerializedError {
  readonly name?: string;
  readonly message?: string;
  readonly stack?: string;
  readonly code?: unknown;
  /** Set when a non-Error value was thrown: the value itself. */
  readonly thrown?: unknown;
}

/** A worker's answer. */
export type Reply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: SerializedError };

/** Rebuilds the error a task threw: same name, message, stack and `code`. */
export function deserializeError(data: SerializedError): unknown {
  if ('thrown' in data) return data.thrown;
  const error = new Error(data.message ?? '');
  Object.defineProperty(error, 'name', { value: data.name ?? 'Error', writable: true, configurable: true });
  if (data.stack !== undefined) error.stack = data.stack;
  if (data.code !== undefined) Object.assign(error, { code: data.code });
  return error;
}
