import { Permission } from '@lindung/domain';
import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { Allow } from '../../core/access';
import type { RequestContext } from '../../core/context';
import { resourceResolver } from '../../core/resource-resolver';
import { OwnTransactions } from '../../core/transaction';
import { User } from './user.entity';
import { CreateUserArgs, ResetPasswordArgs, UpdateUserArgs, UserListArgs } from './user.inputs';
import { userService } from './user.service';

// VillageHeadAccountWrite: village heads only (the service checks the account's role), in the
// caller's scope (its regency), like any record. Deleting an account stays with UserWrite.
@Resolver(() => User)
export class UserResolver extends resourceResolver({
  type: User,
  plural: 'Users',
  listArgs: UserListArgs,
  service: userService,
  read: [Permission.UserRead],
  write: {
    allow: [Permission.UserWrite, Permission.VillageHeadAccountWrite],
    create: CreateUserArgs,
    update: UpdateUserArgs,
    deleteAllow: [Permission.UserWrite],
    ownTransactions: {
      create: 'hashes the password holding no connection, then writes in one transaction',
      update: 'hashes a new password holding no connection or row lock, then writes in one transaction',
    },
  },
}) {
  @Allow(Permission.UserWrite, Permission.VillageHeadAccountWrite)
  @OwnTransactions('hashes the temporary password holding no connection or row lock, then writes in one transaction')
  @Mutation(() => User, {
    description: "Sets a temporary password that must be changed at the next sign-in; ends all the account's sessions",
  })
  resetPassword(@Ctx() ctx: RequestContext, @Args() { userId, temporaryPassword }: ResetPasswordArgs) {
    return userService.resetPassword(ctx, userId, temporaryPassword);
  }
}
