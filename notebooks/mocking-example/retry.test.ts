// A real vitest file, run from a cell of notebook 17-mocking.ipynb (npx vitest run, in this
// folder). It uses the four tools the notebook teaches: vi.fn, vi.spyOn, vi.mock, vi.useFakeTimers.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HttpError } from "./errors.js";
import { getJson } from "./http.js";
import { fetchPrice } from "./quotes.js";
import { RetryError, retry } from "./retry.js";

// vi.mock is hoisted above the imports: quotes.ts gets this module instead of the real one, and
// its getJson is a mock function that each test programs.
vi.mock("./http.js", () => ({ getJson: vi.fn() }));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.mocked(getJson).mockReset();
});

/** A task that fails `failures` times, then resolves with `value`. */
function flaky<T>(failures: number, value: Awaited<T>) {
  const task = vi.fn<(attempt: number) => Promise<T>>();
  for (let i = 1; i <= failures; i += 1) task.mockRejectedValueOnce(new Error(`failure ${i}`));
  return task.mockResolvedValue(value);
}

describe("retry", () => {
  it("retries until the task succeeds", async () => {
    const task = flaky(2, "ok");
    const result = retry(task, { baseDelayMs: 100 });
    await vi.advanceTimersByTimeAsync(100 + 200);
    await expect(result).resolves.toBe("ok");
    expect(task).toHaveBeenCalledTimes(3);
    expect(task.mock.calls).toEqual([[1], [2], [3]]);
  });

  it("doubles the wait after each failure", async () => {
    const startedAt: number[] = [];
    const task = vi.fn(async () => {
      startedAt.push(Date.now());
      throw new Error("down");
    });
    const outcome = expect(retry(task, { attempts: 4, baseDelayMs: 100 })).rejects.toBeInstanceOf(RetryError);
    await vi.runAllTimersAsync();
    await outcome;
    expect(startedAt.map((t) => t - startedAt[0]!)).toEqual([0, 100, 300, 700]);
  });

  it("gives up with the last error as the cause", async () => {
    const outcome = expect(retry(flaky(5, "never"), { attempts: 3 })).rejects.toMatchObject({
      code: "ERR_RETRY_EXHAUSTED",
      attempts: 3,
      cause: new Error("failure 3"),
    });
    await vi.runAllTimersAsync();
    await outcome;
  });

  it("shortens waits with jitter (Math.random spied)", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const onRetry = vi.fn();
    const result = retry(flaky(1, 42), { baseDelayMs: 100, jitter: 1, onRetry });
    await vi.advanceTimersByTimeAsync(50);
    await expect(result).resolves.toBe(42);
    expect(onRetry).toHaveBeenCalledWith(expect.objectContaining({ attempt: 1, delayMs: 50 }));
  });
});

describe("fetchPrice, with ./http.js replaced by vi.mock", () => {
  it("retries a 503, then returns the price", async () => {
    vi.mocked(getJson).mockRejectedValueOnce(new HttpError(503, "quotes")).mockResolvedValueOnce({ price: 101.5 });
    const price = fetchPrice("ACME");
    await vi.advanceTimersByTimeAsync(200);
    await expect(price).resolves.toBe(101.5);
    expect(getJson).toHaveBeenLastCalledWith("https://quotes.example.com/v1/prices/ACME");
  });

  it("does not retry a 404", async () => {
    vi.mocked(getJson).mockRejectedValueOnce(new HttpError(404, "quotes"));
    await expect(fetchPrice("NOPE")).rejects.toMatchObject({ attempts: 1, cause: { status: 404 } });
    expect(getJson).toHaveBeenCalledOnce();
  });
});
