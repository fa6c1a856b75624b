import { Permission } from '@lindung/domain';
import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { Allow } from '../../core/access';
import type { RequestContext } from '../../core/context';
import { ImportEnrollmentsArgs, ImportResult } from './import.types';
import { importService } from './import.service';

@Resolver()
export class ImportResolver {
  @Allow(Permission.WorkerReport)
  @Mutation(() => ImportResult, { description: 'Reports workers and their enrollments from a CSV file; one transaction' })
  importEnrollments(@Ctx() ctx: RequestContext, @Args() args: ImportEnrollmentsArgs) {
    return importService.importEnrollments(ctx, args);
  }
}
