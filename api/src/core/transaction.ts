import type { GraphQLField } from 'graphql';
import { Extensions } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from './context';

/**
 * Opts a mutation out of the one wrapping transaction, for work that must not hold a pool
 * connection throughout (verifying a password takes tens of milliseconds of CPU). The mutation
 * then writes only inside its own `runInTransaction` calls; the reason is part of the reviewed
 * permission map.
 */
export function OwnTransactions(reason: string): MethodDecorator {
  return Extensions({ ownTransactions: reason });
}

export function ownTransactionsReason(field: GraphQLField<unknown, unknown>): string | undefined {
  const reason = field.extensions?.ownTransactions;
  return typeof reason === 'string' ? reason : undefined;
}

/**
 * Runs work in one transaction: services write through `ctx.em`, which is the transaction's
 * manager for the work's duration.
 *
 * A request holds at most one pool connection at a time: waiting for a second one while holding
 * the first lets a handful of requests starve the pool for good. So the work's `afterRollback`
 * tasks (security records that must survive a failure) run on the same connection, after the
 * ROLLBACK, before it is released; `afterCommit` tasks (cache invalidation, cookies) run once
 * the commit is through and the connection is back in the pool.
 */
/** The request a transaction's query runner works for (set by runInTransaction). */
export function requestContextOf(runner: { data?: unknown } | undefined): RequestContext | undefined {
  return (runner?.data as { requestContext?: RequestContext } | undefined)?.requestContext;
}

export async function runInTransaction<T>(ctx: RequestContext, work: () => Promise<T>): Promise<T> {
  const runner = ctx.app.dataSource.createQueryRunner();
  const outer = { em: ctx.em, afterRollback: ctx.afterRollback, afterCommit: ctx.afterCommit };
  ctx.afterRollback = [];
  ctx.afterCommit = [];
  let committed = false;
  try {
    await runner.connect();
    // Entity subscribers (the audit trail) find the request — who, which request — here.
    runner.data = { requestContext: ctx };
    await runner.startTransaction();
    ctx.em = runner.manager;
    try {
      const result = await work();
      await runner.commitTransaction();
      committed = true;
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runTasks(ctx, 'after-rollback', ctx.afterRollback, runner.manager);
      throw error;
    }
  } finally {
    const afterCommit = ctx.afterCommit;
    Object.assign(ctx, outer);
    await runner.release();
    if (committed) await runTasks(ctx, 'after-commit', afterCommit, ctx.em);
  }
}

/** The tasks' own failures are logged, never raised: the request's outcome is already decided. */
async function runTasks(
  ctx: RequestContext,
  label: string,
  tasks: Array<(em: EntityManager) => unknown>,
  em: EntityManager,
): Promise<void> {
  for (const task of tasks.splice(0)) {
    try {
      await task(em);
    } catch (error) {
      ctx.logger.error({ err: error }, `${label} task failed`);
    }
  }
}
