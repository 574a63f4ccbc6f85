/**
 * Presenter mode end to end with a real server and a real tslab kernel: the instructor's page (a
 * test client on the workshop's listener) moves and runs cells, followers (test clients on the
 * follower listener) see it; a follower's forged `run` or `save` is disconnected and nothing of
 * it runs or is written; neither token opens the other listener; no follower answer holds the
 * instructor's token; the catch-up landing is the one page served without a credential.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorkshop, type Presenting, type Workshop } from '../index.js';
import type { ServerMessage } from '../protocol.js';
import { TestClient } from '../test-support/client.js';
import { scratchCopy } from '../test-support/fixtures.js';
import { fetchRaw, fetchRawAt, handshake, handshakeAt, pageHeaders, socketHeaders } from '../test-support/http.js';
import { eventually } from '@scalable-ts/test-support';
import { POLICY_VIOLATION, type FollowerMessage } from './protocol.js';

/** A kernel start takes a few seconds, more on a loaded machine. */
const KERNEL_MS = 45_000;

let workshop: Workshop;
let present: Presenting;
let notebookPath: string;
let instructor: TestClient;
const opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  notebookPath = await scratchCopy('present.ipynb', 'present');
  for (const left of ['present-go.txt', 'forged.txt']) await rm(join(dirname(notebookPath), left), { force: true }); // from an earlier run
  workshop = await startWorkshop({ notebooks: [notebookPath, await scratchCopy('second.ipynb', 'present')], lingerMs: 0, present: {} });
  present = workshop.present as Presenting;
  instructor = await TestClient.connect(workshop, 'present');
  opened.push(instructor);
  await instructor.waitFor((m) => m.type === 'kernel' && m.state === 'idle', 0, KERNEL_MS);
});

afterAll(async () => {
  await Promise.all(opened.map((client) => client.close().catch(() => undefined)));
  await workshop?.close();
});

const follow = async (): Promise<TestClient<FollowerMessage>> => {
  const client = await TestClient.follow(present.port, present.token);
  opened.push(client);
  return client;
};

const followerHeaders = (): Record<string, string> => ({ host: `127.0.0.1:${present.port}`, cookie: present.pageCookie });

type CellMessage = Extract<ServerMessage, { type: 'cell' }>;
type FollowedCellMessage = Extract<FollowerMessage, { type: 'cell' }>;

test('the follower URL is its own: another port, another token, on 127.0.0.1 unless told otherwise', () => {
  expect(present.url).toBe(`http://127.0.0.1:${present.port}/?token=${present.token}`);
  expect(present.port).not.toBe(workshop.port);
  expect(present.token).not.toBe(workshop.token);
  expect(present.pageCookie.split('=')[1]).not.toBe(workshop.pageCookie.split('=')[1]);
});

test('a follower sees the instructor’s notebook, selection, and outputs as they stream; the instructor sees the count', async () => {
  const follower = await follow();
  const mark = instructor.mark();
  instructor.send({ type: 'position', index: 3 });
  // At once a `notebook` naming it (so pages can move there), then the session's state.
  const greeting = await follower.waitFor((m) => m.type === 'notebook' && m.notebook === 'present' && m.kernel !== null);
  expect(greeting).toMatchObject({ selected: 3, kernel: { state: 'idle' } });
  await instructor.waitFor((m) => m.type === 'presenting' && m.followers === 1, mark);

  const from = follower.mark();
  instructor.send({ type: 'position', index: 7 });
  expect(await follower.waitFor((m) => m.type === 'select', from)).toMatchObject({ index: 7 });
  // Cell 7 prints "tick 1", then waits for present-go.txt before it prints "tick 2".
  const hello = instructor.messages.find((m) => m.type === 'hello');
  instructor.send({ type: 'run', mode: 'cell', cells: [{ index: 7, source: hello?.type === 'hello' ? (hello.sources[7] ?? '') : '' }] });
  const cell = (state: string, text: string) => (m: FollowerMessage): m is FollowedCellMessage =>
    m.type === 'cell' && m.index === 7 && m.state === state && (m.html ?? '').includes(text);
  const streaming = await follower.waitFor(cell('running', 'tick 1'), from);
  await writeFile(join(dirname(notebookPath), 'present-go.txt'), 'go');
  const done = await follower.waitFor(cell('ok', 'tick 2'), from);
  expect(streaming.html).not.toContain('tick 2');
  expect(done.seq).toBeGreaterThan(streaming.seq);
  // Exactly the HTML the instructor's page was sent for the cell, rendered and sanitised once.
  const sent = await instructor.finished(7, mark);
  expect(done.html).toBe((sent as CellMessage).html);
  expect(done).not.toHaveProperty('stdout');
});

describe('a follower can run nothing', () => {
  for (const [what, frame] of [
    ['run', { type: 'run', mode: 'cell', cells: [{ index: 1, source: "require('node:fs').writeFileSync('forged.txt', 'ran')" }] }],
    ['save', { type: 'save', version: 'any', sources: [{ index: 1, source: "require('node:fs').writeFileSync('forged.txt', 'saved')" }] }],
  ] as const) {
    test(`a forged ${what} disconnects the follower; the kernel never sees it and the notebook is unchanged`, async () => {
      const before = await readFile(notebookPath, 'utf8');
      const refused = present.refusedMessages;
      const follower = await follow();
      await follower.waitFor((m) => m.type === 'notebook');
      follower.send(frame);
      expect(await follower.closed).toBe(POLICY_VIOLATION);
      expect(present.refusedMessages).toBe(refused + 1);
      // The instructor runs a cell after it: had the forged frame reached the kernel, it would have run first.
      const mark = instructor.mark();
      instructor.send({ type: 'run', mode: 'cell', cells: [{ index: 1, source: "console.log(require('node:fs').existsSync('forged.txt'))" }] });
      expect((await instructor.finished(1, mark)).html).toContain('false');
      expect(existsSync(join(dirname(notebookPath), 'forged.txt'))).toBe(false);
      expect(await readFile(notebookPath, 'utf8')).toBe(before);
      expect(workshop.kernelsStarted).toBe(1);
    });
  }
});

