import type { GraphQLField } from 'graphql';
import { Extensions } from 'type-graphql';
import type { EntityManager, QueryRunner } from 'typeorm';
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
 * ROLLBACK; `afterCommit` tasks (cache invalidation, cookies) run once the commit is through.
 *
 * The connection is then kept for the rest of the request (`releaseHeldConnection` when the
 * response is sent): the answer's nested fields are read on it, so a mutation that committed is
 * never answered with a pool timeout (DATABASE_BUSY) that would make its client send it again.
 */
/** The request a transaction's query runner works for (set by runInTransaction). */
export function requestContextOf(runner: { data?: unknown } | undefined): RequestContext | undefined {
  return (runner?.data as { requestContext?: RequestContext } | undefined)?.requestContext;
}

export async function runInTransaction<T>(ctx: RequestContext, work: () => Promise<T>): Promise<T> {
  const runner = ctx.heldConnection ?? ctx.app.dataSource.createQueryRunner();
  ctx.heldConnection = runner;
  const outer = { afterRollback: ctx.afterRollback, afterCommit: ctx.afterCommit, commitStatement: ctx.commitStatement };
  ctx.afterRollback = [];
  ctx.afterCommit = [];
  ctx.commitStatement = undefined;
  let committed = false;
  try {
    await runner.connect();
    // Entity subscribers (the audit trail) find the request — who, which request — here.
    runner.data = { requestContext: ctx };
    await runner.startTransaction();
    ctx.em = runner.manager;
    try {
      const result = await work();
      await commit(runner, ctx);
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
    ctx.em = runner.manager;
    if (committed) await runTasks(ctx, 'after-commit', afterCommit, ctx.em);
  }
}

/**
 * Makes `statement` the transaction's last, sent together with the COMMIT in one message (the
 * simple query protocol: it takes no parameters, so every value in it must be a literal quoted by
 * the caller). Whatever it locks is held only while PostgreSQL runs it and the COMMIT — never
 * across a round trip to this process, which under load waits its turn behind other requests. A
 * statement that fails (a refusal raised by the database) stops the COMMIT: nothing is written.
 * Use it for a contended row that every writer updates (a budget), and at most once per mutation.
 */
export function commitWith(ctx: RequestContext, statement: string): void {
  if (ctx.commitStatement) throw new Error('a transaction has one last statement');
  ctx.commitStatement = statement;
}

/** TypeORM's commit (its state kept), with the last statement, if any, in the same message as COMMIT. */
async function commit(runner: QueryRunner, ctx: RequestContext): Promise<void> {
  const last = ctx.commitStatement;
  if (!last) return runner.commitTransaction();
  const query = runner.query.bind(runner);
  runner.query = ((sql: string, ...rest: unknown[]) =>
    sql === 'COMMIT' ? query(`${last};\nCOMMIT`) : (query as (...args: unknown[]) => Promise<unknown>)(sql, ...rest)) as QueryRunner['query'];
  try {
    await runner.commitTransaction();
  } finally {
    // The runner's own method again (the wrapper was an own property over the prototype's).
    delete (runner as { query?: unknown }).query;
  }
}

/** Gives the request's kept connection back to the pool (the response has been sent). */
export async function releaseHeldConnection(ctx: RequestContext): Promise<void> {
  const runner = ctx.heldConnection;
  ctx.heldConnection = null;
  ctx.em = ctx.app.dataSource.manager;
  if (runner && !runner.isReleased) await runner.release();
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
