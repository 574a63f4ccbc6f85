import { defineConfig } from "vitest/config";

// This folder's own vitest, so `npx vitest run` here runs retry.test.ts and nothing else. The
// notebooks workspace's config runs only *.ipynb, and the repository's root config names the
// notebooks workspace as a project, so this test never runs twice: notebook 13 runs it.
// Vitest 5's json reporter writes .vitest/json/output.json unless told `stdout: true`; notebook 17
// runs `vitest run --reporter=json` here and reads the report from stdout.
const json = process.argv.includes("--reporter=json");
export default defineConfig({ test: { include: ["*.test.ts"], ...(json && { reporters: [["json", { stdout: true }]] }) } });
