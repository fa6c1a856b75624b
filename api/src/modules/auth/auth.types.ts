import { passwordProblem } from '@lindung/domain';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ObjectType } from 'type-graphql';
import { stringRule } from '../../core/validators';
import { User } from '../users/user.entity';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'JWT (EdDSA), valid 15 minutes; send as "Authorization: Bearer <token>"' })
  accessToken: string;

  @Field()
  accessTokenExpiresAt: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'Opaque and single-use: refreshSession returns a new one; re-use revokes the session. Null when the ' +
      'client asked for the HttpOnly cookie instead (header `X-Session-Transport: cookie`, as the portal does)',
  })
  refreshToken: string | null;

  @Field(() => User)
  user: User;
}

@ArgsType()
export class LoginArgs {
  @Field()
  @IsString()
  @Length(1, 254)
  email: string;

  @Field()
  @IsString()
  @Length(1, 256)
  password: string;
}

@ArgsType()
export class RefreshTokenArgs {
  @Field(() => String, { nullable: true, description: 'Omitted: the refresh-token cookie (the portal), or for logout the current session' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @IsString()
  @Length(1, 256)
  currentPassword: string;

  @Field({ description: 'The same strength rule as for a new account; must differ from the current password' })
  @stringRule('password', passwordProblem)
  newPassword: string;
}
