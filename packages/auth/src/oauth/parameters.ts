/**
 * How it works: OAuth request parameters (a query string or a form body) become a record with
 * no prototype, so a parameter named `constructor` or `__proto__` is just a parameter: it neither
 * reads as "already present" (`'constructor' in {}` is true) nor changes the record's prototype.
 * RFC 6749 §3.1: "Request and response parameters MUST NOT be included more than once."
 */
import { OAuthError } from '../errors.js';

/** The parameters, each once, and the names that came more than once. */
export interface ParsedParameters {
  values: Readonly<Record<string, string>>;
  repeated: readonly string[];
}

/** Reads every parameter; a repeated one keeps its first value and is listed in `repeated`. */
export function parseParameters(params: URLSearchParams): ParsedParameters {
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  const repeated: string[] = [];
  for (const [name, value] of params) {
    if (Object.hasOwn(values, name)) repeated.push(name);
    else values[name] = value;
  }
  return { values, repeated };
}

/**
 * The parameters of a token or introspection request.
 *
 * @throws OAuthError `invalid_request` when one is repeated (the name is not echoed back).
 */
export function singleValued(params: URLSearchParams): Readonly<Record<string, string>> {
  const { values, repeated } = parseParameters(params);
  if (repeated.length > 0) throw new OAuthError('invalid_request', 'a parameter is repeated (RFC 6749 section 3.1)');
  return values;
}
