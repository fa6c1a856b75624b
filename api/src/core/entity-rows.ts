import type { PoolClient } from 'pg';
import type { ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { poolOf } from './pool';

/**
 * The entities a scoped read selects, read the way TypeORM's `getMany` reads them — the same SQL
 * (the query builder's own), each column through the driver's own conversion, instances made as
 * TypeORM makes them — but run on the connection straight away. `getMany` also sets up what only
 * other queries need (relation-id loaders, a query runner and a broadcaster per query, grouping
 * rows by key for joins, a load event no entity listens to): on a 20-row list that was 100 to
 * 140 µs of the API's 880 µs of CPU per request, the largest part left that the floor does not pay.
 *
 * Only for queries of whole rows of one table (what the scoped readers make); anything else —
 * joins, relation ids, a partial select, a lock, an entity or subscriber that listens to loads —
 * goes through `getMany` as before.
 */
export async function readEntities<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): Promise<E[]> {
  const hydrate = hydratorFor(qb);
  // A released transaction's query is refused by getMany, as before.
  if (!hydrate || runnerOf(qb)?.isReleased) return qb.getMany();
  const [sql, parameters] = qb.getQueryAndParameters();
  const rows = await rawRows(qb, sql, parameters);
  return rows.map(hydrate);
}

/** The first entity `readEntities` reads, or null (as `getOne`). */
export async function readEntity<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): Promise<E | null> {
  const [first] = await readEntities(qb);
  return first ?? null;
}

type Hydrate<E> = (raw: Record<string, unknown>) => E;

/** Per entity and alias: the selected columns' names in the result, and how each becomes a property. */
const hydrators = new WeakMap<EntityMetadata, Map<string, Hydrate<ObjectLiteral>>>();

function hydratorFor<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): Hydrate<E> | null {
  const map = qb.expressionMap;
  const main = map.mainAlias;
  if (!main?.hasMetadata || !wholeRowsOfOneTable(qb)) return null;
  const metadata = main.metadata;
  let byAlias = hydrators.get(metadata);
  if (!byAlias) hydrators.set(metadata, (byAlias = new Map()));
  let hydrate = byAlias.get(main.name);
  if (!hydrate) byAlias.set(main.name, (hydrate = hydrator(qb, metadata, main.name)));
  return hydrate as Hydrate<E>;
}

function wholeRowsOfOneTable(qb: SelectQueryBuilder<ObjectLiteral>): boolean {
  const map = qb.expressionMap;
  const metadata = map.mainAlias!.metadata;
  return (
    map.selects.length === 1 &&
    map.selects[0].selection === map.mainAlias!.name &&
    map.joinAttributes.length === 0 &&
    map.relationIdAttributes.length === 0 &&
    map.lockMode === undefined &&
    map.relationLoadStrategy !== 'query' &&
    metadata.embeddeds.length === 0 &&
    metadata.childEntityMetadatas.length === 0 &&
    !metadata.discriminatorColumn &&
    metadata.afterLoadListeners.length === 0 &&
    metadata.eagerRelations.length === 0 &&
    metadata.lazyRelations.length === 0 &&
    !qb.connection.options.typename &&
    !qb.connection.subscribers.some((subscriber) => typeof subscriber.afterLoad === 'function')
  );
}

function hydrator(qb: SelectQueryBuilder<ObjectLiteral>, metadata: EntityMetadata, alias: string): Hydrate<ObjectLiteral> {
  const driver = qb.connection.driver;
  const columns: Array<[string, ColumnMetadata]> = metadata.columns
    .filter((column) => !column.isVirtual)
    .map((column) => [DriverUtils.buildAlias(driver, undefined, alias, column.databaseName), column]);
  return (raw) => {
    const entity = metadata.create(undefined, { fromDeserializer: true });
    for (const [name, column] of columns) {
      const value = raw[name];
      if (value !== undefined) column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
    }
    return entity;
  };
}

/**
 * On the transaction's connection when the query belongs to one, else on the pool; told to
 * TypeORM's logger as its own queries are (the `logging` option, the tests' statement counts).
 */
async function rawRows(qb: SelectQueryBuilder<ObjectLiteral>, sql: string, parameters: unknown[]): Promise<Array<Record<string, unknown>>> {
  const runner = runnerOf(qb);
  const logger = qb.connection.logger;
  logger.logQuery(sql, parameters, runner);
  try {
    if (runner) {
      const client = (await runner.connect()) as PoolClient;
      return (await client.query(sql, parameters)).rows;
    }
    return (await poolOf(qb.connection).query(sql, parameters)).rows;
  } catch (error) {
    logger.logQueryError(error as Error, sql, parameters, runner);
    throw error;
  }
}

/** The transaction's runner a query builder was made with (TypeORM keeps it protected). */
function runnerOf(qb: SelectQueryBuilder<ObjectLiteral>): QueryRunner | undefined {
  return (qb as unknown as { queryRunner?: QueryRunner }).queryRunner;
}
