import { Category, EnrollmentStatus, FundingSource, Program } from '@lindung/domain';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../core/list';
import { LocalDate, Money } from '../../core/scalars';
import { IsId } from '../../core/validators';

@InputType()
export class EnrollmentFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  workerId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  partnerId?: string;

  @Field(() => ID, { nullable: true, description: 'Enrollments of the people who live in this village' })
  @IsOptional()
  @IsId()
  villageId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  regencyId?: string;

  @Field(() => Category, { nullable: true })
  @IsOptional()
  @IsEnum(Category)
  category?: Category;

  @Field(() => Program, { nullable: true, description: 'Enrollments that include this program' })
  @IsOptional()
  @IsEnum(Program)
  program?: Program;

  @Field(() => FundingSource, { nullable: true })
  @IsOptional()
  @IsEnum(FundingSource)
  fundingSource?: FundingSource;

  @Field(() => EnrollmentStatus, { nullable: true })
  @IsOptional()
  @IsEnum(EnrollmentStatus)
  status?: EnrollmentStatus;

  @Field(() => LocalDate, { nullable: true, description: 'Starting on or after this day' })
  @IsOptional()
  startDateFrom?: string;

  @Field(() => LocalDate, { nullable: true, description: 'Starting on or before this day' })
  @IsOptional()
  startDateTo?: string;
}

export const EnrollmentListArgs = listArgsFor(EnrollmentFilter);

const RISK_CLASS = () => Matches(/^[A-Z0-9_]{1,40}$/, { message: 'must be a risk class such as VERY_LOW' });

@ArgsType()
export class CreateEnrollmentArgs {
  @Field(() => ID)
  @IsId()
  workerId: string;

  @Field(() => ID, { nullable: true, description: 'ADMIN: the reporting partner organisation (a partner reports for itself)' })
  @IsOptional()
  @IsId()
  partnerId?: string | null;

  @Field(() => Category)
  @IsEnum(Category)
  category: Category;

  @Field(() => [Program])
  @IsEnum(Program, { each: true })
  @ArrayMaxSize(5)
  programs: Program[];

  @Field(() => FundingSource)
  @IsEnum(FundingSource)
  fundingSource: FundingSource;

  @Field(() => LocalDate)
  startDate: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  endDate?: string | null;

  @Field(() => Money, { description: 'Rupiah a month: declared income (BPU), wage (PU) or contract value (JAKON)' })
  @IsInt()
  @Min(0)
  declaredIncome: number;

  @Field(() => String, { nullable: true, description: 'PU: the JKK risk class' })
  @IsOptional()
  @IsString()
  @RISK_CLASS()
  riskClass?: string | null;
}

@ArgsType()
export class UpdateEnrollmentArgs {
  @Field(() => ID)
  @IsId()
  id: string;

  @Field(() => Category, { nullable: true })
  @IsOptional()
  @IsEnum(Category)
  category?: Category;

  @Field(() => [Program], { nullable: true })
  @IsOptional()
  @IsEnum(Program, { each: true })
  @ArrayMaxSize(5)
  programs?: Program[];

  @Field(() => FundingSource, { nullable: true })
  @IsOptional()
  @IsEnum(FundingSource)
  fundingSource?: FundingSource;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  startDate?: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  endDate?: string | null;

  @Field(() => Money, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  declaredIncome?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @RISK_CLASS()
  riskClass?: string | null;

  @Field(() => EnrollmentStatus, { nullable: true, description: 'PENDING → ACTIVE → LAPSED / ENDED; LAPSED → ACTIVE; see ENROLLMENT_TRANSITIONS' })
  @IsOptional()
  @IsEnum(EnrollmentStatus)
  status?: EnrollmentStatus;
}
