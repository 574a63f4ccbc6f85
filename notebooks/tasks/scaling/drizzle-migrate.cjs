// Drizzle's migrator for notebook 14-scaling-out, on one pg client: drizzle-orm/node-postgres's
// `migrate()`. 19-orm imports drizzle-orm/pglite/migrator instead; both call the same
// PgDialect.migrate, so the two apply migrations alike. A CommonJS module of its own because
// Drizzle's CommonJS build loads in a tenth of the time of its ES modules, and the notebook's kernel then
// has none of Drizzle's declarations to type-check for a one-line call.
const { drizzle } = require("drizzle-orm/node-postgres");
const { migrate } = require("drizzle-orm/node-postgres/migrator");

/** Applies the migrations in `folder` that the database has not seen, through `client`. */
exports.migrateWithDrizzle = (client, folder) =>
  migrate(drizzle({ client }), { migrationsFolder: folder });
