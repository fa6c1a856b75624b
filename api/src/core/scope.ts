import { ROLE_SCOPE } from '@lindung/domain';
import {
  SelectQueryBuilder,
  type DataSource,
  type EntityTarget,
  type ObjectLiteral,
  type QueryRunner,
} from 'typeorm';
import type { Actor, RequestContext } from './context';
import { forbidden } from './errors';

/**
 * How a table is scoped, declared once on its entity. `reference` data (regions) is readable by
 * every signed-in role. A `scoped` table says, for each kind of scope (a regency, a village, a
 * partner organisation), which rows a caller holding that scope may see, as a term:
 *
 * - a property name (or `{ column }`): the row's own column holds the scope id;
 * - `{ parent, via }`: the row is visible when the row its `via` property points to is visible
 *   under that entity's own rule (an enrollment through its worker, say);
 * - `{ predicate, sql }`: a named SQL predicate; `sql(row, scopeId)` gets the row's quoted alias
 *   and the scope id's bound placeholder, never a value;
 * - `{ anyOf }`: visible under any one of the terms.
 *
 * A kind the rule does not name sees nothing of the table: every gap fails closed.
 */
export type ScopeTerm =
  | string
  | { column: string }
  | { parent: () => Function; via: string }
  | { predicate: string; sql: (row: string, scopeId: string) => string }
  | { anyOf: ScopeTerm[] };

export type ScopeRule =
  | { kind: 'reference' }
  | { kind: 'scoped'; regency?: ScopeTerm; village?: ScopeTerm; partner?: ScopeTerm };

const rules = new Map<Function, ScopeRule>();

/** Class decorator: the entity's scope rule. An entity without one cannot be queried at all. */
export function ScopedBy(rule: ScopeRule): ClassDecorator {
  return (target) => {
    rules.set(target, rule);
  };
}

function ruleOf(target: EntityTarget<unknown>): ScopeRule {
  const rule = typeof target === 'function' ? rules.get(target) : undefined;
  if (!rule) throw new Error(`Entity ${String((target as Function).name ?? target)} declares no scope rule`);
  return rule;
}

/** The entity classes that declare a scope rule (their GraphQL types carry the same names). */
export function scopedEntities(): Function[] {
  return [...rules.keys()];
}

/** A scope condition as SQL on a given alias, with the parameters it binds. */
export interface ScopeCondition {
  sql: string;
  params: Record<string, unknown>;
}

const NOTHING = 'FALSE';
/** Parents of parents are followed this deep at most; a longer chain is a declaration error. */
const MAX_PARENT_DEPTH = 4;

/**
 * Which rows of `target`, seen under `alias`, the caller may see: null when every row (a global
 * role, reference data). Fails closed: no actor, a missing scope id or a table without a term for
 * the caller's kind of scope → nothing.
 */
export function scopeCondition(
  ctx: Pick<RequestContext, 'actor' | 'em'>,
  target: EntityTarget<unknown>,
  alias: string,
): ScopeCondition | null {
  const params: Record<string, unknown> = {};
  const sql = conditionSql(ctx.em.connection, ctx.actor, target, alias, params, 0);
  return sql === null ? null : { sql, params };
}

function conditionSql(
  dataSource: DataSource,
  actor: Actor | null,
  target: EntityTarget<unknown>,
  alias: string,
  params: Record<string, unknown>,
  depth: number,
): string | null {
  if (!actor) return NOTHING;
  const rule = ruleOf(target);
  if (rule.kind === 'reference') return null;
  const kind = ROLE_SCOPE[actor.role];
  if (kind === null) return null;
  const term = rule[kind];
  const scopeId = actor.scope[`${kind}Id`];
  if (!term || !scopeId) return NOTHING;
  const placeholder = `:scope__${kind}`;
  params[`scope__${kind}`] = scopeId;
  return termSql({ dataSource, actor, target, alias, params, depth, placeholder }, term);
}

interface TermContext {
  dataSource: DataSource;
  actor: Actor;
  target: EntityTarget<unknown>;
  alias: string;
  params: Record<string, unknown>;
  depth: number;
  placeholder: string;
}

function termSql(t: TermContext, term: ScopeTerm): string {
  if (typeof term === 'string') return `${quote(t.alias)}.${quote(columnOf(t.dataSource, t.target, term))} = ${t.placeholder}`;
  if ('column' in term) return termSql(t, term.column);
  if ('predicate' in term) return `(${term.sql(quote(t.alias), t.placeholder)})`;
  if ('anyOf' in term) {
    const parts = term.anyOf.map((part) => termSql(t, part)).filter((sql) => sql !== NOTHING);
    return parts.length === 0 ? NOTHING : `(${parts.join(' OR ')})`;
  }
  return parentSql(t, term.parent(), term.via);
}

