/**
 * The kernel process: runs tslab's kernel in this process, and exits as soon as the pipe on its
 * stdin closes. The parent holds the other end, so a kernel never outlives the program that
 * started it, not even one killed by SIGKILL.
 *
 * It also mends one tslab bug: tslab fires `socket.send()` without waiting for the previous send
 * on the same socket. zeromq 6 defers a send after 512 synchronous ones and then rejects the next
 * overlapping send with EBUSY, so every few hundred messages tslab silently dropped one (an iopub
 * `idle` or an `execute_reply`, leaving its client waiting forever). Here sends queue per socket.
 *
 * And tslab answers `shutdown_request` and closes its sockets but never exits (its TypeScript
 * service keeps the process alive), which cost every notebook a kill after the grace period. Here
 * the process exits once the last queued message has gone out.
 *
 * Usage: node kernel-host.cjs <connection-file> [--js]
 */
const [configPath = '', mode] = process.argv.slice(2);
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

type Send = (this: object, ...args: unknown[]) => Promise<void>;
// The zeromq that tslab itself loads.
const tslabDir = require('node:path').dirname(require.resolve('tslab/package.json')) as string;
const zmq = require(require.resolve('zeromq', { paths: [tslabDir] })) as { Publisher: { prototype: object } };
const socketPrototype = Object.getPrototypeOf(zmq.Publisher.prototype) as { send: Send };
const send = socketPrototype.send;
const pending = new WeakMap<object, Promise<void>>();
Object.defineProperty(socketPrototype, 'send', {
  configurable: true,
  value: function queuedSend(this: object, ...args: unknown[]): Promise<void> {
    const sent = (pending.get(this) ?? Promise.resolve()).then(() => send.apply(this, args));
    pending.set(this, sent.catch(() => {}));
    return sent;
  },
});

type Server = Record<'iopub' | 'shell' | 'control' | 'stdin' | 'hb', object> & { close(): void };
const { ZmqServer } = require('tslab/dist/jupyter.js') as { ZmqServer: { prototype: Server } };
const close = ZmqServer.prototype.close;
ZmqServer.prototype.close = function closeAndExit(this: Server): void {
  const sockets = [this.iopub, this.shell, this.control, this.stdin, this.hb];
  void Promise.all(sockets.map((socket) => pending.get(socket))).then(() => {
    close.call(this);
    process.exit(0);
  });
};

const { startKernel } = require('tslab/dist/main.js') as {
  startKernel(options: { configPath: string; enableFindLocal: boolean; jsKernel: boolean }): void;
};
startKernel({ configPath, enableFindLocal: false, jsKernel: mode === '--js' });
