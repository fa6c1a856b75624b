import type { Config } from '../config';
import type { AppServices } from '../core/context';
import { createDataSource } from './data-source';
import { loadDemoData } from './demo-data';
import { loadReferenceData } from './reference-data';

/**
 * Migrations and data loading, on a small pool of their own: start-up work may run long (a
 * migration on a big table, another instance's turn at the lock), which the serving pool's
 * statement and acquire timeouts are there to forbid for requests.
 */
export async function prepareDatabase(url: string, config: Config, logger: AppServices['logger']): Promise<void> {
  const setup = createDataSource(url, { poolSize: 2, acquireTimeoutMs: 60_000, statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 });
  await setup.initialize();
  // Instances starting together take turns: one migrates and loads, the others then find it done.
  const runner = setup.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    const applied = await setup.runMigrations({ transaction: 'each' });
    if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    await setup.transaction(async (em) => {
      await loadReferenceData(em);
      if (config.demoData && (await loadDemoData(em))) logger.info('demo data loaded');
    });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
    await runner.release();
    await setup.destroy();
  }
}

/** Advisory lock key for start-up work ("lindung" in ASCII, as a number). */
const STARTUP_LOCK = 0x6c696e64756e67;
