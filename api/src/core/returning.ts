import type { EntityManager } from 'typeorm';

/**
 * The rows a statement RETURNING gives, whatever its command: TypeORM's `query` answers an UPDATE
 * or DELETE (also one inside a WITH) with `[rows, rowCount]` and anything else with the rows.
 */
export async function rowsReturned<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result = await em.query(sql, params);
  const updateShaped = Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number';
  return (updateShaped ? result[0] : result) as T[];
}
