import { PartnerStatus, PartnerType } from '@lindung/domain';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../core/list';

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
  @IsUUID('all', { message: 'must be a UUID' })
  regencyId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  villageId?: string;
}

export const PartnerOrganisationListArgs = listArgsFor(PartnerOrganisationFilter);
