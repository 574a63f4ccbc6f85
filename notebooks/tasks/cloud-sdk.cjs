// The task module of notebook 08-cloud-sdk-async: CPU work on object bodies. The notebook runs
// `compress` both on its own thread (it requires this file) and in a WorkerPool (which loads it
// in each worker), so both sides run exactly the same code.
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
