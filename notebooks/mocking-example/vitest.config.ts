import { defineConfig } from "vitest/config";

// This folder's own vitest, so `npx vitest run` here runs retry.test.ts and nothing else. The
// notebooks workspace's config runs only *.ipynb, and the repository's root config names the
// notebooks workspace as a project, so this test never runs twice: notebook 13 runs it.
export default defineConfig({ test: { include: ["*.test.ts"] } });
