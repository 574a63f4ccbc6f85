#!/usr/bin/env node
// Benchmark of @scalable-ts/rest-api, run by `npm run bench -w @scalable-ts/rest-api`: what
// authentication costs the bookshelf. PUT /books/1 requests per second with auth on (a bearer JWT
// of @scalable-ts/auth checked on every write: HS256 and EdDSA, each without and with the
// verified-token cache) against the same route with auth off. autocannon on loopback, the servers
// in a child process (bench/rest-server.mjs) so load generator and server each get a core.
// Target: HS256 auth on within 10% of auth off.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';

const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BOOK = { title: 'Dune', author: 'Frank Herbert', year: 1965, isbn: '9780441013593' };

async function requestsPerSecond(url, token, seconds = HTTP_SECONDS) {
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const result = await autocannon({ url: `${url}/books/1`, method: 'PUT', headers, body: JSON.stringify(BOOK), connections: 10, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

/** Median requests per second of each configuration, sampled in rotating order over ROUNDS. */
async function measure(servers) {
  const names = Object.keys(servers);
  const samples = new Map(names.map((name) => [name, []]));
  for (const name of names) await requestsPerSecond(servers[name].url, servers[name].token, 1); // warm-up
  for (let round = 0; round < ROUNDS; round += 1) {
    // Rotate the order each round, so no configuration always runs first or last.
    for (const name of names.map((_, i) => names[(i + round) % names.length])) {
      samples.get(name).push(await requestsPerSecond(servers[name].url, servers[name].token));
    }
  }
  return new Map([...samples].map(([name, values]) => [name, [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]]));
}

const child = fork(new URL('./rest-server.mjs', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
let medians;
try {
  const [servers] = await once(child, 'message');
  medians = await measure(servers);
} finally {
  child.send('stop');
  await once(child, 'exit');
}

const off = medians.get('off');
const rps = (n) => Math.round(n).toLocaleString('en-US');
console.log(`\n@scalable-ts/rest-api benchmark (Node ${process.version}, PUT /books/1, ${HTTP_SECONDS} s x ${ROUNDS} rounds in rotating order, median, 10 connections)\n`);
console.log(`auth off: ${rps(off)} req/s\n`);
console.log('| auth on, bearer | req/s | on / off | target | result |');
console.log('| --- | ---: | ---: | --- | --- |');
for (const [name, on] of medians) {
  if (name === 'off') continue;
  const targeted = name.startsWith('HS256');
  const verdict = targeted ? (on >= 0.9 * off ? 'met' : 'MISSED') : 'info';
  console.log(`| ${name} | ${rps(on)} | ${(on / off).toFixed(2)} | ${targeted ? '>= 0.90' : '(none)'} | ${verdict} |`);
}
