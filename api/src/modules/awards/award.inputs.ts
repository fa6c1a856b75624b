import { AwardCategory, AwardCriterion, AwardLevel } from '@lindung/domain';
import { IsEnum, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../core/list';
import { LocalDate } from '../../core/scalars';
import { IsId } from '../../core/validators';

@InputType()
export class AwardFilter extends BaseFilter {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  year?: number;

  @Field(() => AwardLevel, { nullable: true })
  @IsOptional()
  @IsEnum(AwardLevel)
  level?: AwardLevel;

  @Field(() => AwardCategory, { nullable: true })
  @IsOptional()
  @IsEnum(AwardCategory)
  category?: AwardCategory;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  regencyId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  partnerId?: string;
}

export const AwardListArgs = listArgsFor(AwardFilter);

@ArgsType()
class AwardValues {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  regencyId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  partnerId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  province?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(9999)
  score?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

@ArgsType()
export class CreateAwardArgs extends AwardValues {
  @Field(() => Int)
  @IsInt()
  @Min(2017)
  @Max(2100)
  year: number;

  @Field(() => AwardLevel)
  @IsEnum(AwardLevel)
  level: AwardLevel;

  @Field(() => AwardCategory)
  @IsEnum(AwardCategory)
  category: AwardCategory;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(100)
  rank: number;
}

@ArgsType()
export class UpdateAwardArgs extends AwardValues {
  @Field(() => ID)
  @IsId()
  id: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(2017)
  @Max(2100)
  year?: number;

  @Field(() => AwardLevel, { nullable: true })
  @IsOptional()
  @IsEnum(AwardLevel)
  level?: AwardLevel;

  @Field(() => AwardCategory, { nullable: true })
  @IsOptional()
  @IsEnum(AwardCategory)
  category?: AwardCategory;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  rank?: number;
}

@InputType()
export class AwardWeightFilter extends BaseFilter {
  @Field(() => AwardCriterion, { nullable: true })
  @IsOptional()
  @IsEnum(AwardCriterion)
  criterion?: AwardCriterion;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  inForceOn?: string;
}

export const AwardWeightListArgs = listArgsFor(AwardWeightFilter);

@ArgsType()
class AwardWeightValues {
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1000)
  weight?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 4 })
  @Min(0.0001)
  @Max(100_000_000)
  target?: number;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  validTo?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  note?: string | null;
}

@ArgsType()
export class CreateAwardWeightArgs extends AwardWeightValues {
  @Field(() => AwardCriterion)
  @IsEnum(AwardCriterion)
  criterion: AwardCriterion;

  @Field(() => LocalDate)
  validFrom: string;
}

@ArgsType()
export class UpdateAwardWeightArgs extends AwardWeightValues {
  @Field(() => ID)
  @IsId()
  id: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  validFrom?: string;
}

@ArgsType()
export class AwardScoreArgs {
  @Field(() => ID)
  @IsId()
  regencyId: string;

  @Field(() => Int, { description: 'The assessment year (the award assesses the previous calendar year)' })
  @IsInt()
  @Min(2017)
  @Max(2100)
  year: number;
}
