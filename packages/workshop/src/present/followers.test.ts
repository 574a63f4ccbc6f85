/**
 * The follower listener and the presenter, with real sockets on 127.0.0.1 and the session
 * played by the test (it greets the presenter's mirror peer and sends it `cell` messages, as a
 * notebook session sends its pages): 50 followers receive every update in order, with the
 * server's buffers bounded; a follower that stops reading is cut off, not buffered for; a
 * follower that sends anything but a heartbeat is disconnected; the access checks.
 */
import { createRenderer, type Renderer } from '@scalable-ts/render';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { Catalog } from '../catalog.js';
import type { ServerMessage } from '../protocol.js';
import { TOKEN_PROTOCOL_PREFIX } from '../protocol.js';
import { TestClient } from '../test-support/client.js';
import { fixture } from '../test-support/fixtures.js';
import { handshakeAt } from '../test-support/http.js';
import { eventually } from '@scalable-ts/test-support';
import { startFollowerListener, type FollowerListener } from './listener.js';
import { Presenter, type MessageSink, type SessionJoiner } from './presenter.js';
import { FOLLOW_PROTOCOL, HEARTBEAT, POLICY_VIOLATION, type FollowerMessage } from './protocol.js';

/** Plays the workshop's sessions: greets a joining peer, then lets the test send it what a session would. */
class PlayedSessions implements SessionJoiner {
  mirror: MessageSink | undefined;
  joins = 0;
  async join(name: string, peer: MessageSink) {
    this.joins++;
    this.mirror = peer;
    peer.send({
      type: 'hello',
      notebook: name,
      version: 'v1',
      path: `${name}.ipynb`,
      sources: [null, '1 + 1'],
      kernel: { state: 'idle', running: null, queued: [] },
      cells: [],
    });
    return { leave: (left: MessageSink) => void (this.mirror === left && (this.mirror = undefined)) };
  }
  send(message: ServerMessage): void {
    if (!this.mirror) throw new Error('the presenter has not joined a session');
    this.mirror.send(message);
  }
}

const instructor: MessageSink & { received: ServerMessage[] } = { received: [], send: (message) => void instructor.received.push(message) };

let renderer: Renderer;
let catalog: Catalog;
let sessions: PlayedSessions;
let presenter: Presenter;
let listener: FollowerListener;
const clients: TestClient<FollowerMessage>[] = [];

beforeAll(async () => {
  renderer = await createRenderer({ siteTitle: 'test' });
  catalog = new Catalog([fixture('second.ipynb'), fixture('present.ipynb')]);
});

afterAll(() => renderer.dispose());

async function start(followerBufferBytes: number): Promise<void> {
  sessions = new PlayedSessions();
  presenter = new Presenter({ sessions, followerBufferBytes, countIntervalMs: 1 });
  listener = await startFollowerListener({ presenter, catalog, renderer, siteTitle: 'test', host: '127.0.0.1', port: 0 });
  presenter.instructorJoined(instructor, 'second');
  presenter.position('second', 1);
  await eventually(() => sessions.mirror !== undefined, 5000, 'the presenter joins the session');
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.socket.terminate()));
  presenter.close();
  await listener.close();
});

const follow = async (): Promise<TestClient<FollowerMessage>> => {
  const client = await TestClient.follow(listener.port, listener.token);
  clients.push(client);
  return client;
};

/** A cell message whose output names its number, padded to about `bytes`. */
const update = (n: number, bytes: number): ServerMessage => ({
  type: 'cell',
  index: 1,
  state: 'running',
  html: `<div class="output"><pre>update ${n} ${'x'.repeat(bytes)}</pre></div>`,
});

const updateNumber = (message: FollowerMessage): number | undefined =>
  message.type === 'cell' ? Number(/update (\d+)/.exec(message.html ?? '')?.[1]) : undefined;

