/**
 * How it works: one worker of a pool, thread or child process, seen through the few operations
 * the scheduler needs. `spawn` starts it and reports each reply and its exit (exactly once)
 * through the handlers; `terminate` ends it, and the exit is still reported.
 */
import { Worker, type ResourceLimits, type TransferListItem } from 'node:worker_threads';
import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { deserialize, serialize } from 'node:v8';
import { frame, frameReader } from './framing.js';
import { entrySource } from './entry-source.js';
import type { Envelope, Reply } from './protocol.js';

/** What a channel reports to the scheduler. */
export interface ChannelHandlers {
  message(reply: Reply): void;
  /** The worker is gone; `error` is the uncaught error that ended it, `signal` the signal that killed it, if any. */
  exit(code: number | null, error: unknown, signal?: NodeJS.Signals | null): void;
}

/** A running worker. */
export interface Channel {
  /** What it is, for error messages: `"worker thread"` or `"child process"`. */
  readonly kind: string;
  post(request: Envelope, transfer: readonly TransferListItem[] | undefined): void;
  /** Keep the event loop alive while it works. */
  ref(): void;
  /** Let the process exit while it is idle (a daemon thread, in Python's words). */
  unref(): void;
  terminate(): void;
}

/** Starts a channel. */
export type Spawn = (handlers: ChannelHandlers) => Channel;

/** Options of a worker thread. */
export interface ThreadOptions {
  readonly resourceLimits?: ResourceLimits | undefined;
  readonly execArgv?: readonly string[] | undefined;
  readonly env?: NodeJS.Dict<string> | typeof import('node:worker_threads').SHARE_ENV | undefined;
}

/** A `Spawn` of worker threads running the task module at `url`. */
export function threadSpawner(url: string, options: ThreadOptions): Spawn {
  const source = entrySource('thread', url);
  return (handlers) => {
    const worker = new Worker(source, {
      eval: true,
      ...(options.resourceLimits && { resourceLimits: options.resourceLimits }),
      ...(options.execArgv && { execArgv: [...options.execArgv] }),
      ...(options.env !== undefined && { env: options.env }),
    });
    let failure: unknown;
    worker.on('message', (reply: Reply) => handlers.message(reply));
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (code) => handlers.exit(code, failure));
    return {
      kind: 'worker thread',
      post: (request, transfer) => worker.postMessage(request, transfer as TransferListItem[] | undefined),
      ref: () => worker.ref(),
      unref: () => worker.unref(),
      terminate: () => void worker.terminate(),
    };
  };
}

/** Options of a child process. */
export interface ProcessOptions {
  readonly execArgv?: readonly string[] | undefined;
  readonly env?: NodeJS.ProcessEnv | undefined;
}

/** A `Spawn` of child processes (`node -e`, messages framed on an extra pipe, see framing.ts) running the task module. */
export function processSpawner(url: string, options: ProcessOptions): Spawn {
  const source = entrySource('process', url);
  return (handlers) => {
    const child = spawn(process.execPath, [...(options.execArgv ?? []), '-e', source], {
      stdio: ['ignore', 'inherit', 'inherit', 'pipe'],
      ...(options.env && { env: options.env }),
    });
    const pipe = child.stdio[3] as Socket;
    let failure: unknown;
    let exited = false;
    pipe.on('data', frameReader(deserialize, (reply) => handlers.message(reply as Reply)));
    pipe.on('error', () => undefined); // the child died; 'exit' reports it
    child.on('error', (error) => (failure = error));
    child.on('exit', (code, signal) => {
      exited = true;
      pipe.destroy();
      handlers.exit(code, failure, signal);
    });
    return {
      kind: 'child process',
      post: (request) => {
        if (!exited) pipe.write(frame(serialize, request));
      },
      ref: () => {
        child.ref();
        pipe.ref();
      },
      unref: () => {
        child.unref();
        pipe.unref();
      },
      terminate: () => void (exited || child.kill()),
    };
  };
}
