/** The registered claims of RFC 7519 §4.1, plus any others. Times are NumericDate: seconds since 1970. */
export interface JwtPayload {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  exp?: number;
  nbf?: number;
  iat?: number;
  jti?: string;
  [claim: string]: unknown;
}

/** Seconds since the epoch from a millisecond clock. */
export function numericDate(clock: () => number): number {
  return Math.floor(clock() / 1000);
}

/** `payload[name]` when it is the payload's own property: `constructor` or `__proto__` are never claims by inheritance. */
export function ownClaim(payload: JwtPayload, name: string): unknown {
  return Object.hasOwn(payload, name) ? payload[name] : undefined;
}
