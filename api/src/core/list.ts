import { MAX_PER_PAGE, rowsPerPage, SortOrder } from '@lindung/domain';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badUserInput } from './errors';
import { IsId, withReason } from './validators';

/** `_allXMeta`'s answer (ra-data-graphql-simple). */
@ObjectType()
export class ListMetadata {
  @Field(() => Int)
  count: number;
}

const SORT_ORDERS = [SortOrder.ASC, SortOrder.DESC, 'asc', 'desc'];

/**
 * The list arguments of ra-data-graphql-simple for one filter type: `_allXMeta` takes the same
 * arguments as `allX` minus the sort (the client sends page and perPage to both).
 */
export function listArgsFor<F extends object>(filterType: ClassType<F>) {
  @ArgsType()
  class MetaArgs {
    @Field(() => Int, { nullable: true, description: '0-based page number' })
    @IsOptional()
    @IsInt()
    @Min(0)
    page?: number;

    @Field(() => Int, { nullable: true, description: `rows per page, at most ${MAX_PER_PAGE}` })
    @IsOptional()
    @IsInt()
    @Min(1)
    @Max(MAX_PER_PAGE)
    perPage?: number;

    @Field(() => filterType, { nullable: true })
    @IsOptional()
    @ValidateNested()
    filter?: F;
  }

  @ArgsType()
  class ListArgs extends MetaArgs {
    @Field({ nullable: true })
    @IsOptional()
    @IsString()
    @MaxLength(64)
    sortField?: string;

    @Field({ nullable: true, description: 'ASC or DESC' })
    @IsOptional()
    @IsIn(SORT_ORDERS, withReason({ code: 'INVALID_VALUE', params: { allowed: [SortOrder.ASC, SortOrder.DESC] } }))
    sortOrder?: string;
  }

  return { ListArgs, MetaArgs };
}

export interface ListArgsShape {
  page?: number;
  perPage?: number;
  sortField?: string;
  sortOrder?: string;
}

/** The `ids` and `q` every `XFilter` has; each filter type extends this. */
@InputType()
export abstract class BaseFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsId({ each: true })
  @ArrayMaxSize(MAX_PER_PAGE)
  ids?: string[];

  @Field({ nullable: true, description: 'free-text search, case- and accent-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/** Whitelisted sort fields: GraphQL field → entity property. Anything else is BAD_USER_INPUT, never SQL. */
export type SortableFields = Readonly<Record<string, string>>;

/**
 * Orders and pages a scoped, filtered query. The id is always the last sort key, so pages are
 * stable when the sort field has ties. Only for queries without to-many joins (offset/limit on rows).
 */
export function orderAndPage<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  args: ListArgsShape & { filter?: { ids?: string[] } | null },
  sortable: SortableFields,
  defaultSort: string,
): SelectQueryBuilder<E> {
  return pageOf(orderBySort(qb, alias, args, sortable, defaultSort), args);
}

/** The list's order without its paging (exports walk every row in the list's order). */
export function orderBySort<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  args: Pick<ListArgsShape, 'sortField' | 'sortOrder'>,
  sortable: SortableFields,
  defaultSort: string,
): SelectQueryBuilder<E> {
  return orderedBy(qb, alias, sortOf(args, sortable, defaultSort));
}

/** A list's order once its sort is known (sortOf): the sort property, then the id, in one direction. */
export function orderedBy<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, alias: string, { property, order }: ListSort): SelectQueryBuilder<E> {
  return qb.orderBy(`${alias}.${property}`, order).addOrderBy(`${alias}.id`, order);
}

/** A checked sort: a whitelisted property and a direction. */
export interface ListSort {
  property: string;
  order: 'ASC' | 'DESC';
}

/** The property a list is sorted by, and its direction: a whitelisted field, else BAD_USER_INPUT. */
export function sortOf(args: Pick<ListArgsShape, 'sortField' | 'sortOrder'>, sortable: SortableFields, defaultSort: string): ListSort {
  const sortField = args.sortField ?? defaultSort;
  // Every resource sorts by id: react-admin's default sort in List, ReferenceManyField and ReferenceInput.
  const property = sortField === 'id' ? 'id' : sortable[sortField];
  if (!property) {
    throw badUserInput({ sortField: { code: 'INVALID_VALUE', params: { allowed: [...new Set(['id', ...Object.keys(sortable)])] } } });
  }
  return { property, order: (args.sortOrder ?? SortOrder.ASC).toUpperCase() as 'ASC' | 'DESC' };
}

/** One page of an ordered query: the rows `page` and `perPage` ask for (up to the ids asked for). */
export function pageOf<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, args: ListArgsShape & { filter?: { ids?: string[] } | null }): SelectQueryBuilder<E> {
  const perPage = rowsPerPage(args.perPage, args.filter?.ids);
  return qb.offset((args.page ?? 0) * perPage).limit(perPage);
}

/** Free-text search: case- and accent-insensitive substring match on any of the given columns. */
export function whereSearch<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  q: string | undefined,
  columns: string[],
): SelectQueryBuilder<E> {
  const text = q?.trim();
  if (!text) return qb;
  const pattern = `%${escapeLike(text)}%`;
  const any = columns.map((column) => `lindung_search_text(${column}) LIKE lindung_search_text(:search)`).join(' OR ');
  return qb.andWhere(`(${any})`, { search: pattern });
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Adds `column IN (:...values)` when the filter value is given. */
export function whereIn<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  column: string,
  values: readonly unknown[] | undefined,
): SelectQueryBuilder<E> {
  if (values === undefined || values === null) return qb;
  if (values.length === 0) return qb.andWhere('FALSE');
  const param = `in_${column.replace(/\W/g, '_')}`;
  return qb.andWhere(`${column} IN (:...${param})`, { [param]: values });
}

/** Adds `column = :value` when the filter value is given. */
export function whereEquals<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  column: string,
  value: unknown,
): SelectQueryBuilder<E> {
  if (value === undefined || value === null) return qb;
  const param = `eq_${column.replace(/\W/g, '_')}`;
  return qb.andWhere(`${column} = :${param}`, { [param]: value });
}

/** `X(id)` and `deleteX(id)` arguments. */
@ArgsType()
export class IdArgs {
  @Field(() => ID)
  @IsId()
  id: string;
}
