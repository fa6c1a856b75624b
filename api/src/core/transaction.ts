import type { RequestContext } from './context';

/**
 * Runs work in one transaction: services write through `ctx.em`, which is the transaction's
 * manager for the work's duration. On failure the transaction rolls back, then the work's
 * `afterRollback` tasks (security records that must survive) run on the pool.
 */
export async function runInTransaction<T>(ctx: RequestContext, work: () => Promise<T>): Promise<T> {
  const runner = ctx.app.dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  const outer = ctx.em;
  ctx.em = runner.manager;
  try {
    const result = await work();
    await runner.commitTransaction();
    return result;
  } catch (error) {
    await runner.rollbackTransaction();
    await runAfterRollback(ctx);
    throw error;
  } finally {
    ctx.em = outer;
    await runner.release();
  }
}

async function runAfterRollback(ctx: RequestContext): Promise<void> {
  const tasks = ctx.afterRollback.splice(0);
  for (const task of tasks) {
    try {
      await task();
    } catch (error) {
      ctx.logger.error({ err: error }, 'after-rollback task failed');
    }
  }
}
