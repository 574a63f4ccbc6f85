// The vi counterparts of Python's patch-as-a-context-manager, autospec, monkeypatch and
// pytest-mock's automatic undo. Run from a cell of notebook 17-mocking.ipynb, with retry.test.ts.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { getJson } from "./http.js";
import { QUOTES_URL } from "./quotes.js";

// vitest.config.ts sets restoreMocks, unstubEnvs and unstubGlobals: after each test every spy is
// restored and every stubbed variable put back, as pytest-mock's mocker and monkeypatch do.
afterEach(() => vi.doUnmock("./http.js"));
const realRandom = Math.random;

describe("counterparts of Python's tools", () => {
  it("vi.doMock: patch() used as a context manager, for the imports that follow", async () => {
    vi.doMock("./http.js", () => ({ getJson: vi.fn(async () => ({ price: 7 })) }));
    vi.resetModules(); // forget the real quotes.js, so the next import sees the mock
    const { fetchPrice } = await import("./quotes.js");
    expect(await fetchPrice("ACME")).toBe(7);
  });

  it("vi.fn<typeof getJson>(): a typed mock, the compile-time autospec", async () => {
    const fake = vi.fn<typeof getJson>().mockResolvedValue({ price: 1 });
    // @ts-expect-error getJson takes a URL string: tsc rejects a number, as autospec would
    void fake(42);
    await fake(`${QUOTES_URL}/ACME`);
    expect(fake).toHaveBeenLastCalledWith(`${QUOTES_URL}/ACME`);
  });

  it("vi.stubEnv and vi.stubGlobal: monkeypatch.setenv and monkeypatch.setattr", () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    expect(Math.random()).toBe(0.5);
    vi.stubEnv("QUOTES_TOKEN", "test-token");
    vi.stubGlobal("fetch", vi.fn());
    expect(process.env.QUOTES_TOKEN).toBe("test-token");
    expect(vi.isMockFunction(globalThis.fetch)).toBe(true);
  });

  it("restoreMocks and unstub*: the spy and stubs of the test before are gone", () => {
    expect(Math.random).toBe(realRandom);
    expect(process.env.QUOTES_TOKEN).toBeUndefined();
    expect(vi.isMockFunction(globalThis.fetch)).toBe(false);
  });
});
