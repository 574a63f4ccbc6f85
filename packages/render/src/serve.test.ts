import { request } from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ServeRootError, serveSite, SITE_CSP, type SiteServer } from './index.js';

let base: string;
let server: SiteServer;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'render-serve-'));
  const site = join(base, 'site');
  await mkdir(join(site, 'sub'), { recursive: true });
  await writeFile(join(site, 'index.html'), '<h1>home</h1>');
  await writeFile(join(site, 'site.css'), 'body{}');
  await writeFile(join(site, 'my page.html'), 'spaced');
  await writeFile(join(site, 'data.bin'), Buffer.from([1, 2, 3]));
  await writeFile(join(site, 'sub', 'index.html'), 'sub index');
  await writeFile(join(base, 'secret.txt'), 'top secret');
  await symlink(join(base, 'secret.txt'), join(site, 'link.txt'));
  server = await serveSite(site, { host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

/** A request with the path sent exactly as written (fetch would normalise `..` away). */
const raw = (path: string, method = 'GET'): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(server.url);
    const req = request({ host: hostname, port, path, method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });

describe('serveSite', () => {
  test('listens on 127.0.0.1 with a real port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(new URL(server.url).port).not.toBe('0');
  });

  test('serves index.html for / with content type and no-cache', async () => {
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe('<h1>home</h1>');
  });

  test('every answer carries the site policy (no script) with frame-ancestors, and nosniff', async () => {
    for (const path of ['', 'nowhere.html']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get('content-security-policy'), path).toBe(`${SITE_CSP}; frame-ancestors 'none'`);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  test.each([
    ['site.css', 'text/css; charset=utf-8'],
    ['my%20page.html', 'text/html; charset=utf-8'],
    ['data.bin', 'application/octet-stream'],
    ['site.css?v=2', 'text/css; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const res = await fetch(new URL(path, server.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
  });

  test('redirects a directory to its slash form, then serves its index', async () => {
    const res = await fetch(new URL('sub', server.url), { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/sub/');
    expect(await (await fetch(new URL('sub/', server.url))).text()).toBe('sub index');
  });

  test('404 for missing files', async () => {
    const res = await fetch(new URL('nope.html', server.url));
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  test.each([
    '/../secret.txt',
    '/sub/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/sub/%2e%2e/%2e%2e/secret.txt',
  ])('refuses traversal %s with 403', async (path) => {
    const res = await raw(path);
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('top secret');
  });

  test('a symlink out of the root is a 404', async () => {
    const res = await raw('/link.txt');
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('top secret');
  });

  test('bad escapes and NUL bytes are a 400', async () => {
    expect((await raw('/%E0%A4%A')).status).toBe(400);
    expect((await raw('/index.html%00.css')).status).toBe(400);
  });

  test('HEAD has headers and no body; other methods are 405', async () => {
    const head = await fetch(server.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('13');
    expect(await head.text()).toBe('');
    const post = await fetch(server.url, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  test('refuses a root that is not a directory', async () => {
    await expect(serveSite(join(base, 'missing'))).rejects.toBeInstanceOf(ServeRootError);
    await expect(serveSite(join(base, 'secret.txt'))).rejects.toMatchObject({ code: 'ERR_RENDER_SERVE_ROOT' });
    await expect(serveSite(base, { port: -1 })).rejects.toThrow(TypeError);
  });

  test('a port in use rejects with the listen error', async () => {
    const port = Number(new URL(server.url).port);
    await expect(serveSite(base, { port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  test('close() stops the server even with a keep-alive connection open', async () => {
    const other = await serveSite(base);
    await (await fetch(new URL('secret.txt', other.url))).text();
    await other.close();
    await expect(fetch(other.url)).rejects.toThrow();
  });
});
