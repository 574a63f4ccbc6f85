/**
 * The WebSocket endpoint with a stand-in session (no kernel): a page that stops reading while the
 * server streams to it is disconnected once its backlog passes `limits.sendBufferBytes`, so a
 * page cannot make the server buffer without bound.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import WebSocket from 'ws';
import { Catalog } from './catalog.js';
import { AccessGuard, createAccessToken } from './guard.js';
import { DEFAULT_LIMITS } from './limits.js';
import { SOCKET_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from './protocol.js';
import type { Peer } from './session.js';
import type { SessionRegistry } from './sessions.js';
import { SocketEndpoint } from './socket.js';
import { fixture } from './test-support/fixtures.js';

let server: Server;
let port: number;
let endpoint: SocketEndpoint;
const token = createAccessToken();
const peers: Peer[] = [];

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const registry = {
    join: async (_name: string, peer: Peer) => {
      peers.push(peer);
      return { handle: async () => {}, leave: () => {} };
    },
  } as unknown as SessionRegistry;
  const limits = { ...DEFAULT_LIMITS, sendBufferBytes: 256 * 1024 };
  endpoint = new SocketEndpoint(new AccessGuard({ token, port }), new Catalog([fixture('second.ipynb')]), registry, limits);
  server.on('upgrade', (request, socket, head) => endpoint.upgrade(request, socket, head));
});

afterAll(async () => {
  endpoint.close();
  await new Promise((resolve) => server.close(resolve));
});

test('a page that stops reading is disconnected once its unread backlog passes the bound', async () => {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?notebook=second`, [SOCKET_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`], {
    origin: `http://127.0.0.1:${port}`,
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await vi.waitFor(() => expect(peers).toHaveLength(1));
  (ws as unknown as { _socket: { pause(): void } })._socket.pause(); // the page stops reading
  const chunk = 'x'.repeat(1024 * 1024);
  for (let i = 0; i < 64; i++) peers[0]?.send({ type: 'problem', message: chunk });
  (ws as unknown as { _socket: { resume(): void } })._socket.resume();
  expect(await closed).toBe(1006); // terminated: no closing handshake for a page that does not read
});
