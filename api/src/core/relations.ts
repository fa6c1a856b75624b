import { hasPermission, type Permission } from '@lindung/domain';
import DataLoader from 'dataloader';
import { getNamedType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { Extensions, Field, Int, type ClassType } from 'type-graphql';
import type { ObjectLiteral } from 'typeorm';
import type { RequestContext } from './context';
import { readEntities } from './entity-rows';
import { forbidden, unauthenticated } from './errors';
import { columnOf, quote, scopeCondition, scopedQuery } from './scope';

/**
 * A field that returns entities of another type — nested data — is declared with `@Relation` on
 * the entity, next to the column it follows. Its resolver is not written by hand: the schema step
 * `installRelationLoaders` gives every such field one that reads through `scopedQuery` (the
 * caller's scope of the target entity), checks the target's read permission, and batches per
 * request with DataLoader — one SQL per relation and nesting level, never one per row. A
 * schema-walking test fails when a field returning an entity type is not declared this way.
 *
 * - to one (`from`): the parent's property holding the target's id; null when absent or out of scope.
 * - to many (`by`): the target's property holding the parent's id; at most `max` rows per parent
 *   (ranked by `orderBy` in SQL, per parent, within the caller's scope).
 */
export interface RelationSpec {
  target: () => ClassType;
  allow: Permission;
  /** A count of the related rows (within the caller's scope) instead of the rows. */
  count?: boolean;
  /** For a count: only rows whose properties hold these values. */
  where?: Record<string, string | boolean>;
  /** To one: the parent's property with the target's id. */
  from?: string;
  /** To many: the target's property with the parent's id. */
  by?: string;
  max?: number;
  orderBy?: string;
}

type ToOne = { allow: Permission; from: string };
type ToMany = { allow: Permission; by: string; max: number; orderBy?: string };

const RELATION = 'relation';

export function Relation(target: () => ClassType, options: ToOne | ToMany): PropertyDecorator {
  const spec: RelationSpec = { target, ...options };
  const toMany = 'by' in options;
  return (prototype, property) => {
    const description = toMany
      ? `At most ${options.max}, within your scope`
      : 'Null when there is none or it lies outside your scope';
    Field(() => (toMany ? [target()] : target()), { nullable: !toMany, description })(prototype, property);
    (Extensions({ [RELATION]: spec }) as PropertyDecorator)(prototype, property);
  };
}

/**
 * A count of related rows — a partner's workers, its active enrollments — counted within the
 * caller's scope of the target, batched per request like any relation: one grouped SQL per field.
 */
export function RelationCount(
  target: () => ClassType,
  options: { allow: Permission; by: string; where?: Record<string, string | boolean>; description?: string },
): PropertyDecorator {
  const spec: RelationSpec = { target, allow: options.allow, by: options.by, where: options.where, count: true };
  return (prototype, property) => {
    Field(() => Int, { description: options.description ?? 'Counted within your scope' })(prototype, property);
    (Extensions({ [RELATION]: spec }) as PropertyDecorator)(prototype, property);
  };
}

export function relationOf(field: GraphQLField<unknown, unknown>): RelationSpec | undefined {
  return field.extensions?.[RELATION] as RelationSpec | undefined;
}

/** Gives every `@Relation` field its scoped, batched resolver. */
export function installRelationLoaders(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const spec = relationOf(field);
      if (!spec) continue;
      const key = spec.from ?? 'id';
      field.resolve = (parent: ObjectLiteral, _args, ctx: RequestContext) => {
        assertMayRead(ctx, spec);
        const value = parent[key] as string | null | undefined;
        if (value == null) return spec.count ? 0 : spec.by ? [] : null;
        return loaderFor(ctx, spec).load(value);
      };
    }
  }
  return schema;
}

/** The fields whose type is an entity's but which are not `@Relation`s (for the schema test). */
export function unguardedEntityFields(schema: GraphQLSchema, entityTypeNames: Set<string>): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    if (type === schema.getQueryType() || type === schema.getMutationType()) continue;
    for (const field of Object.values(type.getFields())) {
      if (entityTypeNames.has(getNamedType(field.type).name) && !relationOf(field)) missing.push(`${type.name}.${field.name}`);
    }
  }
  return missing;
}

function assertMayRead(ctx: RequestContext, spec: RelationSpec): void {
  if (!ctx.actor) throw ctx.authError ?? unauthenticated();
  if (!hasPermission(ctx.actor.role, spec.allow)) throw forbidden();
}

