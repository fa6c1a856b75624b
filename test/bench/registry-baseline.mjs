// The floor of the registry list under load: a hand-written express + pg endpoint that runs the
// very SQL the API ran for `allWorkers` (captured from TypeORM) on a pool of the API's size, and
// answers the same JSON the API does ({ data: { allWorkers: [...] } }, the same fields in the same
// order). No GraphQL, no token, no scope, no masking: what is left is HTTP, JSON and PostgreSQL.
import { apiDist, apiRequire } from './bench-server.mjs';

const express = apiRequire('express');
const { Pool } = apiRequire('pg');

/**
 * @param {{ databaseUrl: string, sql: string, parameters: unknown[], fields: Array<[string, string]>, poolSize?: number }} options
 *   fields: [GraphQL field, raw column TypeORM selected it as], in the order of the query.
 * @returns {Promise<{ url: string, stop(): Promise<void> }>}
 */
export async function startBaselineServer({ databaseUrl, sql, parameters, fields, poolSize = 10 }) {
  // The API's session settings, so that PostgreSQL plans the same SQL the same way.
  const { SESSION_OPTIONS } = apiRequire(apiDist('database/data-source.js'));
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize, options: SESSION_OPTIONS });
  const app = express();
  app.disable('x-powered-by');
  app.post('/graphql', express.json(), async (_req, res, next) => {
    try {
      const { rows } = await pool.query(sql, parameters);
      const allWorkers = rows.map((row) => {
        const item = {};
        for (const [field, column] of fields) item[field] = row[column] instanceof Date ? row[column].toISOString() : row[column];
        return item;
      });
      res.json({ data: { allWorkers } });
    } catch (error) {
      next(error);
    }
  });
  const server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    async stop() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}
