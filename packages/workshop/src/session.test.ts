/**
 * A notebook session end to end over the WebSocket, on a real tslab kernel: running, streaming,
 * skipping, stopping on errors, interrupting, late output, saving, and shutting the kernel down
 * when the last page leaves.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readNotebook, sourceText } from '@scalable-ts/notebook';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEFAULT_LIMITS, startWorkshop, type ServerMessage, type Workshop } from './index.js';
import { TestClient } from './test-support/client.js';
import { scratchCopy } from './test-support/fixtures.js';
import { eventually, isAlive } from '@scalable-ts/test-support';

type Hello = Extract<ServerMessage, { type: 'hello' }>;

let workshop: Workshop;
let client: TestClient;
let hello: Hello;
let path: string;

beforeAll(async () => {
  path = await scratchCopy('workshop-test.ipynb', 'session');
  workshop = await startWorkshop({ notebooks: [path], lingerMs: 0 });
  client = await TestClient.connect(workshop, 'workshop-test');
  hello = await client.waitFor((m): m is Hello => m.type === 'hello');
  // A kernel's first start (tslab compiling its TypeScript) can take far longer than 30 s on a
  // loaded 2-core machine: allow 90 s for it, not the client's default.
  await client.waitFor((m) => m.type === 'kernel' && m.state === 'idle', 0, 90_000);
}, 120_000);

afterAll(async () => {
  await workshop?.close();
});

const source = (index: number): string => hello.sources[index] ?? '';

test('a page that passes the checks gets hello: the code as committed, and a kernel that starts', () => {
  expect(hello.notebook).toBe('workshop-test');
  expect(hello.version).toMatch(/^[0-9a-f]{16}$/);
  expect(hello.sources[0]).toBeNull();
  expect(hello.sources[1]).toContain("const greeting: string = 'hello';");
  expect(hello.kernel.state).toBe('starting');
  expect(workshop.kernelsStarted).toBe(1);
  expect(workshop.kernels()).toEqual([{ notebook: 'workshop-test', pid: expect.any(Number) }]);
});

test('a cell runs: queued, running, ok with its rendered output and count; the kernel goes busy and idle', async () => {
  const from = client.mark();
  client.send({ type: 'run', mode: 'cell', cells: [{ index: 1, source: source(1) }] });
  const done = await client.finished(1, from);
  expect(done).toMatchObject({ state: 'ok', executionCount: 1 });
  expect(done.html).toBe('<div class="output output-stream output-stdout"><pre>hello from the kernel\n</pre></div>');
  const states = client.messages.slice(from).flatMap((m) => (m.type === 'cell' ? [m.state] : m.type === 'kernel' ? [`kernel:${m.state}`] : []));
  expect(states).toEqual(expect.arrayContaining(['queued', 'running', 'kernel:busy', 'ok', 'kernel:idle']));
  expect(states.indexOf('queued')).toBeLessThan(states.indexOf('running'));
});

test('outputs stream while the cell runs: stderr, an image, a display updated in place', async () => {
  const slow = source(3).replace('setTimeout(resolve, 30)', 'setTimeout(resolve, 200)');
  const from = client.mark();
  client.send({ type: 'run', mode: 'cell', cells: [{ index: 3, source: slow }] });
  const done = await client.finished(3, from);
  const streamed = client.messages.slice(from).flatMap((m) => (m.type === 'cell' && m.state === 'running' && m.html ? [m.html] : []));
  expect(streamed.some((html) => html.includes('progress 1/3') && !html.includes('progress 3/3'))).toBe(true);
  expect(done.state).toBe('ok');
  expect(done.html).toContain('<div class="output output-stream output-stderr"><pre>a warning on stderr\n</pre></div>');
  expect(done.html).toContain('<img src="data:image/png;base64,iVBORw0KGgo');
  expect(done.html).toContain('progress 3/3');
  expect(done.html).not.toContain('progress 2/3'); // one display, rewritten in place
});

test('run to here skips cells tagged skip-execution, as the runner does', async () => {
  const from = client.mark();
  client.send({ type: 'run', mode: 'to-here', cells: [1, 5, 6].map((index) => ({ index, source: source(index) })) });
  const last = await client.finished(6, from);
  expect(last.state).toBe('ok');
  expect(last.html).toContain('string');
  expect(client.messages.slice(from).some((m) => m.type === 'cell' && m.index === 5)).toBe(false);
});

test('a failing cell shows its error and cancels the cells waiting after it', async () => {
  const from = client.mark();
  client.send({
    type: 'run',
    mode: 'cell',
    cells: [
      { index: 1, source: 'throw new Error("boom <b>")' },
      { index: 6, source: source(6) },
    ],
  });
  const failed = await client.finished(1, from);
  expect(failed.state).toBe('error');
  expect(failed.html).toContain('boom &lt;b&gt;');
  expect((await client.finished(6, from)).state).toBe('cancelled');
});

test('interrupt stops an endless loop; the kernel keeps its state', async () => {
  const from = client.mark();
  client.send({ type: 'run', mode: 'cell', cells: [{ index: 5, source: source(5) }] });
  await client.waitFor((m) => m.type === 'kernel' && m.running === 5, from);
  client.send({ type: 'interrupt' });
  const stopped = await client.finished(5, from);
  expect(stopped.state).toBe('error');
  expect(stopped.html).toContain('interrupted');
  const after = client.mark();
  client.send({ type: 'run', mode: 'cell', cells: [{ index: 6, source: 'console.log(greeting)' }] });
  expect((await client.finished(6, after)).html).toContain('hello\n');
});

test('output printed after a cell finished reaches that cell', async () => {
  const from = client.mark();
  client.send({ type: 'run', mode: 'cell', cells: [{ index: 6, source: "console.log('now');\nvoid setTimeout(() => console.log('later'), 100);" }] });
  await client.finished(6, from);
  const late = await client.waitFor((m) => m.type === 'cell' && m.index === 6 && (m.html ?? '').includes('later'), from);
  expect(late.type === 'cell' && late.html).toContain('now\nlater\n');
});

test('a message outside the protocol is answered with a problem and runs nothing', async () => {
  const from = client.mark();
  client.send({ type: 'exec', code: 'process.exit(1)' });
  client.send({ type: 'run', mode: 'cell', cells: [{ index: 0, source: 'process.exit(1)' }] });
  await client.waitFor((m) => m.type === 'problem' && m.message.includes('Unknown message type'), from);
  await client.waitFor((m) => m.type === 'problem' && m.message.includes('Cell 0 is not a code cell'), from);
  expect(workshop.kernels()).toHaveLength(1);
});

test('past the bounds: a cell over the code limit is refused with a problem; a frame over the frame limit closes that socket with 1009', async () => {
  const from = client.mark();
  client.send({ type: 'run', mode: 'cell', cells: [{ index: 1, source: `// ${'x'.repeat(DEFAULT_LIMITS.sourceChars)}` }] });
  await client.waitFor((m) => m.type === 'problem' && m.message.startsWith('Refused: the code of cell 1 is'), from);
  expect(client.messages.slice(from).filter((m) => m.type === 'cell')).toEqual([]); // nothing queued or run
  const big = await TestClient.connect(workshop, 'workshop-test');
  big.send({ type: 'save', version: 'x'.repeat(DEFAULT_LIMITS.frameBytes), sources: [] });
  expect(await big.closed).toBe(1009);
  expect(workshop.kernels()).toHaveLength(1);
});

test('save writes edits and this session’s outputs atomically; a stale version is refused', async () => {
  const from = client.mark();
  client.send({ type: 'save', version: hello.version, sources: [{ index: 6, source: 'console.log("edited")' }] });
  const saved = await client.waitFor((m): m is Extract<ServerMessage, { type: 'saved' }> => m.type === 'saved', from);
  expect(saved.version).not.toBe(hello.version);
  expect(saved.sources[6]).toBe('console.log("edited")');
  const nb = await readNotebook(path);
  const cell6 = nb.cells[6];
  expect(cell6 && sourceText(cell6)).toBe('console.log("edited")');
  expect(cell6?.cell_type === 'code' && cell6.outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: ['now\n', 'later\n'] }]);
  expect(nb.cells[1]?.cell_type === 'code' && nb.cells[1].outputs[0]).toMatchObject({ output_type: 'stream', name: 'stderr' });
  expect((await readdir(dirname(path))).filter((name) => name.endsWith('.tmp'))).toEqual([]);

  const before = await readFile(path, 'utf8');
  const again = client.mark();
  client.send({ type: 'save', version: hello.version, sources: [{ index: 6, source: 'lost()' }] });
  const problem = await client.waitFor((m) => m.type === 'problem', again);
  expect(problem.type === 'problem' && problem.message).toContain('changed on disk');
  expect(await readFile(path, 'utf8')).toBe(before);
});

test('when the last page leaves, the kernel is shut down', async () => {
  const [kernel] = workshop.kernels();
  expect(kernel).toBeDefined();
  await client.close();
  await eventually(() => workshop.kernels().length === 0 && !isAlive(kernel?.pid), 10_000, 'kernel shut down after the last page left');
});