/** Every message's seq is one more than the one before. */
function expectContiguous(messages: readonly FollowerMessage[]): void {
  const seqs = messages.map((message) => message.seq);
  const first = seqs[0] ?? 0;
  expect(seqs).toEqual(seqs.map((_, i) => first + i));
}

describe('fan-out', () => {
  test('50 followers each receive every update, in order, and the server queues at most the bound per follower', async () => {
    const bound = 256 * 1024;
    await start(bound);
    const followers = await Promise.all(Array.from({ length: 50 }, follow));
    await eventually(() => presenter.followers === 50, 5000, '50 followers counted');
    for (const follower of followers) await follower.waitFor((m) => m.type === 'notebook');
    const updates = 400;
    const size = 4096;
    for (let n = 1; n <= updates; n++) {
      sessions.send(update(n, size));
      if (n % 20 === 0) await new Promise((resolve) => setImmediate(resolve)); // let the sockets drain, as a running cell does between outputs
    }
    sessions.send({ type: 'kernel', state: 'idle', running: null, queued: [] });
    for (const follower of followers) {
      await follower.waitFor((m) => m.type === 'kernel' && m.state === 'idle');
      const [greeting] = follower.messages;
      expect(greeting).toMatchObject({ type: 'notebook', notebook: 'second', selected: 1 });
      expectContiguous(follower.messages);
      const numbers = follower.messages.map(updateNumber).filter((n) => n !== undefined);
      expect(numbers).toEqual(Array.from({ length: updates }, (_, i) => i + 1));
    }
    expect(presenter.dropped).toBe(0);
    // Each follower's backlog stays under the bound plus one message: the whole is bounded by the room, not by the output.
    expect(presenter.peakBufferedBytes).toBeLessThanOrEqual(50 * (bound + 2 * size));
    await eventually(() => instructor.received.some((m) => m.type === 'presenting' && m.followers === 50), 5000, 'the instructor is told 50 follow');
  });

  test('a follower that stops reading is cut off once its backlog passes the bound; the others still get everything in order', async () => {
    const bound = 128 * 1024;
    await start(bound);
    const live = await Promise.all([follow(), follow(), follow()]);
    const stalled = await follow();
    await stalled.waitFor((m) => m.type === 'notebook');
    stalled.socket.pause(); // reads nothing more: the server's queue for it can only grow
    const size = 64 * 1024;
    let n = 0;
    // The operating system's socket buffers take some megabytes first; then the server's own queue grows.
    while (presenter.dropped === 0 && n < 5000) {
      sessions.send(update(++n, size));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(presenter.dropped).toBe(1);
    expect(presenter.followers).toBe(3);
    sessions.send({ type: 'kernel', state: 'idle', running: null, queued: [] });
    for (const follower of live) {
      await follower.waitFor((m) => m.type === 'kernel' && m.state === 'idle');
      expectContiguous(follower.messages);
      expect(follower.messages.map(updateNumber).filter((k) => k !== undefined)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    }
    expect(presenter.peakBufferedBytes).toBeLessThanOrEqual(4 * (bound + 2 * size));
    stalled.socket.resume();
    expect(await stalled.closed).toBe(1006); // dropped without a closing handshake: nothing more was queued for it
  });

  test('a follower that joins late gets the whole state, then the updates that follow it', async () => {
    await start(1024 * 1024);
    sessions.send(update(1, 10));
    presenter.position('second', 0);
    const late = await follow();
    const [greeting] = [await late.waitFor((m) => m.type === 'notebook')];
    expect(greeting).toMatchObject({ notebook: 'second', selected: 0, cells: [{ index: 1, state: 'running' }] });
    presenter.position('second', 1);
    expect(await late.waitFor((m) => m.type === 'select')).toMatchObject({ index: 1, seq: greeting.seq + 1 });
  });
});

test('with no instructor page left on the presented notebook, the presenter leaves its session; the next position joins again', async () => {
  await start(1024 * 1024);
  const elsewhere: MessageSink = { send: () => undefined };
  presenter.instructorJoined(elsewhere, 'present'); // another tab, on another notebook
  presenter.instructorLeft(instructor);
  await eventually(() => sessions.mirror === undefined, 5000, 'the presenter left the session');
  const follower = await follow();
  expect(await follower.waitFor((m) => m.type === 'notebook')).toMatchObject({ notebook: 'second', selected: 1 }); // the last state stays
  presenter.instructorJoined(instructor, 'second');
  presenter.position('second', 0);
  await eventually(() => sessions.mirror !== undefined, 5000, 'the presenter joined again');
  expect(sessions.joins).toBe(2);
  presenter.instructorLeft(elsewhere);
});

describe('followers only listen', () => {
  for (const [what, frame] of [
    ['a run', JSON.stringify({ type: 'run', mode: 'cell', cells: [{ index: 1, source: "require('node:fs').writeFileSync('forged.txt', 'ran')" }] })],
    ['a save', JSON.stringify({ type: 'save', version: 'v1', sources: [] })],
    ['an interrupt', JSON.stringify({ type: 'interrupt' })],
    ['a position', JSON.stringify({ type: 'position', index: 3 })],
    ['a heartbeat with more in it', JSON.stringify({ type: 'heartbeat', run: true })],
  ] as const) {
    test(`${what} closes the follower's socket (${POLICY_VIOLATION}); the session is sent nothing`, async () => {
      await start(1024 * 1024);
      const follower = await follow();
      follower.sendRaw(frame);
      expect(await follower.closed).toBe(POLICY_VIOLATION);
      expect(listener.refusedMessages).toBe(1);
      expect(presenter.followers).toBe(0);
      expect(sessions.joins).toBe(1); // only the instructor's position joined a session
    });
  }

  test('a binary frame, or one too large to be a heartbeat, closes the socket too', async () => {
    await start(1024 * 1024);
    const binary = await follow();
    binary.sendRaw(Buffer.from(HEARTBEAT));
    expect(await binary.closed).toBe(POLICY_VIOLATION);
    const large = await follow();
    large.sendRaw(`${HEARTBEAT}${' '.repeat(5000)}`);
    expect(await large.closed).toBe(1009);
  });

  test('heartbeats keep the socket open, and updates keep coming', async () => {
    await start(1024 * 1024);
    const follower = await follow();
    for (let i = 0; i < 3; i++) follower.sendRaw(HEARTBEAT);
    sessions.send(update(7, 10));
    expect(updateNumber(await follower.waitFor((m) => m.type === 'cell'))).toBe(7);
    expect(listener.refusedMessages).toBe(0);
  });
});

describe('access checks of the follower listener', () => {
  const handshake = async (headers: Record<string, string>): Promise<number> => (await handshakeAt(listener.port, '/follow', headers)).status;

  test('a handshake needs the follower token in the subprotocol, this listener as Host, and its own Origin', async () => {
    await start(1024 * 1024);
    const port = listener.port;
    const good = { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, 'sec-websocket-protocol': `${FOLLOW_PROTOCOL}, ${TOKEN_PROTOCOL_PREFIX}${listener.token}` };
    expect(await handshake(good)).toBe(101);
    expect(await handshake({ ...good, 'sec-websocket-protocol': FOLLOW_PROTOCOL })).toBe(401);
    expect(await handshake({ ...good, 'sec-websocket-protocol': `${FOLLOW_PROTOCOL}, ${TOKEN_PROTOCOL_PREFIX}${'x'.repeat(43)}` })).toBe(401);
    expect(await handshake({ ...good, host: `evil.example:${port}` })).toBe(403);
    expect(await handshake({ ...good, origin: 'http://evil.example' })).toBe(403);
    const { origin: _origin, ...noOrigin } = good;
    expect(await handshake(noOrigin)).toBe(403);
  });
});
