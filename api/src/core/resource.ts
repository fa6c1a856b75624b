import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ClassType } from 'type-graphql';
import type { RequestContext } from './context';
import { conflict, notFound, pgErrorCode, PgError, badUserInput } from './errors';
import { orderAndPage, orderBySort, orderedBy, pageOf, sortOf, whereIn, whereSearch, type ListArgsShape, type ListSort, type SortableFields } from './list';
import { readEntities, readEntity } from './entity-rows';
import { countedRows } from './row-counts';
import { linkedPageQuery, quote, scopedQuery } from './scope';

export interface ResourceFilter {
  ids?: string[];
  q?: string;
}

/**
 * The read side every resource shares: list, count and by-id, all built on the same scoped,
 * filtered query, so the three can never disagree about what the caller may see.
 */
export abstract class ResourceReader<E extends ObjectLiteral & { id: string }, F extends ResourceFilter> {
  protected abstract readonly entity: ClassType<E>;
  /** The GraphQL type name, used in NOT_FOUND messages. */
  protected abstract readonly typeName: string;
  protected abstract readonly alias: string;
  protected abstract readonly sortable: SortableFields;
  protected abstract readonly defaultSort: string;
  /** Columns (SQL, alias-qualified) that `q` searches. */
  protected abstract readonly searchColumns: string[];
  /** The filter's reference ids and other fields beyond `ids` and `q`. */
  protected abstract applyFilter(qb: SelectQueryBuilder<E>, filter: F): void;

  query(ctx: RequestContext, filter?: F): SelectQueryBuilder<E> {
    return this.filtered(ctx, scopedQuery(ctx, this.entity, this.alias), filter);
  }

  /** A scoped query narrowed by the filter: ids, `q` and the resource's own fields. */
  private filtered(ctx: RequestContext, qb: SelectQueryBuilder<E>, filter: F | undefined): SelectQueryBuilder<E> {
    if (filter) {
      whereIn(qb, `${this.alias}.id`, filter.ids);
      const q = filter.q?.trim();
      if (q) this.whereSearched(ctx, qb, q);
      this.applyFilter(qb, filter);
    }
    return qb;
  }

  /** What `q` finds: by default any of the search columns containing it. */
  protected whereSearched(_ctx: RequestContext, qb: SelectQueryBuilder<E>, q: string): void {
    whereSearch(qb, q, this.searchColumns);
  }

  list(ctx: RequestContext, args: ListArgsShape & { filter?: F }): Promise<E[]> {
    const q = args.filter?.q?.trim();
    const rank = q ? this.searchRank(q) : null;
    if (rank) return readEntities(rankFirst(orderAndPage(this.query(ctx, args.filter), this.alias, args, this.sortable, this.defaultSort), rank));
    const sort = sortOf(args, this.sortable, this.defaultSort);
    return this.rowsOfPage(ctx, this.pageIds(ctx, args, sort), sort);
  }

  /**
   * The query that picks a page's ids. Where the caller's scope is a link that carries the sort
   * (core/scope.ts, LinkTerm: a partner's ties carry each person's name), the page is read off the
   * caller's own links in that order: a partner with 6,000 people among a million finds its first
   * 50 by name in its 50 ties (0.4 ms of SQL), where walking everybody's name index passes ~7,000
   * people of others (15 ms). Otherwise the scoped query in the row's own columns.
   */
  private pageIds(ctx: RequestContext, args: ListArgsShape & { filter?: F }, sort: ListSort): SelectQueryBuilder<E> {
    const linked = linkedPageQuery(ctx, this.entity, this.alias, sort.property);
    const ordered = linked
      ? this.filtered(ctx, linked.query, args.filter).orderBy(linked.orderBy[0], sort.order).addOrderBy(linked.orderBy[1], sort.order)
      : orderedBy(this.query(ctx, args.filter), this.alias, sort);
    return pageOf(ordered, args).select(`${this.alias}.id`);
  }

  /**
   * A page read in one statement, ids first: the page's ids are picked (pageIds), walking only an
   * index of the sort columns where there is one (name, id), and then only those rows are read
   * whole. Read whole from the start, every row passed on the way to the page would be fetched
   * too (a village head's page by name passes the people of other villages), and a deep page skips
   * its offset in the index alone. A first page of an unscoped list pays ~0.2 ms for the second
   * step. The rows are read through the caller's scope again, so this query starts from the
   * scoped reader as well.
   */
  private rowsOfPage(ctx: RequestContext, ids: SelectQueryBuilder<E>, sort: ListSort): Promise<E[]> {
    const rows = scopedQuery(ctx, this.entity, PAGE_ROW).andWhere(`${quote(PAGE_ROW)}.${quote('id')} IN (${ids.getQuery()})`, ids.getParameters());
    return readEntities(orderedBy(rows, PAGE_ROW, sort));
  }

  /**
   * How well each row matches a search, lower first (exact before prefix before anywhere), or
   * null: a search changes only which rows, not their order. The list's own sort breaks ties.
   */
  protected searchRank(_q: string): SearchRank | null {
    return null;
  }

