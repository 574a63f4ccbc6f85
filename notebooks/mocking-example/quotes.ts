// A price lookup that reaches for its dependencies by import (getJson, retry) rather than taking
// them as parameters: to test it without a network, retry.test.ts replaces ./http.js with vi.mock.
import { HttpError } from "./errors.js";
import { getJson } from "./http.js";
import { retry } from "./retry.js";

/** Where quotes come from; a real deployment reads it from configuration. */
export const QUOTES_URL = "https://quotes.example.com/v1/prices";

/**
 * The price of `symbol`, retrying server errors (5xx) but not client errors (4xx).
 * @example await fetchPrice("ACME") // 101.5
 */
export async function fetchPrice(symbol: string): Promise<number> {
  const body = await retry(() => getJson(`${QUOTES_URL}/${encodeURIComponent(symbol)}`), {
    attempts: 3,
    baseDelayMs: 200,
    shouldRetry: (error) => !(error instanceof HttpError && error.status < 500),
  });
  const price = (body as { price?: unknown }).price;
  if (typeof price !== "number") throw new TypeError(`no numeric price for ${symbol} in ${JSON.stringify(body)}`);
  return price;
}
