// The one place that talks HTTP for quotes.ts: a seam that a test can replace with vi.mock.
import { HttpError } from "./errors.js";

/** GETs `url` and parses its JSON body; throws HttpError on a non-2xx status. */
export async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new HttpError(response.status, url);
  return response.json();
}