/** EXISTS the parent row this row points to, under the parent's own rule for the same caller. */
function parentSql(t: TermContext, parent: Function, via: string): string {
  if (t.depth >= MAX_PARENT_DEPTH) throw new Error(`Scope rules of ${String((t.target as Function).name)} nest deeper than ${MAX_PARENT_DEPTH}`);
  const parentAlias = `${t.alias}__p${t.depth + 1}`;
  const inner = conditionSql(t.dataSource, t.actor, parent, parentAlias, t.params, t.depth + 1);
  if (inner === NOTHING) return NOTHING;
  const metadata = t.dataSource.getMetadata(parent);
  const parentId = metadata.primaryColumns[0].databaseName;
  const link = `${quote(parentAlias)}.${quote(parentId)} = ${quote(t.alias)}.${quote(columnOf(t.dataSource, t.target, via))}`;
  return `EXISTS (SELECT 1 FROM ${quote(metadata.tablePath)} ${quote(parentAlias)} WHERE ${link}${inner ? ` AND ${inner}` : ''})`;
}

export function columnOf(dataSource: DataSource, target: EntityTarget<unknown>, property: string): string {
  const column = dataSource.getMetadata(target).findColumnWithPropertyName(property);
  if (!column) throw new Error(`${String((target as Function).name)} has no column for property ${property}`);
  return column.databaseName;
}

export const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * A select query that keeps its scope. The scope is its first WHERE clause; a later `.where()`
 * — which on a plain query builder replaces every clause before it — here keeps the scope and
 * adds the new condition, and a top-level `.orWhere()` (which would OR around the scope) is
 * refused: alternatives go in `Brackets` inside `andWhere`. The scope's parameters cannot be
 * overwritten either. Query builders TypeORM makes from it for sub-queries and brackets start
 * unscoped, as they must.
 */
export class ScopedQueryBuilder<E extends ObjectLiteral> extends SelectQueryBuilder<E> {
  private scope: ScopeCondition | null = null;

  constructor(source: SelectQueryBuilder<E> | DataSource, queryRunner?: QueryRunner) {
    // TypeORM makes its own builders with either constructor (a clone, or a fresh one for brackets).
    super(source as DataSource, queryRunner);
    if (source instanceof ScopedQueryBuilder) this.scope = source.scope;
  }

  /** Applies the scope once, as the first condition. */
  restrictTo(scope: ScopeCondition): this {
    if (this.scope) throw new Error('This query is already scoped');
    this.scope = scope;
    return super.where(scope.sql, scope.params);
  }

  override where(where: Parameters<SelectQueryBuilder<E>['where']>[0], parameters?: ObjectLiteral): this {
    if (!this.scope) return super.where(where, parameters);
    super.where(this.scope.sql, this.scope.params);
    return this.andWhere(where, parameters);
  }

  override orWhere(where: Parameters<SelectQueryBuilder<E>['orWhere']>[0], parameters?: ObjectLiteral): this {
    if (this.scope) throw new Error('A scoped query takes no top-level orWhere: put the alternatives in Brackets inside andWhere');
    return super.orWhere(where, parameters);
  }

  override setParameter(key: string, value: unknown): this {
    if (this.scope && key in this.scope.params && value !== this.scope.params[key]) {
      throw new Error(`Parameter ${key} belongs to the query's scope`);
    }
    return super.setParameter(key, value);
  }
}

/**
 * The one entry point for reading scoped data: a query builder already limited to the caller's
 * scope. Lists, counts, by-id reads, nested fields and the read-back after writes all start here.
 */
export function scopedQuery<E extends ObjectLiteral>(
  ctx: Pick<RequestContext, 'actor' | 'em'>,
  target: EntityTarget<E>,
  alias: string,
): ScopedQueryBuilder<E> {
  const qb = new ScopedQueryBuilder<E>(ctx.em.createQueryBuilder<E>(target, alias));
  const condition = scopeCondition(ctx, target, alias);
  return condition ? qb.restrictTo(condition) : qb;
}

/**
 * For writes by scoped roles: the written row, read back through the caller's own scope inside
 * the mutation's transaction, must be visible — whatever the rule (a column, a parent, a
 * predicate) — or the mutation fails and rolls back. No argument can widen a scope this way.
 */
export async function assertWrittenWithinScope(
  ctx: Pick<RequestContext, 'actor' | 'em'>,
  target: EntityTarget<ObjectLiteral>,
  id: string,
): Promise<void> {
  if (!ctx.actor) throw forbidden();
  const visible = await scopedQuery(ctx, target, 'written').andWhere(`${quote('written')}.${quote('id')} = :writtenId`, { writtenId: id }).getExists();
  if (!visible) throw forbidden('That record would lie outside your scope');
}
