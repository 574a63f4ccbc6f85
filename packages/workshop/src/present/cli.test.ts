/**
 * `npm start -- --present` as a learner runs it: `scripts/workshop.mjs` prints the follower URL
 * and a QR code of exactly that URL, the URL opens the follower page, SIGTERM stops it all; bad
 * usage exits with status 2 and says why.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { fixture } from '../test-support/fixtures.js';
import { fetchRawAt } from '../test-support/http.js';
import { terminalQrCode } from './qr.js';

const script = fileURLToPath(new URL('../../../../scripts/workshop.mjs', import.meta.url));
const children = new Set<ChildProcess>();

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

/** Runs the script; resolves once `until` holds for its output so far (or it exited). */
function run(args: readonly string[], until: (stdout: string) => boolean) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
  children.add(child);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => children.delete(child));
  const ready = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (until(stdout)) resolve();
    });
    void exited.then(() => resolve());
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, ready, exited, output: () => ({ stdout, stderr }) };
}

test('--present prints the follower URL and its QR code; the URL opens the follower page; SIGTERM stops it', async () => {
  const args = [fixture('second.ipynb'), '--no-open', '--port', '0', '--present', '--present-host', '127.0.0.1', '--present-port', '0'];
  const started = run(args, (stdout) => stdout.includes('never yours.'));
  await started.ready;
  const { stdout, stderr } = started.output();
  expect(stderr).toBe('');
  const [workshopUrl, followerUrl] = [...stdout.matchAll(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}/g)].map((match) => match[0]);
  expect(workshopUrl).toBeDefined();
  expect(followerUrl).toBeDefined();
  const follower = new URL(followerUrl ?? '');
  expect(follower.port).not.toBe(new URL(workshopUrl ?? '').port);
  expect(follower.searchParams.get('token')).not.toBe(new URL(workshopUrl ?? '').searchParams.get('token'));
  expect(stdout).toContain(terminalQrCode(followerUrl ?? ''));
  const page = await fetchRawAt(Number(follower.port), `/?token=${follower.searchParams.get('token') ?? ''}`, { host: follower.host });
  expect(page.status).toBe(200);
  expect(page.body).toContain('/assets/follow.js');
  started.child.kill('SIGTERM');
  expect(await started.exited).toBe(0);
});

test('bad presenter flags: status 2 and a line naming the flag', async () => {
  for (const [args, says] of [
    [['--present', '--present-port', '99999'], '--present-port must be an integer from 0 to 65535, got "99999"'],
    [['--present-host', '0.0.0.0'], '--present-host and --present-port go with --present'],
  ] as const) {
    const started = run([fixture('second.ipynb'), '--no-open', ...args], () => false);
    expect(await started.exited).toBe(2);
    expect(started.output().stderr).toContain(says);
  }
});
