import { Category, Program } from '@lindung/domain';
import { IsEnum, IsNumber, IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../core/list';
import { LocalDate, Money } from '../../core/scalars';
import { IsId, IsOneLine, IsWholeRupiah, MatchesRule } from '../../core/validators';

@InputType()
export class ContributionRateFilter extends BaseFilter {
  @Field(() => Program, { nullable: true })
  @IsOptional()
  @IsEnum(Program)
  program?: Program;

  @Field(() => Category, { nullable: true })
  @IsOptional()
  @IsEnum(Category)
  category?: Category;

  @Field(() => LocalDate, { nullable: true, description: 'Only the rates in force on this day' })
  @IsOptional()
  inForceOn?: string;
}

export const ContributionRateListArgs = listArgsFor(ContributionRateFilter);

const BRACKET = () => MatchesRule(/^[A-Z0-9_]{1,40}$/, { code: 'BRACKET_FORMAT' });

/** The values a rate has (ra-data-graphql-simple sends them flat, one argument each). */
@ArgsType()
class ContributionRateValues {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @BRACKET()
  bracket?: string | null;

  @Field(() => Float, { nullable: true, description: 'Percent of the base, e.g. 0.24 (give this or flatAmount)' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 3 })
  @Min(0.001)
  @Max(100)
  percent?: number | null;

  @Field(() => Money, { nullable: true, description: 'A flat amount a month (give this or percent)' })
  @IsOptional()
  @IsWholeRupiah()
  @Min(0)
  flatAmount?: number | null;

  @Field(() => Money, { nullable: true })
  @IsOptional()
  @IsWholeRupiah()
  @Min(0)
  minimumAmount?: number | null;

  @Field(() => Money, { nullable: true })
  @IsOptional()
  @IsWholeRupiah()
  @Min(1)
  maximumBase?: number | null;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  validTo?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  @IsOneLine()
  legalBasis?: string | null;
}

@ArgsType()
export class CreateContributionRateArgs extends ContributionRateValues {
  @Field(() => Program)
  @IsEnum(Program)
  program: Program;

  @Field(() => Category)
  @IsEnum(Category)
  category: Category;

  @Field(() => LocalDate)
  validFrom: string;
}

@ArgsType()
export class UpdateContributionRateArgs extends ContributionRateValues {
  @Field(() => ID)
  @IsId()
  id: string;

  @Field(() => LocalDate, { nullable: true })
  @IsOptional()
  validFrom?: string;
}
