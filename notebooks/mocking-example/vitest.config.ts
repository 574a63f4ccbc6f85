import { defineConfig } from "vitest/config";

// This folder's own vitest, so `npx vitest run` here runs its *.test.ts files and nothing else.
// The notebooks workspace's config runs only *.ipynb, and the repository's root config names the
// notebooks workspace as a project, so these tests never run twice: notebook 17 runs them.
// restoreMocks, unstubEnvs, unstubGlobals: every test starts with the spies and stubs of the test
// before undone (vitest applies them before each test, not after it, so a test's own afterEach
// still sees its spies), as pytest-mock's mocker fixture and monkeypatch undo their patches
// (vitest's own defaults are all false).
// Vitest 5's json reporter writes .vitest/json/output.json unless told `stdout: true`; notebook 17
// runs `vitest run --reporter=json` here and reads the report from stdout.
const json = process.argv.includes("--reporter=json");
export default defineConfig({
  test: {
    include: ["*.test.ts"],
    restoreMocks: true,
    unstubEnvs: true,
    unstubGlobals: true,
    ...(json && { reporters: [["json", { stdout: true }]] }),
  },
});
