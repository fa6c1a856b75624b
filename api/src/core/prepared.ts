import type { EntityManager } from 'typeorm';
import { rowsReturned } from './returning';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * The rows of a statement run as a named prepared statement on the transaction's connection:
 * PostgreSQL parses it once per pool connection and, after five custom plans, keeps its generic
 * plan instead of planning every call — if the generic plan is estimated no costlier than the
 * custom ones were. A parameter the planner can see in a custom plan (`id = $1`) can make those
 * look cheaper, and then it plans every call for good: give such values to the statement through
 * a MATERIALIZED CTE (see the proposal service's FOUND_CTES), and read the bench's count of
 * generic and custom plans. For hot statements whose planning is a large part of their cost: a
 * decision's one big statement takes ~4 ms of PostgreSQL's CPU to plan. `name` must be unique to
 * `text`. Outside a transaction (no query runner), a plain statement.
 */
export async function preparedRows<T>(em: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = em.queryRunner;
  if (!runner || runner.isReleased) return rowsReturned<T>(em, text, values);
  // TypeORM's query() takes only text; its Postgres runner's connect() gives the pg client it holds.
  const client = (await runner.connect()) as PgClient;
  const result = await client.query({ name, text, values });
  return result.rows as T[];
}
