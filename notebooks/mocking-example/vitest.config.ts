import { defineConfig } from "vitest/config";

// This folder's own vitest, so `npx vitest run` here runs its *.test.ts files and nothing else.
// The notebooks workspace's config runs only *.ipynb, and the repository's root config names the
// notebooks workspace as a project, so these tests never run twice: notebook 17 runs them.
// restoreMocks, unstubEnvs, unstubGlobals: undo every spy and stub after each test, as
// pytest-mock's mocker fixture and monkeypatch do (vitest's own defaults are all false).
export default defineConfig({
  test: { include: ["*.test.ts"], restoreMocks: true, unstubEnvs: true, unstubGlobals: true },
});
