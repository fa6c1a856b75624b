import { IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../core/list';
import { LocalDate } from '../../core/scalars';
import { IsId, IsOneLine } from '../../core/validators';

@InputType()
export class CoverageReportFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  regencyId?: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  asOfFrom?: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  asOfTo?: string;
}

export const CoverageReportListArgs = listArgsFor(CoverageReportFilter);

@ArgsType()
export class CreateCoverageReportArgs {
  @Field(() => ID)
  @IsId()
  regencyId: string;

  @Field(() => LocalDate)
  asOf: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  protectedWorkers: number;

  @Field()
  @IsString()
  @Length(1, 300)
  @IsOneLine()
  source: string;
}

@ArgsType()
export class UpdateCoverageReportArgs {
  @Field(() => ID)
  @IsId()
  id: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  asOf?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  protectedWorkers?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  @IsOneLine()
  source?: string;
}

@InputType()
export class RegulationFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  regencyId?: string;
}

export const RegulationListArgs = listArgsFor(RegulationFilter);

@ArgsType()
export class CreateRegulationArgs {
  @Field(() => ID)
  @IsId()
  regencyId: string;

  @Field()
  @IsString()
  @Length(1, 300)
  @IsOneLine()
  title: string;

  @Field(() => LocalDate)
  validFrom: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  validTo?: string | null;
}

@ArgsType()
export class UpdateRegulationArgs {
  @Field(() => ID)
  @IsId()
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  @IsOneLine()
  title?: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  validFrom?: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  validTo?: string | null;
}
