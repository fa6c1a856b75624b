import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The pg pool behind a PostgreSQL data source (TypeORM calls it the driver's master). In core, which
 * imports no entity, so that the readers in core can use it too (database/data-source.ts, which
 * imports every entity, re-exports it).
 */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}
