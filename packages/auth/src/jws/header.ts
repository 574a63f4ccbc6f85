/** The JOSE header of a JWS (RFC 7515 §4). */
export interface JwsHeader {
  /** The algorithm; checked against the verifier's allow-list before anything else. */
  alg: string;
  /** Key id: which key signed, for key rotation. */
  kid?: string;
  /** Media type of the whole token, `JWT` or `at+jwt` (RFC 9068). */
  typ?: string;
  /** Extensions the verifier must understand or reject the token. */
  crit?: string[];
  [parameter: string]: unknown;
}

/**
 * Picks the key from the header, e.g. by `kid`: the way to rotate verification keys. Return
 * `undefined` for a header you have no key for; the token is then refused with `JwtKeyError` (401).
 */
export type KeyResolver<K> = (header: JwsHeader) => K | undefined;
