import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Hand-made JWTs for attacking the API: signed with the server's own development key (to test
 * expiry and claims), with another key, or not at all.
 */
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function serverKey(): KeyObject {
  const file = path.join(process.env.LINDUNG_DATA_DIR!, 'keys', 'access-token-ed25519.json');
  return createPrivateKey({ key: JSON.parse(fs.readFileSync(file, 'utf8')), format: 'jwk' });
}

export function otherKey(): KeyObject {
  return generateKeyPairSync('ed25519').privateKey;
}

export function signToken(payload: Record<string, unknown>, key: KeyObject, header: Record<string, unknown> = {}): string {
  const head = b64({ alg: 'EdDSA', typ: 'at+jwt', ...header });
  const body = b64(payload);
  const signature = sign(null, Buffer.from(`${head}.${body}`), key).toString('base64url');
  return `${head}.${body}.${signature}`;
}

export function unsignedToken(payload: Record<string, unknown>): string {
  return `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64(payload)}.`;
}

export function decodePayload(token: string): Record<string, any> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
}

/** Claims as the server issues them, for a user, with overrides. */
export function claimsFor(accessToken: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...decodePayload(accessToken), ...overrides };
}
