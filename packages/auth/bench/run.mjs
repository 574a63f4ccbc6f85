#!/usr/bin/env node
// Benchmarks of @scalable-ts/auth, run by `npm run bench -w @scalable-ts/auth`.
// verifyJwt (HS256, EdDSA) and verifyJwtAsync (EdDSA) against jose's jwtVerify (the faster of
// one-at-a-time and 64 in flight), in the same process and run. Target: at least as fast as jose.
// What auth costs a REST request is measured where the REST service lives, by
// `npm run bench -w @scalable-ts/rest-api` (rest-api depends on this package, not the reverse).
import { generateKeyPairSync, createSecretKey, randomBytes } from 'node:crypto';
import * as jose from 'jose';
import { signJwt, verifyJwt, verifyJwtAsync } from '@scalable-ts/auth';

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const VERIFY_MS = Number(process.env.BENCH_VERIFY_MS ?? 1800);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** Operations per second of `fn` (sync or async), counted for `ms` after a short warm-up. */
async function opsPerSecond(fn, ms) {
  const warm = Date.now() + 200;
  while (Date.now() < warm) await fn();
  let count = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(ms) * 1_000_000n;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 64; i += 1) await fn();
    count += 64;
    now = process.hrtime.bigint();
  }
  return count / (Number(now - start) / 1e9);
}

async function verifyBench() {
  const secret = createSecretKey(randomBytes(32));
  const ed = generateKeyPairSync('ed25519');
  const cases = [
    { alg: 'HS256', sign: secret, verify: secret, joseKey: await jose.importJWK({ ...secret.export({ format: 'jwk' }), alg: 'HS256' }, 'HS256') },
    { alg: 'EdDSA', sign: ed.privateKey, verify: ed.publicKey, joseKey: await jose.importJWK(ed.publicKey.export({ format: 'jwk' }), 'EdDSA') },
  ];
  const rows = [];
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  for (const { alg, sign, verify, joseKey } of cases) {
    const token = signJwt({ sub: 'ada', iss: 'https://auth.example', aud: 'bookshelf', scope: 'books:write' }, sign, { alg, expiresInSeconds: 3600 });
    const options = { algorithms: [alg], issuer: 'https://auth.example', audience: 'bookshelf' };
    // jose is asynchronous (WebCrypto): it is measured one at a time and with 64 in flight, and
    // compared at whichever is faster. Samples are interleaved over ROUNDS, medians reported.
    const candidates = {
      ours: () => opsPerSecond(() => verifyJwt(token, verify, options), VERIFY_MS / ROUNDS),
      oursAsync: async () => 64 * (await opsPerSecond(() => Promise.all(Array.from({ length: 64 }, () => verifyJwtAsync(token, verify, options))), VERIFY_MS / ROUNDS)),
      joseSequential: () => opsPerSecond(() => jose.jwtVerify(token, joseKey, options), VERIFY_MS / ROUNDS),
      joseConcurrent: async () => 64 * (await opsPerSecond(() => Promise.all(Array.from({ length: 64 }, () => jose.jwtVerify(token, joseKey, options))), VERIFY_MS / ROUNDS)),
    };
    const samples = Object.fromEntries(Object.keys(candidates).map((name) => [name, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [name, measure] of Object.entries(candidates)) samples[name].push(await measure());
    }
    const [ours, oursAsync, sequential, concurrent] = Object.keys(candidates).map((name) => median(samples[name]));
    const theirs = Math.max(sequential, concurrent);
    const baseline = `jose jwtVerify (${sequential >= concurrent ? 'sequential' : '64 in flight'}; other: ${fmt(Math.min(sequential, concurrent))})`;
    rows.push({ what: `verifyJwt ${alg}`, ours, theirs, baseline, ratio: ours / theirs, target: '>= 1.00', met: ours >= theirs });
    if (alg !== 'HS256') {
      rows.push({ what: `verifyJwtAsync ${alg}, 64 in flight`, ours: oursAsync, theirs, baseline, ratio: oursAsync / theirs, target: '>= 1.00', met: oursAsync >= theirs });
    }
  }
  return rows;
}

const rows = await verifyBench();
console.log(`\n@scalable-ts/auth benchmarks (Node ${process.version}, verify ${VERIFY_MS} ms per case in ${ROUNDS} interleaved samples, median)\n`);
console.log('| measurement | ops/s | baseline | baseline ops/s | ratio | target | result |');
console.log('| --- | ---: | --- | ---: | ---: | --- | --- |');
for (const r of rows) {
  const result = r.met ? 'met' : 'MISSED';
  console.log(`| ${r.what} | ${fmt(r.ours)} | ${r.baseline} | ${fmt(r.theirs)} | ${r.ratio.toFixed(2)} | ${r.target} | ${result} |`);
}
