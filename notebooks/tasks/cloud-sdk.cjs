// The task module of notebook 10-cloud-sdk-async: CPU work on object bodies. The notebook runs
// `compress` both on its own thread (it requires this file) and in a WorkerPool (which loads it
// in each worker), so both sides run exactly the same code. `makeLogs` makes the log files the
// notebook compresses, the same on every run.
'use strict';
const { createHash } = require('node:crypto');
const { gzipSync } = require('node:zlib');

/**
 * Gzips `bytes` synchronously: CPU-bound, it keeps its thread busy until it is done.
 * @param {Uint8Array} bytes
 * @returns {{ gzipped: Uint8Array, sha256: string }} the compressed bytes and the SHA-256 (hex) of the original
 */
exports.compress = function compress(bytes) {
  return { gzipped: gzipSync(bytes), sha256: createHash('sha256').update(bytes).digest('hex') };
};

/** mulberry32: a small seeded generator, so the logs are the same on every run. */
function seeded(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * `days` log files of 25,000 access-log lines (about 0.84 MiB each): the same lines, rotated by
 * 3,000 per day, so they are cheap to make and different to compress.
 * @returns {{ key: string, body: string }[]}
 */
exports.makeLogs = function makeLogs(days = 8) {
  const random = seeded(8);
  const line = (i) =>
    `${i} GET /api/items/${Math.floor(random() * 5000)} ${random() < 0.97 ? 200 : 503} ${Math.floor(random() * 900)}ms\n`;
  const lines = Array.from({ length: 25_000 }, (_, i) => line(i));
  return Array.from({ length: days }, (_, day) => ({
    key: `logs/day-${day + 1}.log`,
    body: [...lines.slice(day * 3000), ...lines.slice(0, day * 3000)].join(''),
  }));
};
