import { ROLE_SCOPE, type ScopeKind } from '@lindung/domain';
import type { RequestContext } from './context';

/**
 * Where a table's row counts are kept (the row_counts table, maintained by triggers — see the
 * RowCounts migration), declared on the entity next to its scope rule: the count of all rows, and
 * per kind of scope the counter that equals "the rows this scope sees" — a column of the table
 * itself, or of the table through which the scope reaches it (a partner's workers are its
 * worker_partners rows). A kind without a counter is counted with `count(*)`, as are filtered lists.
 */
export interface Counter {
  relation: string;
  column: string;
}

export interface CountRule {
  all?: Counter;
  regency?: Counter;
  village?: Counter;
  partner?: Counter;
}

const rules = new Map<Function, CountRule>();

export function CountedBy(rule: CountRule): ClassDecorator {
  return (target) => {
    rules.set(target, rule);
  };
}

export function countRules(): Map<Function, CountRule> {
  return rules;
}

/**
 * The number of rows of `entity` the caller's scope sees, from the kept counts; null when no
 * counter covers the caller (then the list counts with SQL).
 */
export async function countedRows(ctx: RequestContext, entity: Function): Promise<number | null> {
  const rule = rules.get(entity);
  if (!rule || !ctx.actor) return null;
  const kind: ScopeKind | null = ROLE_SCOPE[ctx.actor.role];
  const counter = kind === null ? rule.all : rule[kind];
  if (!counter) return null;
  const value = kind === null ? null : ctx.actor.scope[`${kind}Id`];
  if (kind !== null && !value) return 0;
  const [row] = await ctx.em.query(
    value === null
      ? `SELECT coalesce(sum(delta), 0)::bigint AS n FROM row_counts WHERE relation = $1 AND column_name = $2 AND value IS NULL`
      : `SELECT coalesce(sum(delta), 0)::bigint AS n FROM row_counts WHERE relation = $1 AND column_name = $2 AND value = $3`,
    value === null ? [counter.relation, counter.column] : [counter.relation, counter.column, value],
  );
  return Number(row.n);
}

/** Folds the kept deltas together (run now and then; safe beside writers and other processes). */
export async function compactRowCounts(ctx: Pick<RequestContext, 'em'>): Promise<void> {
  await ctx.em.query(`SELECT compact_row_counts()`);
}
