import type { EntityManager } from 'typeorm';
import { rowsReturned } from './returning';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * The rows of a statement run as a named prepared statement on the transaction's connection:
 * PostgreSQL parses and plans it once per pool connection (later with its generic plan) instead
 * of on every call. For hot statements whose planning is a large part of their cost — a decision's
 * one big statement spent ~2 ms of PostgreSQL's CPU planning, on every decision. `name` must be
 * unique to `text`. Outside a transaction (no query runner), a plain statement.
 */
export async function preparedRows<T>(em: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = em.queryRunner;
  if (!runner || runner.isReleased) return rowsReturned<T>(em, text, values);
  // TypeORM's query() takes only text; its Postgres runner's connect() gives the pg client it holds.
  const client = (await runner.connect()) as PgClient;
  const result = await client.query({ name, text, values });
  return result.rows as T[];
}
