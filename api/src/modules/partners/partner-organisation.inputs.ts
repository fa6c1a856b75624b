import { PartnerStatus, PartnerType } from '@lindung/domain';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
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

/** The contact details: what a partner may keep current itself. */
@ArgsType()
export class PartnerContactValues {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  contactPhone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;
}

export const CONTACT_FIELDS = ['contactName', 'contactPhone', 'contactEmail', 'address'] as const;

@ArgsType()
export class CreatePartnerOrganisationArgs extends PartnerContactValues {
  @Field()
  @IsString()
  @MaxLength(200)
  name: string;

  @Field(() => PartnerType)
  @IsEnum(PartnerType)
  type: PartnerType;

  @Field(() => ID)
  @IsId()
  regencyId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  villageId?: string | null;

  @Field(() => String, { nullable: true, description: 'Employer registration number at BPJS Ketenagakerjaan (8 digits)' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  npp?: string | null;
}

@ArgsType()
export class UpdatePartnerOrganisationArgs extends PartnerContactValues {
  @Field(() => ID)
  @IsId()
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @Field(() => PartnerType, { nullable: true })
  @IsOptional()
  @IsEnum(PartnerType)
  type?: PartnerType;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  regencyId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  villageId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  npp?: string | null;
}

@ArgsType()
export class PartnerStatusArgs {
  @Field(() => ID)
  @IsId()
  id: string;

  @Field({ description: 'Why (a few words); kept with the partner and in the audit trail' })
  @IsString()
  @MaxLength(500)
  reason: string;
}