describe('the tokens open only their own listener', () => {
  test('the follower token opens no page and no socket of the workshop', async () => {
    const workshopHost = { host: `127.0.0.1:${workshop.port}` };
    expect((await fetchRaw(workshop, `/?token=${present.token}`, { host: workshopHost.host })).status).toBe(401);
    expect((await fetchRaw(workshop, '/nb/present', { host: workshopHost.host, cookie: `scalable-ts-workshop-${workshop.port}=${present.pageCookie.split('=')[1] ?? ''}` })).status).toBe(401);
    const socket = socketHeaders(workshop);
    expect((await handshake(workshop, '/ws?notebook=present', { ...socket, 'sec-websocket-protocol': `scalable-ts.workshop.v1, scalable-ts.workshop.token.${present.token}` })).status).toBe(401);
  });

  test('the instructor token opens no page and no socket of the follower listener', async () => {
    const host = `127.0.0.1:${present.port}`;
    expect((await fetchRawAt(present.port, `/?token=${workshop.token}`, { host })).status).toBe(401);
    const followerSocket = { host, origin: `http://${host}`, 'sec-websocket-protocol': `scalable-ts.follow.v1, scalable-ts.workshop.token.${workshop.token}` };
    expect((await handshakeAt(present.port, '/follow', followerSocket)).status).toBe(401);
    // The workshop's own socket path does not exist there, whatever the token.
    expect((await handshakeAt(present.port, '/ws?notebook=present', { ...followerSocket, 'sec-websocket-protocol': `scalable-ts.follow.v1, scalable-ts.workshop.token.${present.token}` })).status).toBe(404);
  });

  test('no answer of the follower listener holds the instructor’s token or page key', async () => {
    const follower = await follow();
    await follower.waitFor((m) => m.type === 'notebook');
    const answers = [`/?token=${present.token}`, '/', '/nb/present', '/nb/second', '/assets/follow.js', '/assets/follow.css', '/assets/workshop.css', '/assets/site.css'];
    for (const path of answers) {
      const answer = await fetchRawAt(present.port, path, followerHeaders());
      expect(answer.status, path).toBe(200);
      for (const secret of [workshop.token, workshop.pageCookie.split('=')[1] ?? '']) {
        expect(answer.body, path).not.toContain(secret);
        expect(JSON.stringify(answer.headers), path).not.toContain(secret);
      }
    }
    expect(JSON.stringify(follower.messages)).not.toContain(workshop.token);
    // The workshop's page script, which runs cells, is not served to followers.
    expect((await fetchRawAt(present.port, '/assets/workshop.js', followerHeaders())).status).toBe(404);
  });

  test('the follower page is the workshop’s rendering with the follower script, under the same policy', async () => {
    const [followed, own] = await Promise.all([
      fetchRawAt(present.port, '/nb/present', followerHeaders()),
      fetchRaw(workshop, '/nb/present', pageHeaders(workshop)),
    ]);
    const article = (html: string) => html.slice(html.indexOf('<article'), html.indexOf('</article>'));
    expect(article(followed.body)).toBe(article(own.body));
    expect(followed.body).toContain('/assets/follow.js');
    expect(followed.body).not.toContain('/assets/workshop.js');
    expect(followed.headers['content-security-policy']).toBe(own.headers['content-security-policy']?.toString().replace(`${workshop.port}`, `${present.port}`));
    expect(followed.headers['x-frame-options']).toBe('DENY');
  });
});

describe('catch-up landing', () => {
  test('every workshop serves /catch-up without a credential: fixed text, no token, no notebook', async () => {
    const host = { host: `127.0.0.1:${workshop.port}` };
    const landing = await fetchRaw(workshop, '/catch-up?notebook=present&cell=5', host);
    expect(landing.status).toBe(200);
    expect(landing.body).toContain('catch-up-page');
    expect(landing.body).not.toContain(workshop.token);
    expect(landing.body).not.toContain('Presenter test notebook');
    expect(landing.body).not.toContain('present&amp;cell'); // nothing of the request is echoed
    expect(landing.headers['set-cookie']).toBeUndefined();
    expect(landing.headers['x-frame-options']).toBe('DENY');
    // Everything else still needs the credential, and Host is still checked.
    expect((await fetchRaw(workshop, '/nb/present?catch-up=5', host)).status).toBe(401);
    expect((await fetchRaw(workshop, '/catch-up?notebook=present&cell=5', { host: `evil.example:${workshop.port}` })).status).toBe(403);
    expect((await fetchRaw(workshop, '/catch-up', { ...host, origin: 'http://evil.example' })).status).toBe(403);
  });
});

test('the instructor is told when a follower leaves', async () => {
  const follower = await follow();
  await eventually(() => present.followers > 0, 5000, 'the follower counted');
  const count = present.followers;
  const mark = instructor.mark();
  await follower.close();
  await instructor.waitFor((m) => m.type === 'presenting' && m.followers === count - 1, mark);
  expect(present.followers).toBe(count - 1);
});
