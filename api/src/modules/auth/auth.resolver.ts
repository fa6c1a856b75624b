import { Permission } from '@lindung/domain';
import { Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../core/access';
import type { RequestContext } from '../../core/context';
import { OwnTransactions } from '../../core/transaction';
import { User } from '../users/user.entity';
import { AuthPayload, LoginArgs, RefreshTokenArgs } from './auth.types';
import { authService } from './auth.service';

@Resolver()
export class AuthResolver {
  @Allow(Permission.Public)
  @OwnTransactions('verifies the password without holding a connection; failed attempts must stay counted')
  @Mutation(() => AuthPayload, { description: 'Signs in; a wrong email or password gives the same UNAUTHENTICATED error' })
  login(@Ctx() ctx: RequestContext, @Args() { email, password }: LoginArgs) {
    return authService.login(ctx, email, password);
  }

  @Allow(Permission.Public)
  @Mutation(() => AuthPayload, { description: 'Rotates the refresh token; the old one is refused from then on' })
  refreshSession(@Ctx() ctx: RequestContext, @Args() { refreshToken }: RefreshTokenArgs) {
    return authService.refresh(ctx, refreshToken);
  }

  @Allow(Permission.Public)
  @Mutation(() => Boolean, { description: "Ends the refresh token's session (argument or cookie), else the caller's own" })
  logout(@Ctx() ctx: RequestContext, @Args() { refreshToken }: RefreshTokenArgs) {
    return authService.logout(ctx, refreshToken);
  }

  @Allow(Permission.SignedIn)
  @Query(() => User)
  me(@Ctx() ctx: RequestContext) {
    return authService.me(ctx);
  }
}
