// The isolation-level experiments of notebook 14-scaling-out: each anomaly is staged step by step
// on two connections (A, then B interleaved with it), under one isolation level, and reports
// whether PostgreSQL let it through. Each returns true when the anomaly happened.
const begin = (c, level) => c.query(`begin isolation level ${level}`);
const one = async (c, sql) => (await c.query(sql)).rows[0];
const attempt = (promise) => promise.then(() => "ok", (error) => error.code);

/** B runs `read` twice under `level`, A runs `change` in between: true when the answers differ. */
async function readTwice(a, b, level, read, change) {
  await begin(b, level);
  const first = (await one(b, read)).value;
  await a.query(change);
  const second = (await one(b, read)).value;
  await b.query("commit");
  return first !== second;
}

async function reset(db) {
  await db.query(`drop table if exists iso_accounts, iso_doctors;
    create table iso_accounts (id int primary key, balance int);
    insert into iso_accounts values (1, 100);
    create table iso_doctors (name text primary key, on_call boolean);
    insert into iso_doctors values ('alice', true), ('bob', true)`);
}

export const anomalies = {
  // B sees a change A has not committed.
  "dirty read": async (a, b, level) => {
    await a.query("begin");
    await a.query("update iso_accounts set balance = 0 where id = 1");
    await begin(b, level);
    const seen = (await one(b, "select balance from iso_accounts where id = 1")).balance;
    await a.query("rollback");
    await b.query("commit");
    return seen === 0;
  },
  // B reads the same row twice and gets two values, because A committed in between.
  "non-repeatable read": (a, b, level) => readTwice(a, b, level,
    "select balance as value from iso_accounts where id = 1",
    "update iso_accounts set balance = balance + 50 where id = 1"),
  // B counts rows twice and a row A inserted in between appears.
  "phantom read": (a, b, level) => readTwice(a, b, level,
    "select count(*)::int as value from iso_accounts",
    "insert into iso_accounts values (2, 10)"),
  // Both read 100 and write back read + 10: one of the two deposits vanishes.
  "lost update": async (a, b, level) => {
    await begin(a, level);
    await begin(b, level);
    const readA = (await one(a, "select balance from iso_accounts where id = 1")).balance;
    const readB = (await one(b, "select balance from iso_accounts where id = 1")).balance;
    await a.query(`update iso_accounts set balance = ${readA + 10} where id = 1`);
    await a.query("commit");
    const writeB = `update iso_accounts set balance = ${readB + 10} where id = 1`;
    const wroteB = await attempt(b.query(writeB));
    await attempt(b.query("commit"));
    if (wroteB !== "ok") await b.query("rollback").catch(() => {});
    const final = (await one(a, "select balance from iso_accounts where id = 1")).balance;
    return wroteB === "ok" && final === 110; // B "succeeded", yet only one deposit is there
  },
  // Each checks "someone else is on call" and goes off call: nobody is left on call.
  "write skew": async (a, b, level) => {
    await begin(a, level);
    await begin(b, level);
    const check = "select count(*)::int as n from iso_doctors where on_call";
    const [onCallA, onCallB] = [(await one(a, check)).n, (await one(b, check)).n];
    if (onCallA > 1) await a.query("update iso_doctors set on_call = false where name = 'alice'");
    const offCallB = "update iso_doctors set on_call = false where name = 'bob'";
    if (onCallB > 1) await attempt(b.query(offCallB));
    await attempt(a.query("commit"));
    await attempt(b.query("commit"));
    await b.query("rollback").catch(() => {});
    return (await one(a, check)).n === 0;
  },
};

export const levels = ["read uncommitted", "read committed", "repeatable read", "serializable"];

/** One row per isolation level: for each anomaly, "let through" or "prevented". */
export async function isolationTable(pool) {
  const [a, b] = [await pool.connect(), await pool.connect()];
  try {
    const table = [];
    for (const level of levels) {
      const row = { level };
      for (const [name, run] of Object.entries(anomalies)) {
        await reset(a);
        row[name] = (await run(a, b, level)) ? "let through" : "prevented";
      }
      table.push(row);
    }
    return table;
  } finally {
    await a.query("drop table if exists iso_accounts, iso_doctors");
    a.release();
    b.release();
  }
}
