import { emailProblem, passwordProblem, Role } from '@lindung/domain';
import { IsBoolean, IsEnum, IsOptional, Length } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../core/list';
import { IsId, stringRule } from '../../core/validators';

const IsEmail = () => stringRule('email', (value) => emailProblem(value.trim()));
const IsPassword = () => stringRule('password', passwordProblem);

@InputType()
export class UserFilter extends BaseFilter {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  regencyId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  villageId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  partnerId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export const UserListArgs = listArgsFor(UserFilter);

/** The scope ids as given; which of them a role needs is decided by the service. */
@ArgsType()
class ScopeArgs {
  @Field(() => ID, { nullable: true, description: 'REGENCY_OFFICIAL: the regency. Derived for VILLAGE_HEAD and PARTNER.' })
  @IsOptional()
  @IsId()
  regencyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'VILLAGE_HEAD: the village' })
  @IsOptional()
  @IsId()
  villageId?: string | null;

  @Field(() => ID, { nullable: true, description: 'PARTNER: the partner organisation' })
  @IsOptional()
  @IsId()
  partnerId?: string | null;
}

@ArgsType()
export class CreateUserArgs extends ScopeArgs {
  @Field()
  @IsEmail()
  email: string;

  @Field()
  @IsPassword()
  password: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  fullName?: string | null;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field({ nullable: true, defaultValue: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@ArgsType()
export class UpdateUserArgs extends ScopeArgs {
  @Field(() => ID)
  @IsId()
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string;

  @Field({ nullable: true, description: 'A new password; omit to keep the current one' })
  @IsOptional()
  @IsPassword()
  password?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  fullName?: string | null;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@ArgsType()
export class ResetPasswordArgs {
  @Field(() => ID)
  @IsId()
  userId: string;

  @Field({ description: 'Given to the account holder; it must be changed at the next sign-in' })
  @IsPassword()
  temporaryPassword: string;
}