  /** Every row of the list, in its order: what an export walks through. */
  sorted(ctx: RequestContext, args: Pick<ListArgsShape, 'sortField' | 'sortOrder'> & { filter?: F }): SelectQueryBuilder<E> {
    return orderBySort(this.query(ctx, args.filter), this.alias, args, this.sortable, this.defaultSort);
  }

  /** The list's total: from the kept row counts when the list is unfiltered, else counted in SQL. */
  async count(ctx: RequestContext, args: { filter?: F }): Promise<number> {
    if (isUnfiltered(args.filter)) {
      const kept = await countedRows(ctx, this.entity);
      if (kept !== null) return kept;
    }
    return this.query(ctx, args.filter).getCount();
  }

  /** By id within the caller's scope; out of scope is indistinguishable from absent. */
  async get(ctx: RequestContext, id: string): Promise<E> {
    const row = await readEntity(this.query(ctx).andWhere(`${this.alias}.id = :id`, { id }));
    if (!row) throw notFound(this.typeName, id);
    return row;
  }

  /**
   * A record named by an input field (a create's `regencyId`, say): absent or out of scope is
   * bad input on that field, not a missing resource.
   */
  async getReference(ctx: RequestContext, id: string, field: string): Promise<E> {
    const row = await readEntity(this.query(ctx).andWhere(`${this.alias}.id = :id`, { id }));
    if (!row) throw badUserInput({ [field]: { code: 'NOT_VISIBLE', params: { type: this.typeName, id } } });
    return row;
  }

  /** As `get`, locking the row for the rest of the mutation's transaction. */
  async getForUpdate(ctx: RequestContext, id: string): Promise<E> {
    const row = await this.query(ctx)
      .andWhere(`${this.alias}.id = :id`, { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!row) throw notFound(this.typeName, id);
    return row;
  }

  /**
   * Deletes a row the caller can see. A row others still refer to is refused with CONFLICT
   * `IN_USE`, naming what refers to it and how many ("13 villages"), so the person knows what to
   * move or remove first; a savepoint keeps the transaction usable to count them.
   */
  async delete(ctx: RequestContext, id: string): Promise<E> {
    const row = await this.getForUpdate(ctx, id);
    await ctx.em.query('SAVEPOINT before_delete');
    try {
      // remove (not delete by criteria): the audit subscriber records what was deleted.
      await ctx.em.remove(this.entity, row);
    } catch (error) {
      if (pgErrorCode(error) !== PgError.FOREIGN_KEY_VIOLATION) throw error;
      await ctx.em.query('ROLLBACK TO SAVEPOINT before_delete');
      throw conflict({ code: 'IN_USE', params: await dependantsOf(ctx, error, id) });
    }
    return { ...row, id };
  }
}

export interface SearchRank {
  sql: string;
  params: Record<string, unknown>;
}

/** The alias of a list page's rows, read by the ids the list's own query picked. */
const PAGE_ROW = 'page_row';

/** Puts the search rank before the list's own order. */
function rankFirst<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, rank: SearchRank): SelectQueryBuilder<E> {
  const listOrder = { ...qb.expressionMap.orderBys };
  qb.orderBy(rank.sql, 'ASC').setParameters(rank.params);
  for (const [sort, order] of Object.entries(listOrder)) qb.addOrderBy(sort, typeof order === 'string' ? order : order.order);
  return qb;
}

/** The rows that still refer to a row (the foreign key PostgreSQL named): their type and number. */
async function dependantsOf(ctx: RequestContext, error: unknown, id: string): Promise<{ dependant: string; count: number }> {
  const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint ?? '';
  const [key] = await ctx.em.query(
    `SELECT c.conrelid::regclass::text AS "table", a.attname AS "column"
     FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     WHERE c.conname = $1 AND c.contype = 'f'`,
    [constraint],
  );
  if (!key) return { dependant: 'record', count: 1 };
  const [{ count }] = await ctx.em.query(`SELECT count(*)::int AS count FROM ${quote(key.table)} WHERE ${quote(key.column)} = $1`, [id]);
  const entity = ctx.em.connection.entityMetadatas.find((metadata) => metadata.tableName === key.table);
  return { dependant: entity?.name ?? key.table, count };
}

function isUnfiltered(filter: object | undefined | null): boolean {
  if (!filter) return true;
  return Object.values(filter).every((value) => value === undefined || value === null || (typeof value === 'string' && value.trim() === ''));
}

/** Turns a unique violation on a known constraint into BAD_USER_INPUT on the field at fault. */
export async function withUniqueFields<T>(uniqueFields: Record<string, string>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
    if (pgErrorCode(error) === PgError.UNIQUE_VIOLATION && constraint && uniqueFields[constraint]) {
      throw badUserInput({ [uniqueFields[constraint]]: { code: 'ALREADY_IN_USE' } });
    }
    throw error;
  }
}