function loaderFor(ctx: RequestContext, spec: RelationSpec): DataLoader<string, unknown> {
  let loader = ctx.loaders.get(spec);
  if (!loader) {
    loader = new DataLoader<string, unknown>((keys) =>
      spec.count ? loadCounts(ctx, spec, keys) : spec.by ? loadMany(ctx, spec, keys) : loadOne(ctx, spec, keys),
    );
    ctx.loaders.set(spec, loader);
  }
  return loader;
}

async function loadCounts(ctx: RequestContext, spec: RelationSpec, keys: readonly string[]): Promise<number[]> {
  const qb = scopedQuery(ctx, spec.target(), 'counted');
  const parent = `${quote('counted')}.${quote(columnOf(ctx.em.connection, spec.target(), spec.by!))}`;
  qb.select(`${parent}`, 'parent_id').addSelect('count(*)::int', 'count').andWhere(`${parent} IN (:...relationKeys)`, { relationKeys: [...keys] });
  for (const [index, [property, value]] of Object.entries(spec.where ?? {}).entries()) {
    qb.andWhere(`${quote('counted')}.${quote(columnOf(ctx.em.connection, spec.target(), property))} = :countWhere${index}`, { [`countWhere${index}`]: value });
  }
  const rows: Array<{ parent_id: string; count: number }> = await qb.groupBy(parent).getRawMany();
  const byParent = new Map(rows.map((row) => [row.parent_id, row.count]));
  return keys.map((key) => byParent.get(key) ?? 0);
}

async function loadOne(ctx: RequestContext, spec: RelationSpec, keys: readonly string[]): Promise<unknown[]> {
  const rows = await readEntities(
    scopedQuery(ctx, spec.target(), 'related').andWhere(`${quote('related')}.${quote('id')} IN (:...relationKeys)`, { relationKeys: [...keys] }),
  );
  const byId = new Map(rows.map((row) => [(row as { id: string }).id, row]));
  return keys.map((key) => byId.get(key) ?? null);
}

/**
 * Up to `max` rows per parent, in one query: the caller's visible rows of the target, ranked per
 * parent by `orderBy` — the ranking sees the same scope, so hidden rows never take a place. Rows
 * are told apart by the target's primary key, one column (`id`) or several (a tie table's).
 */
async function loadMany(ctx: RequestContext, spec: RelationSpec, keys: readonly string[]): Promise<unknown[][]> {
  const target = spec.target();
  const dataSource = ctx.em.connection;
  const metadata = dataSource.getMetadata(target);
  const primary = metadata.primaryColumns;
  const keyOf = (alias: string) => primary.map((column) => `${quote(alias)}.${quote(column.databaseName)}`).join(', ');
  const parentColumn = quote(columnOf(dataSource, target, spec.by!));
  const orderBy = spec.orderBy ?? primary[0].propertyName;
  const orderColumn = quote(columnOf(dataSource, target, orderBy));
  const scope = scopeCondition(ctx, target, 'ranked_row');
  const ranked = `SELECT ${keyOf('ranked_row')}, row_number() OVER (
      PARTITION BY ${quote('ranked_row')}.${parentColumn} ORDER BY ${quote('ranked_row')}.${orderColumn}, ${keyOf('ranked_row')}) AS rank
    FROM ${quote(metadata.tablePath)} ${quote('ranked_row')}
    WHERE ${quote('ranked_row')}.${parentColumn} IN (:...relationKeys)${scope ? ` AND ${scope.sql}` : ''}`;
  const query = scopedQuery(ctx, target, 'related')
    .andWhere(`(${keyOf('related')}) IN (SELECT ${keyOf('ranked')} FROM (${ranked}) ranked WHERE ranked.rank <= :relationMax)`, {
      ...scope?.params,
      relationKeys: [...keys],
      relationMax: spec.max,
    })
    .orderBy(`related.${orderBy}`, 'ASC');
  for (const column of primary) query.addOrderBy(`related.${column.propertyName}`, 'ASC');
  const rows = await readEntities(query);
  const byParent = new Map<string, unknown[]>(keys.map((key) => [key, []]));
  for (const row of rows) byParent.get((row as Record<string, string>)[spec.by!])?.push(row);
  return keys.map((key) => byParent.get(key)!);
}
