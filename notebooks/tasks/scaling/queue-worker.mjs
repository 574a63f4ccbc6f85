// A queue worker process of notebook 14-scaling-out: takes "charge" jobs from pg-boss and makes
// two side effects per job: one naive insert (a second run of the job writes a second row) and
// one with an idempotency key (the job's order id; a second run writes nothing). After the side
// effects it tells the kernel (IPC) and, when the kernel says so, waits to be killed mid-job.
import { PgBoss } from "pg-boss";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const boss = new PgBoss({
  connectionString: process.env.DATABASE_URL,
  max: 3,
  superviseIntervalSeconds: 1, // look for expired jobs every second (both default to 60)
  monitorIntervalSeconds: 1,
  schedule: false,
  migrate: false,
});
boss.on("error", (e) => console.error("boss error", e.message));
let hangOnNextJob = process.env.HANG === "1";

await boss.start();
await boss.work("charge", { pollingIntervalSeconds: 0.5, includeMetadata: true }, async ([job]) => {
  const { orderId, cents } = job.data;
  await pool.query("insert into ledger_naive (order_id, cents, pid) values ($1, $2, $3)",
    [orderId, cents, process.pid]);
  await pool.query(
    `insert into ledger_keyed (order_id, cents, pid) values ($1, $2, $3)
     on conflict (order_id) do nothing`, [orderId, cents, process.pid]);
  process.send?.({ did: orderId, pid: process.pid, retry: job.retryCount ?? null });
  if (hangOnNextJob) {
    hangOnNextJob = false;
    await new Promise(() => {}); // "crash" here: the kernel kills this process mid-job
  }
});
process.send?.({ ready: process.pid });
process.on("disconnect", () => process.exit(0));
