/**
 * The connection file a Jupyter kernel reads at start: five TCP ports on 127.0.0.1 and a random
 * HMAC key. The ports are found free by binding port 0; a kernel that loses the race for one
 * reports "Address already in use" and the launcher retries with fresh ports.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The contents of a kernel connection file. */
export interface ConnectionInfo {
  transport: 'tcp';
  ip: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
  signature_scheme: 'hmac-sha256';
  key: string;
  kernel_name: string;
}

async function freePorts(count: number, host: string): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    return await Promise.all(
      servers.map(
        (server) =>
          new Promise<number>((resolve, reject) => {
            server.once('error', reject);
            server.listen(0, host, () => resolve((server.address() as { port: number }).port));
          }),
      ),
    );
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/** Picks free ports and a fresh 256-bit key for a kernel named `kernelName`. */
export async function createConnectionInfo(kernelName: string, ip = '127.0.0.1'): Promise<ConnectionInfo> {
  const [shell, iopub, stdin, control, hb] = (await freePorts(5, ip)) as [number, number, number, number, number];
  return {
    transport: 'tcp',
    ip,
    shell_port: shell,
    iopub_port: iopub,
    stdin_port: stdin,
    control_port: control,
    hb_port: hb,
    signature_scheme: 'hmac-sha256',
    key: randomBytes(32).toString('hex'),
    kernel_name: kernelName,
  };
}

/** A connection file on disk (readable by its owner only) and how to remove it. */
export interface ConnectionFile {
  path: string;
  remove(): Promise<void>;
}

/** Writes `info` to a private temporary directory. */
export async function writeConnectionFile(info: ConnectionInfo): Promise<ConnectionFile> {
  const dir = await mkdtemp(join(tmpdir(), 'scalable-ts-kernel-'));
  const path = join(dir, 'connection.json');
  await writeFile(path, JSON.stringify(info, null, 1), { mode: 0o600 });
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The ZeroMQ address of one of the kernel's channels. */
export function channelAddress(info: ConnectionInfo, port: number): string {
  return `${info.transport}://${info.ip}:${port}`;
}
