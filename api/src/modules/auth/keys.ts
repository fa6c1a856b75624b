import fs from 'node:fs';
import path from 'node:path';
import type { CryptoKey, JWK } from 'jose';
import type { Logger } from 'pino';
import type { Config } from '../../config';

/** The access-token algorithm, pinned: verification accepts nothing else (no `none`, no HS256). */
export const TOKEN_ALGORITHM = 'EdDSA';

export interface TokenKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  keyId: string;
}

/**
 * Production keys come from the environment (PEM: PKCS#8 private, SPKI public). Elsewhere a key
 * pair is generated into DATA_DIR on first start and reused, so sessions survive restarts.
 */
export async function loadTokenKeys(config: Config, logger: Logger): Promise<TokenKeys> {
  const jose = await import('jose');
  if (config.jwtPrivateKey && config.jwtPublicKey) {
    const privateKey = await jose.importPKCS8(config.jwtPrivateKey, TOKEN_ALGORITHM);
    const publicKey = await jose.importSPKI(config.jwtPublicKey, TOKEN_ALGORITHM, { extractable: true });
    return { privateKey, publicKey, keyId: await jose.calculateJwkThumbprint(await jose.exportJWK(publicKey)) };
  }
  const file = path.join(config.dataDir, 'keys', 'access-token-ed25519.json');
  if (!fs.existsSync(file)) {
    const pair = await jose.generateKeyPair(TOKEN_ALGORITHM, { crv: 'Ed25519', extractable: true });
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, JSON.stringify(await jose.exportJWK(pair.privateKey)), { mode: 0o600 });
    logger.info({ file }, 'generated a development signing key');
  }
  const privateJwk = JSON.parse(fs.readFileSync(file, 'utf8')) as JWK;
  const { d: _private, ...publicJwk } = privateJwk;
  return {
    privateKey: (await jose.importJWK(privateJwk, TOKEN_ALGORITHM)) as CryptoKey,
    publicKey: (await jose.importJWK(publicJwk, TOKEN_ALGORITHM)) as CryptoKey,
    keyId: await jose.calculateJwkThumbprint(publicJwk),
  };
}
