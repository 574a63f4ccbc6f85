// drizzle-kit's settings. After changing schema.ts, run from notebooks/ (npx runs commands there,
// the nearest folder with a package.json, so the paths below start from it):
//   npx drizzle-kit generate --config orm-example/drizzle.config.ts --name what_changed
// to write the next migration into drizzle/ (Django: `python manage.py makemigrations`).
import { defineConfig } from "drizzle-kit";

export default defineConfig({ dialect: "postgresql", schema: "./orm-example/schema.ts", out: "./orm-example/drizzle" });
