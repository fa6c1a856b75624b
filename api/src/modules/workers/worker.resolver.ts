import { Permission } from '@lindung/domain';
import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { Allow } from '../../core/access';
import type { RequestContext } from '../../core/context';
import { resourceResolver } from '../../core/resource-resolver';
import { Worker } from './worker.entity';
import { CreateWorkerArgs, MarkDistinctArgs, RevealNikArgs, UpdateWorkerArgs, WorkerListArgs } from './worker.inputs';
import { workerService } from './worker.service';

@Resolver(() => Worker)
export class WorkerResolver extends resourceResolver({
  type: Worker,
  plural: 'Workers',
  listArgs: WorkerListArgs,
  service: workerService,
  read: [Permission.WorkerRead],
  write: { allow: [Permission.WorkerReport], create: CreateWorkerArgs, update: UpdateWorkerArgs, deleteAllow: [Permission.WorkerDelete] },
}) {
  @Allow(Permission.NikReveal)
  @Mutation(() => String, { description: 'The full NIK of one worker, for a stated reason; audited and limited per hour' })
  revealNik(@Ctx() ctx: RequestContext, @Args() args: RevealNikArgs) {
    return workerService.revealNik(ctx, args);
  }

  @Allow(Permission.DuplicateResolve)
  @Mutation(() => Worker, { description: 'Records that two possible duplicates are different people; audited' })
  markWorkersDistinct(@Ctx() ctx: RequestContext, @Args() args: MarkDistinctArgs) {
    return workerService.markDistinct(ctx, args);
  }
}
