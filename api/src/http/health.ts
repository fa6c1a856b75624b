import { Router } from 'express';
import type { DataSource } from 'typeorm';
import { asServiceUnavailable } from '../core/database-errors';
import { poolStarved } from '../database/data-source';

/** `GET /healthz` (the process is up) and `GET /readyz` (the database answers, migrations applied). */
export function healthRoutes(dataSource: DataSource): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness(dataSource);
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  return router;
}

interface Readiness {
  ready: boolean;
  database: 'ok' | 'busy' | 'unreachable';
  migrations: 'applied' | 'pending' | 'unknown';
}

/**
 * Not ready while every pool connection is taken and requests queue for one (a load balancer
 * should send traffic elsewhere), and ready again once the queue drains; the probe's own query
 * waits no longer than the pool's acquire timeout.
 */
async function checkReadiness(dataSource: DataSource): Promise<Readiness> {
  if (poolStarved(dataSource)) return { ready: false, database: 'busy', migrations: 'unknown' };
  try {
    await dataSource.query('SELECT 1');
  } catch (error) {
    const busy = asServiceUnavailable(error)?.extensions.reason === 'DATABASE_BUSY';
    return { ready: false, database: busy ? 'busy' : 'unreachable', migrations: 'unknown' };
  }
  const pending = await dataSource.showMigrations().catch(() => true);
  return { ready: !pending, database: 'ok', migrations: pending ? 'pending' : 'applied' };
}
