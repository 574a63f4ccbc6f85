// One cluster worker of notebook 14-scaling-out: a tiny login service. STORE=memory keeps the
// sessions in this process's Map (what breaks behind several processes); STORE=db keeps them in
// PostgreSQL (DATABASE_URL), where every process sees them. Answers carry the worker's pid.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import pg from "pg";

const inMemory = new Map();
const pool = process.env.STORE === "db"
  ? new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 })
  : null;

const save = async (sid, user) => {
  if (!pool) return void inMemory.set(sid, user);
  await pool.query("insert into sessions (sid, username) values ($1, $2)", [sid, user]);
};
const load = async (sid) => {
  if (!pool) return inMemory.get(sid) ?? null;
  const { rows } = await pool.query("select username from sessions where sid = $1", [sid]);
  return rows[0]?.username ?? null;
};

const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://x");
  const sid = /sid=([\w-]+)/.exec(req.headers.cookie ?? "")?.[1];
  res.setHeader("content-type", "application/json");
  if (url.pathname === "/login") {
    const newSid = randomUUID();
    await save(newSid, url.searchParams.get("user"));
    res.setHeader("set-cookie", `sid=${newSid}; HttpOnly; Path=/`);
    return res.end(JSON.stringify({ pid: process.pid, user: url.searchParams.get("user") }));
  }
  const user = sid ? await load(sid) : null;
  res.statusCode = user ? 200 : 401;
  res.end(JSON.stringify({ pid: process.pid, user }));
});
server.listen(0, "127.0.0.1", () => process.send?.({ port: server.address().port }));
process.on("disconnect", () => process.exit(0));
