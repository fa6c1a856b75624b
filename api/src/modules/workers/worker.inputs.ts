import { Genders } from '@lindung/domain';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../core/list';
import { LocalDate } from '../../core/scalars';
import { IsId } from '../../core/validators';

@InputType()
export class WorkerFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  villageId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  districtId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  regencyId?: string;

  @Field(() => ID, { nullable: true, description: 'The people this partner organisation reported or enrolled' })
  @IsOptional()
  @IsId()
  partnerId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  vulnerable?: boolean;

  @Field(() => Genders, { nullable: true })
  @IsOptional()
  @IsEnum(Genders)
  gender?: 'MALE' | 'FEMALE';

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  possibleDuplicate?: boolean;

  @Field(() => ID, { nullable: true, description: "The other people with this worker's name and birth date" })
  @IsOptional()
  @IsId()
  duplicateOf?: string;
}

export const WorkerListArgs = listArgsFor(WorkerFilter);

/** What a report says about a person; the rules live in packages/domain (checkWorker). */
@ArgsType()
class WorkerValues {
  @Field(() => LocalDate, { nullable: true, description: 'Filled from the NIK when absent; must agree with it' })
  @IsOptional()
  birthDate?: string | null;

  @Field(() => Genders, { nullable: true, description: 'Filled from the NIK when absent; must agree with it' })
  @IsOptional()
  @IsEnum(Genders)
  gender?: 'MALE' | 'FEMALE' | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  occupation?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  vulnerable?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  kpj?: string | null;
}

@ArgsType()
export class CreateWorkerArgs extends WorkerValues {
  @Field()
  @IsString()
  @MaxLength(40)
  nik: string;

  @Field()
  @IsString()
  @MaxLength(400)
  fullName: string;

  @Field(() => ID)
  @IsId()
  villageId: string;

  @Field(() => ID, { nullable: true, description: 'ADMIN: the partner organisation reporting the worker (a partner reports for itself)' })
  @IsOptional()
  @IsId()
  partnerId?: string | null;
}

@ArgsType()
export class UpdateWorkerArgs extends WorkerValues {
  @Field(() => ID)
  @IsId()
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  nik?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  fullName?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  villageId?: string;
}

@ArgsType()
export class RevealNikArgs {
  @Field(() => ID)
  @IsId()
  workerId: string;

  @Field({ description: 'Why you need the full NIK (a few words); kept in the audit trail' })
  @IsString()
  @MaxLength(500)
  reason: string;
}

@ArgsType()
export class MarkDistinctArgs {
  @Field(() => ID)
  @IsId()
  workerId: string;

  @Field(() => ID)
  @IsId()
  otherWorkerId: string;

  @Field({ description: 'Why these are two different people; kept in the audit trail' })
  @IsString()
  @MaxLength(500)
  reason: string;
}
