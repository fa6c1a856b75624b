import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from './context';

/**
 * Every mutation is one transaction: services write through `ctx.em`, which is the transaction's
 * manager for the mutation's duration. Mutations run one after another (GraphQL executes root
 * mutation fields serially), so swapping `ctx.em` is safe.
 */
export const mutationTransaction: MiddlewareFn<RequestContext> = async ({ info, context }, next) => {
  if (info.path.prev !== undefined || info.parentType.name !== 'Mutation') return next();
  return runInTransaction(context, next);
};

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
