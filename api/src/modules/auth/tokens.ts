import { isRole, type Role, type Scope } from '@lindung/domain';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { TOKEN_ALGORITHM, type TokenKeys } from './keys';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'lindung';
const AUDIENCE = 'lindung-api';

export interface AccessClaims {
  sub: string;
  role: Role;
  scope: Scope;
  /** The session (refresh-token family) the token belongs to: revoking it ends the token too. */
  sid: string;
}

/** A token lacking any of these is refused, however well signed (a token without `exp` never ends). */
const REQUIRED_CLAIMS = ['sub', 'sid', 'iat', 'exp', 'jti'];

export async function signAccessToken(keys: TokenKeys, claims: AccessClaims): Promise<{ token: string; expiresAt: Date }> {
  const { SignJWT } = await import('jose');
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = issuedAt + ACCESS_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({
    role: claims.role,
    regency_id: claims.scope.regencyId,
    village_id: claims.scope.villageId,
    partner_id: claims.scope.partnerId,
    sid: claims.sid,
  })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: keys.keyId, typ: 'at+jwt' })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .setJti(randomUUID())
    .sign(keys.privateKey);
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

/**
 * Tokens whose signature this process has verified, with their expiry: a client sends the same
 * access token with every request until it expires, and checking an EdDSA signature again each
 * time cost a sixth of a list request's CPU. A token is immutable, so its verdict is too; expiry is
 * still checked on every use, and what can change — the session, the account — is checked by the
 * caller on every request (actor.ts). Bounded: the oldest entries go first.
 */
const verified = new WeakMap<TokenKeys, Map<string, { claims: AccessClaims; expiresAtMs: number }>>();
const MAX_VERIFIED_TOKENS = 10_000;

/** Verifies signature (pinned algorithm), issuer, audience, expiry and required claims; throws on any failure. */
export async function verifyAccessToken(keys: TokenKeys, token: string): Promise<AccessClaims> {
  let cache = verified.get(keys);
  const hit = cache?.get(token);
  if (hit && hit.expiresAtMs > Date.now()) return hit.claims;
  if (hit) cache!.delete(token);
  const { claims, expiresAtMs } = await verifySignedToken(keys, token);
  if (!cache) verified.set(keys, (cache = new Map()));
  if (cache.size >= MAX_VERIFIED_TOKENS) cache.delete(cache.keys().next().value!);
  cache.set(token, { claims, expiresAtMs });
  return claims;
}

async function verifySignedToken(keys: TokenKeys, token: string): Promise<{ claims: AccessClaims; expiresAtMs: number }> {
  const { jwtVerify } = await import('jose');
  const { payload } = await jwtVerify(token, keys.publicKey, {
    algorithms: [TOKEN_ALGORITHM],
    issuer: ISSUER,
    audience: AUDIENCE,
    typ: 'at+jwt',
    requiredClaims: REQUIRED_CLAIMS,
  });
  if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || !isRole(payload.role)) {
    throw new Error('token claims are malformed');
  }
  const id = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    claims: {
      sub: payload.sub,
      role: payload.role,
      sid: payload.sid,
      scope: { regencyId: id(payload.regency_id), villageId: id(payload.village_id), partnerId: id(payload.partner_id) },
    },
    expiresAtMs: payload.exp! * 1000,
  };
}

/** Refresh tokens are opaque random strings; only their SHA-256 is stored. */
export function newRefreshToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
