import { Permission } from '@lindung/domain';
import { Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Allow, AllowDuringPasswordChange } from '../../core/access';
import type { RequestContext } from '../../core/context';
import { OwnTransactions } from '../../core/transaction';
import { User } from '../users/user.entity';
import { AuthPayload, ChangePasswordArgs, LoginArgs, RefreshTokenArgs } from './auth.types';
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
  @AllowDuringPasswordChange()
  @Mutation(() => Boolean, { description: "Ends the refresh token's session (argument or cookie), else the caller's own" })
  logout(@Ctx() ctx: RequestContext, @Args() { refreshToken }: RefreshTokenArgs) {
    return authService.logout(ctx, refreshToken);
  }

  @Allow(Permission.SignedIn)
  @AllowDuringPasswordChange()
  @Query(() => User)
  me(@Ctx() ctx: RequestContext) {
    return authService.me(ctx);
  }

  @Allow(Permission.SignedIn)
  @AllowDuringPasswordChange()
  @OwnTransactions('verifies the current password without holding a connection; wrong ones must stay counted')
  @Mutation(() => Boolean, {
    description:
      "Changes the caller's password (a wrong current password counts as a failed sign-in); clears mustChangePassword " +
      "and ends the account's other sessions, this one continues",
  })
  changePassword(@Ctx() ctx: RequestContext, @Args() { currentPassword, newPassword }: ChangePasswordArgs) {
    return authService.changePassword(ctx, currentPassword, newPassword);
  }
}
