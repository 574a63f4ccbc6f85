// A queue worker process of notebook 14-scaling-out: takes "charge" jobs from pg-boss and makes
// two side effects per job: one naive insert (a second run of the job writes a second row) and
// one with an idempotency key (the job's order id; a second run writes nothing). After the side
// effects it tells the kernel (IPC). A job marked crashOnFirstTry then hangs on its first try, and
// the kernel kills this process: a crash mid-job, after the effects and before "done".
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

await boss.start();
await boss.work("charge", { pollingIntervalSeconds: 0.5, includeMetadata: true }, async ([job]) => {
  const { orderId, cents, crashOnFirstTry } = job.data;
  await pool.query("insert into ledger_naive (order_id, cents, pid) values ($1, $2, $3)",
    [orderId, cents, process.pid]);
  await pool.query(
    `insert into ledger_keyed (order_id, cents, pid) values ($1, $2, $3)
     on conflict (order_id) do nothing`, [orderId, cents, process.pid]);
  const hanging = crashOnFirstTry === true && job.retryCount === 0;
  process.send?.({ did: orderId, pid: process.pid, retry: job.retryCount, hanging });
  if (hanging) await new Promise(() => {}); // the kernel kills this process here
});
process.send?.({ ready: process.pid });
process.on("disconnect", () => process.exit(0));
