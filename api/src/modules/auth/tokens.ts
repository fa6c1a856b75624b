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

/** Verifies signature (pinned algorithm), issuer, audience, expiry and required claims; throws on any failure. */
export async function verifyAccessToken(keys: TokenKeys, token: string): Promise<AccessClaims> {
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
    sub: payload.sub,
    role: payload.role,
    sid: payload.sid,
    scope: { regencyId: id(payload.regency_id), villageId: id(payload.village_id), partnerId: id(payload.partner_id) },
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
