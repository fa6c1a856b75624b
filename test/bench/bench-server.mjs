// The API the benchmarks measure: the built server, started in this process on the embedded
// PostgreSQL (or DATABASE_URL) in its own DATA_DIR, with the demo data.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphql } from './graphql-request.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Loads the API's built modules and its dependencies (pg, the entities). */
export const apiRequire = createRequire(path.join(root, 'api/package.json'));
export const apiDist = (file) => path.join(root, 'api/dist', file);

export async function startBenchServer() {
  process.env.DATA_DIR ??= path.join(root, '.data', 'bench');
  process.env.LOG_LEVEL ??= 'warn';
  process.env.DEMO_DATA = '1';
  process.env.PORT = '0';
  const { loadConfig } = apiRequire(apiDist('config.js'));
  const { startServer } = apiRequire(apiDist('server.js'));
  return startServer(loadConfig());
}

/** An access token of the demo admin. */
export async function adminToken(server) {
  const { login } = await graphql(server.url, `mutation { login(email: "admin@lindung.test", password: "lindung-demo") { accessToken } }`);
  return login.accessToken;
}
