/**
 * How it works: the script every worker thread and child process runs, as source text. The pool
 * starts it with `new Worker(source, { eval: true })` or `node -e source`, so it needs no file of
 * its own on disk: the same code works from the built `dist/`, from `src/` under vitest and from
 * a tslab kernel, where a path next to the calling module would not exist or would be
 * TypeScript. The script imports the task module (by file URL) on its first request (a `.ts`
 * one through Node's own type stripping where it has it, else through tsx's CommonJS hook,
 * resolved from the task module's folder), then
 * answers each request (see protocol.ts), synchronously when the function returns a plain
 * value, so a tiny task costs one message each way.
 */
import { frame, frameReader } from './framing.js';

/** How the script talks to the pool: a thread's `parentPort` or a child's framed pipe (framing.ts). */
export type Transport = 'thread' | 'process';

const RUNNER = String.raw`
let loaded;
let exportsOf;
function load() {
  return (loaded ??= importTaskModule().then((m) => (exportsOf = m)));
}
function importTaskModule() {
  if (!/\.[cm]?ts$/.test(MODULE_URL) || (process.features && process.features.typescript)) return import(MODULE_URL);
  return new Promise((resolve) => {
    const path = require('node:url').fileURLToPath(MODULE_URL);
    let tsx;
    try {
      tsx = require('node:module').createRequire(path)('tsx/cjs/api');
    } catch (cause) {
      throw new Error('The task module ' + path + ' is TypeScript, which Node ' + process.version + ' cannot run by itself: install tsx beside it (npm install --save-dev tsx), use Node >= 22.18, or point at compiled JavaScript', { cause });
    }
    resolve(tsx.require(path, path));
  });
}
function lookup(m, name) {
  const fn = typeof m[name] === 'function' ? m[name] : m.default && typeof m.default[name] === 'function' ? m.default[name] : undefined;
  if (fn === undefined) throw new TypeError('The task module ' + MODULE_URL + ' has no exported function ' + JSON.stringify(name));
  return fn;
}
function serialize(error) {
  if (!(error instanceof Error)) return { thrown: error };
  return { name: error.name, message: error.message, stack: error.stack, code: error.code };
}
function fail(id, error) {
  send({ id, ok: false, error: serialize(error) });
}
function reply(id, value) {
  try {
    send({ id, ok: true, value });
  } catch (error) {
    fail(id, error); // a result that cannot be cloned (a function, a socket…)
  }
}
function isThenable(value) {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function';
}
function runChunk(fn, chunk, spread) {
  const out = new Array(chunk.length);
  for (let i = 0; i < chunk.length; i++) {
    const value = spread ? fn(...chunk[i]) : fn(chunk[i]);
    if (isThenable(value)) return finishChunk(fn, chunk, spread, out, i, value);
    out[i] = value;
  }
  return out;
}
async function finishChunk(fn, chunk, spread, out, i, pending) {
  out[i] = await pending;
  for (i++; i < chunk.length; i++) {
    const value = spread ? fn(...chunk[i]) : fn(chunk[i]);
    out[i] = isThenable(value) ? await value : value;
  }
  return out;
}
function call(m, request) {
  const fn = lookup(m, request.name);
  if (request.chunk !== undefined) return runChunk(fn, request.chunk, true);
  if (request.items !== undefined) return runChunk(fn, request.items, false);
  return fn(...(request.args ?? []));
}
function handle(request) {
  if (exportsOf === undefined) {
    load().then(() => handle(request), (error) => fail(request.id, error));
    return;
  }
  let value;
  try {
    value = call(exportsOf, request);
  } catch (error) {
    fail(request.id, error);
    return;
  }
  if (isThenable(value)) value.then((v) => reply(request.id, v), (error) => fail(request.id, error));
  else reply(request.id, value);
}
`;

const TRANSPORTS: Record<Transport, string> = {
  thread: String.raw`
const { parentPort } = require('node:worker_threads');
const send = (reply) => parentPort.postMessage(reply);
parentPort.on('message', handle);
`,
  process: String.raw`
const v8 = require('node:v8');
const pipe = new (require('node:net').Socket)({ fd: 3, readable: true, writable: true });
const frameReader = FRAME_READER;
const frame = FRAME;
const send = (reply) => pipe.write(frame(v8.serialize, reply));
pipe.on('data', frameReader(v8.deserialize, handle));
pipe.on('end', () => process.exit(0));
pipe.on('error', () => process.exit(0));
`.replace('FRAME_READER', () => frameReader.toString()).replace('FRAME', () => frame.toString()),
};

/**
 * The source of the worker script for a task module.
 *
 * @param transport - a worker thread or a child process.
 * @param moduleUrl - the task module's `file:` URL.
 */
export function entrySource(transport: Transport, moduleUrl: string): string {
  return `'use strict';\nconst MODULE_URL = ${JSON.stringify(moduleUrl)};\n${RUNNER}\n${TRANSPORTS[transport]}`;
}
