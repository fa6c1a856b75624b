import { Permission } from '@lindung/domain';
import { Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../core/access';
import type { RequestContext } from '../../core/context';
import { IdArgs, ListMetadata } from '../../core/list';
import { User } from './user.entity';
import { CreateUserArgs, UpdateUserArgs, UserListArgs } from './user.inputs';
import { userService } from './user.service';

type Lists = typeof UserListArgs;

@Resolver(() => User)
export class UserResolver {
  @Allow(Permission.UserRead)
  @Query(() => [User])
  allUsers(@Ctx() ctx: RequestContext, @Args(() => UserListArgs.ListArgs) args: InstanceType<Lists['ListArgs']>) {
    return userService.list(ctx, args);
  }

  @Allow(Permission.UserRead)
  @Query(() => ListMetadata)
  async _allUsersMeta(@Ctx() ctx: RequestContext, @Args(() => UserListArgs.MetaArgs) args: InstanceType<Lists['MetaArgs']>) {
    return { count: await userService.count(ctx, args) };
  }

  @Allow(Permission.UserRead)
  @Query(() => User, { nullable: true })
  User(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs) {
    return userService.get(ctx, id);
  }

  @Allow(Permission.UserWrite)
  @Mutation(() => User)
  createUser(@Ctx() ctx: RequestContext, @Args() args: CreateUserArgs) {
    return userService.create(ctx, args);
  }

  @Allow(Permission.UserWrite)
  @Mutation(() => User)
  updateUser(@Ctx() ctx: RequestContext, @Args() args: UpdateUserArgs) {
    return userService.update(ctx, args);
  }

  @Allow(Permission.UserWrite)
  @Mutation(() => User)
  deleteUser(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs) {
    return userService.delete(ctx, id);
  }
}
