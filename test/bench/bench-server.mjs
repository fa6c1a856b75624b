// The API the benchmarks measure: the built server, started in this process as in production, on
// the embedded PostgreSQL (or DATABASE_URL) in its own DATA_DIR, with the demo data.
import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphql } from './graphql-request.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Loads the API's built modules and its dependencies (pg, the entities). */
export const apiRequire = createRequire(path.join(root, 'api/package.json'));
export const apiDist = (file) => path.join(root, 'api/dist', file);

/**
 * The API as deployed (NODE_ENV=production, see production-mode.mjs): production never starts an
 * embedded database nor makes its own signing key, so the bench starts the embedded PostgreSQL in
 * DATA_DIR itself (unless DATABASE_URL) and hands the API a key pair made for this run.
 */
export async function startBenchServer() {
  process.env.DATA_DIR ??= path.join(root, '.data', 'bench');
  process.env.LOG_LEVEL ??= 'warn';
  process.env.DEMO_DATA = '1';
  process.env.PORT = '0';
  const { startEmbeddedDatabase } = apiRequire(apiDist('database/embedded.js'));
  const quiet = { info() {}, debug() {} };
  const database = process.env.DATABASE_URL ? null : await startEmbeddedDatabase(path.resolve(root, process.env.DATA_DIR), quiet);
  process.env.DATABASE_URL ??= database.url;
  const keys = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  process.env.JWT_PRIVATE_KEY = keys.privateKey;
  process.env.JWT_PUBLIC_KEY = keys.publicKey;
  const { loadConfig } = apiRequire(apiDist('config.js'));
  const { startServer } = apiRequire(apiDist('server.js'));
  let server;
  try {
    server = await startServer(loadConfig());
  } catch (error) {
    await database?.stop();
    throw error;
  }
  return {
    ...server,
    async stop() {
      await server.stop();
      await database?.stop();
    },
  };
}

/** An access token of the demo admin. */
export async function adminToken(server) {
  const { login } = await graphql(server.url, `mutation { login(email: "admin@lindung.test", password: "lindung-demo") { accessToken } }`);
  return login.accessToken;
}
