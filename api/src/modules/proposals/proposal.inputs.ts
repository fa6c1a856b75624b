import { MAX_PROPOSAL_MONTHS, MAX_PROPOSAL_WORKERS, MIN_PROPOSAL_MONTHS, ProposalStatus } from '@lindung/domain';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../core/list';
import { IsId } from '../../core/validators';

@InputType()
export class ProposalFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  regencyId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  villageId?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  fiscalYear?: number;

  @Field(() => ProposalStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ProposalStatus)
  status?: ProposalStatus;

  @Field(() => ID, { nullable: true, description: 'Proposals that list this worker' })
  @IsOptional()
  @IsId()
  workerId?: string;
}

export const ProposalListArgs = listArgsFor(ProposalFilter);

const MONTHS = () => (target: object, key: string | symbol) => {
  IsInt()(target, key);
  Min(MIN_PROPOSAL_MONTHS)(target, key);
  Max(MAX_PROPOSAL_MONTHS)(target, key);
};

@ArgsType()
export class CreateProposalArgs {
  @Field(() => ID)
  @IsId()
  villageId: string;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear: number;

  @Field(() => Int)
  @MONTHS()
  months: number;

  @Field(() => [ID])
  @IsId({ each: true })
  @ArrayMaxSize(MAX_PROPOSAL_WORKERS)
  workerIds: string[];
}

@ArgsType()
export class UpdateProposalArgs {
  @Field(() => ID)
  @IsId()
  id: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @MONTHS()
  months?: number;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsId({ each: true })
  @ArrayMaxSize(MAX_PROPOSAL_WORKERS)
  workerIds?: string[];
}

@ArgsType()
export class RenewProposalArgs {
  @Field(() => ID)
  @IsId()
  villageId: string;

  @Field(() => Int, { description: 'The new fiscal year; last year’s approved workers are re-validated into a draft' })
  @IsInt()
  @Min(2001)
  @Max(2100)
  fiscalYear: number;

  @Field(() => Int)
  @MONTHS()
  months: number;
}

@InputType()
export class ProposalDecisionInput {
  @Field(() => ID)
  @IsId()
  itemId: string;

  @Field()
  @IsBoolean()
  approve: boolean;

  @Field(() => String, { nullable: true, description: 'Required when refusing: why, in a few words the village head will read' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

@ArgsType()
export class DecideProposalArgs {
  @Field(() => ID)
  @IsId()
  id: string;

  @Field(() => [ProposalDecisionInput])
  @ValidateNested({ each: true })
  @ArrayMaxSize(MAX_PROPOSAL_WORKERS)
  decisions: ProposalDecisionInput[];
}

@ArgsType()
export class EndingCoverArgs {
  @Field(() => ID, { nullable: true, description: 'Only this regency (within your scope)' })
  @IsOptional()
  @IsId()
  regencyId?: string;

  @Field(() => Int, { nullable: true, description: 'Cover ending within this many days from today (default 60)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(366)
  withinDays?: number;
}
