// Child process of bench/run.mjs (@scalable-ts/rest-api): bookshelves with auth on the write routes (HS256 and EdDSA
// bearer JWTs, each without and with the verified-token cache) and one without auth, on
// 127.0.0.1 port 0. Reports their URLs and tokens over IPC, closes them on 'stop'.
import { createSecretKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { bearerJwtAuthenticator, createAuthorizer, signJwt } from '@scalable-ts/auth';
import { startBookshelf } from '@scalable-ts/rest-api';

const seed = [{ title: 'Dune', author: 'Frank Herbert', year: 1965, isbn: '9780441013593' }];
const secret = createSecretKey(randomBytes(32));
const ed = generateKeyPairSync('ed25519');
const claims = { sub: 'bench', aud: 'bookshelf', scope: 'books:write' };
const tokens = {
  HS256: signJwt(claims, secret, { alg: 'HS256', expiresInSeconds: 3600 }),
  EdDSA: signJwt(claims, ed.privateKey, { alg: 'EdDSA', expiresInSeconds: 3600 }),
};
const keys = { HS256: secret, EdDSA: ed.publicKey };

async function protectedShelf(alg, cacheSize) {
  const bearer = bearerJwtAuthenticator(keys[alg], { algorithms: [alg], audience: 'bookshelf', cacheSize });
  return startBookshelf({ seed, auth: createAuthorizer({ realm: 'bench', authenticators: [bearer] }) });
}

const shelves = {
  off: await startBookshelf({ seed, auth: false }),
  HS256: await protectedShelf('HS256', 0),
  'HS256 cached': await protectedShelf('HS256', 1024),
  EdDSA: await protectedShelf('EdDSA', 0),
  'EdDSA cached': await protectedShelf('EdDSA', 1024),
};
process.send?.(Object.fromEntries(Object.entries(shelves).map(([name, shelf]) => [name, { url: shelf.url, token: tokens[name.split(' ')[0]] }])));
process.on('message', async (message) => {
  if (message !== 'stop') return;
  await Promise.all(Object.values(shelves).map((shelf) => shelf.close()));
  process.disconnect();
});
