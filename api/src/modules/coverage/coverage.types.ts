import { FundingSource, PartnerType } from '@lindung/domain';
import { IsOptional } from 'class-validator';
import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate, Money } from '../../core/scalars';
import { IsId } from '../../core/validators';

@ArgsType()
export class CoverageArgs {
  @Field(() => ID)
  @IsId()
  regencyId: string;

  @Field(() => LocalDate, { nullable: true, description: 'The day (default: today in Bali)' })
  @IsOptional()
  asOf?: string;
}

@ObjectType()
export class OfficialCoverage {
  @Field(() => Int)
  protectedWorkers: number;

  @Field(() => LocalDate)
  asOf: string;

  @Field()
  source: string;

  @Field(() => Float, { nullable: true, description: 'A fraction of the workforce target (0.656 for 65.60 %)' })
  rate: number | null;
}

@ObjectType()
export class LiveCoverage {
  @Field(() => Int, { description: 'Distinct workers with an enrollment in force on the day, within your scope' })
  protectedWorkers: number;

  @Field(() => Float, { nullable: true, description: 'A fraction of the workforce target; null when your scope is not the whole regency' })
  rate: number | null;
}

@ObjectType()
export class DistrictCoverage {
  @Field(() => ID)
  districtId: string;

  @Field()
  name: string;

  @Field(() => Int)
  protectedWorkers: number;
}

@ObjectType()
export class VillageCoverage {
  @Field(() => ID)
  villageId: string;

  @Field()
  name: string;

  @Field(() => Int)
  protectedWorkers: number;
}

@ObjectType()
export class PartnerTypeCoverage {
  @Field(() => PartnerType, { nullable: true, description: 'null: enrolled by the regency itself (no partner organisation)' })
  type: PartnerType | null;

  @Field(() => Int)
  protectedWorkers: number;
}

@ObjectType()
export class FundingSourceCoverage {
  @Field(() => FundingSource)
  fundingSource: FundingSource;

  @Field(() => Int)
  protectedWorkers: number;
}

@ObjectType()
export class VulnerableFunding {
  @Field(() => Int)
  fiscalYear: number;

  @Field(() => Money)
  budgetAmount: number;

  @Field(() => Money)
  committed: number;

  @Field(() => Int)
  workersFunded: number;

  @Field(() => Int, { nullable: true })
  targetWorkers: number | null;
}

@ObjectType({ description: "A regency's coverage on a day (CONTRACT §6): the official figure and the live count, within your scope" })
export class CoverageStats {
  @Field(() => ID)
  regencyId: string;

  @Field(() => LocalDate)
  asOf: string;

  @Field(() => Int, { nullable: true })
  workforceTarget: number | null;

  @Field(() => OfficialCoverage, { nullable: true, description: 'The latest published figure on or before asOf' })
  official: OfficialCoverage | null;

  @Field(() => LiveCoverage)
  live: LiveCoverage;

  @Field(() => [DistrictCoverage])
  byDistrict: DistrictCoverage[];

  @Field(() => [VillageCoverage])
  byVillage: VillageCoverage[];

  @Field(() => [PartnerTypeCoverage])
  byPartnerType: PartnerTypeCoverage[];

  @Field(() => [FundingSourceCoverage])
  byFundingSource: FundingSourceCoverage[];

  @Field(() => VulnerableFunding, { nullable: true, description: "The fiscal year's budget for vulnerable workers, when you may read it" })
  vulnerable: VulnerableFunding | null;
}

@ArgsType()
export class CoverageTrendArgs {
  @Field(() => ID)
  @IsId()
  regencyId: string;

  @Field(() => LocalDate, { nullable: true, description: 'The last month’s day (default: today in Bali)' })
  @IsOptional()
  asOf?: string;
}

@ObjectType({ description: 'Live protected workers at the end of a month (or on asOf for its own month)' })
export class MonthlyCoverage {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => LocalDate)
  day: string;

  @Field(() => Int)
  protectedWorkers: number;

  @Field(() => Int, { nullable: true, description: 'The official figure published that month, if any' })
  officialProtectedWorkers: number | null;
}
