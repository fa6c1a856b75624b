import { VillageType } from '@lindung/domain';
import { IsEnum, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../core/list';
import { IsId, IsRegionCode } from '../../core/validators';

const NAME = () => Length(1, 200);
const MAX_COUNT = 100_000_000;

@InputType()
export class RegencyFilter extends BaseFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  code?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsRegionCode('PROVINCE')
  provinceCode?: string;
}

@InputType()
export class DistrictFilter extends BaseFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  code?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  regencyId?: string;
}

@InputType()
export class VillageFilter extends BaseFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  code?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  regencyId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  districtId?: string;

  @Field(() => VillageType, { nullable: true })
  @IsOptional()
  @IsEnum(VillageType)
  type?: VillageType;
}

export const RegencyListArgs = listArgsFor(RegencyFilter);
export const DistrictListArgs = listArgsFor(DistrictFilter);
export const VillageListArgs = listArgsFor(VillageFilter);

/** The regency fields that are optional on create and on update alike. */
@ArgsType()
class RegencyDetailsArgs {
  @Field({ nullable: true, description: 'Province name; on create it defaults to the name of the code’s province' })
  @IsOptional()
  @NAME()
  province?: string;

  @Field({ nullable: true, description: 'Must be the first two digits of the code; derived when omitted' })
  @IsOptional()
  @IsRegionCode('PROVINCE')
  provinceCode?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  workforceTarget?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  population?: number | null;
}

@ArgsType()
export class CreateRegencyArgs extends RegencyDetailsArgs {
  @Field()
  @IsRegionCode('REGENCY')
  code: string;

  @Field()
  @NAME()
  name: string;
}

@ArgsType()
export class UpdateRegencyArgs extends RegencyDetailsArgs {
  @Field(() => ID)
  @IsId()
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsRegionCode('REGENCY')
  code?: string;

  @Field({ nullable: true })
  @IsOptional()
  @NAME()
  name?: string;
}

@ArgsType()
export class CreateDistrictArgs {
  @Field()
  @IsRegionCode('DISTRICT')
  code: string;

  @Field()
  @NAME()
  name: string;

  @Field(() => ID)
  @IsId()
  regencyId: string;
}

@ArgsType()
export class UpdateDistrictArgs {
  @Field(() => ID)
  @IsId()
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsRegionCode('DISTRICT')
  code?: string;

  @Field({ nullable: true })
  @IsOptional()
  @NAME()
  name?: string;
}

@ArgsType()
export class CreateVillageArgs {
  @Field()
  @IsRegionCode('VILLAGE')
  code: string;

  @Field()
  @NAME()
  name: string;

  @Field(() => ID)
  @IsId()
  districtId: string;
}

@ArgsType()
export class UpdateVillageArgs {
  @Field(() => ID)
  @IsId()
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsRegionCode('VILLAGE')
  code?: string;

  @Field({ nullable: true })
  @IsOptional()
  @NAME()
  name?: string;
}
