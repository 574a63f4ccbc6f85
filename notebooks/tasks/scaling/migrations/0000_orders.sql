-- The one migration of notebook 14-scaling-out's race. The pg_sleep stands for a slow migration
-- (an index build, a backfill), so that two deployments starting together overlap.
CREATE TABLE "orders" ("id" serial PRIMARY KEY, "cents" integer NOT NULL);
--> statement-breakpoint
SELECT pg_sleep(1);
