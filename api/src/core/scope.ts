import { ROLE_SCOPE } from '@lindung/domain';
import type { EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor, RequestContext } from './context';
import { forbidden } from './errors';

/**
 * How a table is scoped, declared once on its entity. `reference` data (regions) is readable by
 * every signed-in role; `scoped` tables name the property holding each scope id they carry.
 */
export type ScopeRule =
  | { kind: 'reference' }
  | { kind: 'scoped'; regency?: string; village?: string; partner?: string };

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

/**
 * The one entry point for reading scoped data: a query builder already limited to the caller's
 * scope. Lists, counts, by-id reads and the loads before updates and deletes all start here.
 */
export function scopedQuery<E extends ObjectLiteral>(
  ctx: RequestContext,
  target: EntityTarget<E>,
  alias: string,
): SelectQueryBuilder<E> {
  const qb = ctx.em.createQueryBuilder<E>(target, alias);
  const condition = scopeCondition(ctx.actor, ruleOf(target), alias);
  if (condition) qb.where(condition.sql, condition.params);
  return qb;
}

interface Condition {
  sql: string;
  params: Record<string, unknown>;
}

const NOTHING: Condition = { sql: 'FALSE', params: {} };

/** Fails closed: no actor, an inactive scope, a missing scope id or a table without the caller's scope column → nothing. */
function scopeCondition(actor: Actor | null, rule: ScopeRule, alias: string): Condition | null {
  if (!actor) return NOTHING;
  if (rule.kind === 'reference') return null;
  const kind = ROLE_SCOPE[actor.role];
  if (kind === null) return null;
  if (!actor.scopeActive) return NOTHING;
  const property = rule[kind];
  const scopeId = actor.scope[`${kind}Id`];
  if (!property || !scopeId) return NOTHING;
  return { sql: `${alias}.${property} = :scope_${kind}`, params: { [`scope_${kind}`]: scopeId } };
}

/**
 * For creates: the scope ids of a new record must lie inside the caller's scope, so no argument
 * can widen it. Global roles (ADMIN) pass; a scoped caller must match on its own scope column.
 */
export function assertWithinScope(
  ctx: RequestContext,
  target: EntityTarget<unknown>,
  values: Partial<Record<'regencyId' | 'villageId' | 'partnerId', string | null>>,
): void {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const rule = ruleOf(target);
  const kind = ROLE_SCOPE[actor.role];
  if (rule.kind === 'reference' || kind === null) return;
  const key = `${kind}Id` as const;
  if (!actor.scopeActive || !actor.scope[key] || values[key] !== actor.scope[key]) {
    throw forbidden('That record would lie outside your scope');
  }
}
