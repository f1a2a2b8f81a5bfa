/** The claims of an access token whose signature was checked, kept until the token expires. */
export interface VerifiedClaims {
  sub: string;
  sid: string;
  /** Expiry, in seconds since the epoch (the token's `exp`). */
  exp: number;
}

/**
 * Access tokens already verified, so that the HMAC of a token is computed once, not on every
 * request it comes with. A token is a signed, immutable string: the same string verifies the same
 * way until its `exp`, which is checked on every hit as `jsonwebtoken` checks it. What can end a
 * session early (logout, deactivation, idle time) is not here: the session check still runs, in the
 * database, on every request. Bounded: past `capacity` tokens the oldest entry goes first.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, VerifiedClaims>();

  constructor(private readonly capacity = 10_000) {}

  /** The claims of `token` if it was verified and has not expired at `nowMs`. */
  get(token: string, nowMs: number): VerifiedClaims | undefined {
    const claims = this.entries.get(token);
    if (!claims) return undefined;
    if (Math.floor(nowMs / 1000) >= claims.exp) {
      this.entries.delete(token);
      return undefined;
    }
    return claims;
  }

  remember(token: string, claims: VerifiedClaims): void {
    if (this.entries.size >= this.capacity && !this.entries.has(token)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, claims);
  }

  get size(): number {
    return this.entries.size;
  }
}
