import { PartnerStatus, PartnerType } from '@lindung/domain';
import { IsEnum, IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../core/list';
import { IsId } from '../../core/validators';

@InputType()
export class PartnerOrganisationFilter extends BaseFilter {
  @Field(() => PartnerType, { nullable: true })
  @IsOptional()
  @IsEnum(PartnerType)
  type?: PartnerType;

  @Field(() => PartnerStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PartnerStatus)
  status?: PartnerStatus;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  regencyId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  villageId?: string;
}

export const PartnerOrganisationListArgs = listArgsFor(PartnerOrganisationFilter);
