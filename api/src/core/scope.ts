import { ROLE_SCOPE, type ScopeKind } from '@lindung/domain';
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
 * - `{ link, row, scope, carries }`: visible when a row of the link entity ties it (`row`: the
 *   link's property holding this row's id) to the caller's scope id (`scope`). `carries` maps the
 *   row's sort properties to the link's copies of them, which the database keeps equal: a page in
 *   one of those orders is then read off the link's own index (linkedPageQuery), instead of
 *   walking every row's index in that order to find the few that are tied to the caller;
 * - `{ anyOf }`: visible under any one of the terms.
 *
 * A kind the rule does not name sees nothing of the table: every gap fails closed.
 */
export type ScopeTerm =
  | string
  | { column: string }
  | { parent: () => Function; via: string }
  | { predicate: string; sql: (row: string, scopeId: string) => string }
  | LinkTerm
  | { anyOf: ScopeTerm[] };

export interface LinkTerm {
  link: () => Function;
  row: string;
  scope: string;
  carries?: Readonly<Record<string, string>>;
}

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
  const caller = callerTerm(actor, target);
  if (caller === 'all') return null;
  if (caller === 'none') return NOTHING;
  const { term, kind, scopeId } = caller;
  const scope = scopeParameter(kind, scopeId);
  Object.assign(params, scope.params);
  return termSql({ dataSource, actor: actor!, target, alias, params, depth, placeholder: scope.placeholder }, term);
}

/** The caller's scope id as a bound parameter named after its kind: the placeholder and its value. */
function scopeParameter(kind: ScopeKind, scopeId: string): { placeholder: string; params: Record<string, string> } {
  return { placeholder: `:scope__${kind}`, params: { [`scope__${kind}`]: scopeId } };
}

/**
 * The term of `target`'s rule that applies to this caller, with its kind of scope and scope id;
 * `all` for reference data and the roles that see the whole program; `none` (fails closed) for
 * no caller, a missing scope id or a rule without a term for the caller's kind.
 */
function callerTerm(actor: Actor | null, target: EntityTarget<unknown>): 'all' | 'none' | { term: ScopeTerm; kind: ScopeKind; scopeId: string } {
  if (!actor) return 'none';
  const rule = ruleOf(target);
  if (rule.kind === 'reference') return 'all';
  const kind = ROLE_SCOPE[actor.role];
  if (kind === null) return 'all';
  const term = rule[kind];
  const scopeId = actor.scope[`${kind}Id`];
  return term && scopeId ? { term, kind, scopeId } : 'none';
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
  if ('link' in term) return linkSql(t, term);
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
  const link = `${quote(parentAlias)}.${quote(idColumnOf(t.dataSource, parent))} = ${quote(t.alias)}.${quote(columnOf(t.dataSource, t.target, via))}`;
  return `EXISTS (SELECT 1 FROM ${quote(metadata.tablePath)} ${quote(parentAlias)} WHERE ${link}${inner ? ` AND ${inner}` : ''})`;
}

/** EXISTS a link row tying this row to the caller's scope id. */
function linkSql(t: TermContext, term: LinkTerm): string {
  const linkAlias = `${t.alias}__l${t.depth + 1}`;
  const link = t.dataSource.getMetadata(term.link());
  const tie = `${quote(linkAlias)}.${quote(columnOf(t.dataSource, link.target, term.scope))} = ${t.placeholder}`;
  const own = `${quote(linkAlias)}.${quote(columnOf(t.dataSource, link.target, term.row))} = ${quote(t.alias)}.${quote(idColumnOf(t.dataSource, t.target))}`;
  return `EXISTS (SELECT 1 FROM ${quote(link.tablePath)} ${quote(linkAlias)} WHERE ${tie} AND ${own})`;
}

function idColumnOf(dataSource: DataSource, target: EntityTarget<unknown>): string {
  return dataSource.getMetadata(target).primaryColumns[0].databaseName;
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

/** The alias of the link row in a linked page query. */
const LINK_ALIAS = 'scope_link';

/** The caller's term for `target` when it is a link that carries `sortProperty` (a row's id always travels with its link). */
function carryingLink(actor: Actor | null, target: EntityTarget<unknown>, sortProperty: string): { term: LinkTerm; kind: ScopeKind; scopeId: string } | null {
  const caller = callerTerm(actor, target);
  if (typeof caller === 'string' || typeof caller.term === 'string' || !('link' in caller.term)) return null;
  const { term, kind, scopeId } = caller;
  return sortProperty === 'id' || term.carries?.[sortProperty] ? { term, kind, scopeId } : null;
}

/**
 * A scoped query for a page in `sortProperty`'s order, read off the caller's link rows when its
 * scope is a link that carries that order (see LinkTerm): the rows joined to their link, the
 * scope on the link's own column (a first condition a later `.where()` keeps, as in scopedQuery),
 * and the link's copies to order by, ending with the row's id. Null when the scope is anything
 * else: the caller then pages scopedQuery in the row's own columns.
 */
export function linkedPageQuery<E extends ObjectLiteral>(
  ctx: Pick<RequestContext, 'actor' | 'em'>,
  target: EntityTarget<E>,
  alias: string,
  sortProperty: string,
): { query: ScopedQueryBuilder<E>; orderBy: [string, string] } | null {
  const found = carryingLink(ctx.actor, target, sortProperty);
  if (!found) return null;
  const { term, kind, scopeId } = found;
  const rowId = ctx.em.connection.getMetadata(target).primaryColumns[0].propertyName;
  const qb = new ScopedQueryBuilder<E>(ctx.em.createQueryBuilder<E>(target, alias)).innerJoin(term.link(), LINK_ALIAS, `${LINK_ALIAS}.${term.row} = ${alias}.${rowId}`);
  const scope = scopeParameter(kind, scopeId);
  const query = qb.restrictTo({ sql: `${LINK_ALIAS}.${term.scope} = ${scope.placeholder}`, params: scope.params });
  const sort = sortProperty === 'id' ? term.row : term.carries![sortProperty];
  return { query, orderBy: [`${LINK_ALIAS}.${sort}`, `${LINK_ALIAS}.${term.row}`] };
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
