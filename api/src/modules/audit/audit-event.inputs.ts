import { AuditAction } from '@lindung/domain';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../core/list';
import { IsId } from '../../core/validators';

@InputType()
export class AuditEventFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  actorId?: string;

  @Field(() => AuditAction, { nullable: true })
  @IsOptional()
  @IsEnum(AuditAction)
  action?: AuditAction;

  @Field({ nullable: true, description: 'The type of the record (Worker, Enrollment, PartnerOrganisation…)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId()
  regencyId?: string;

  @Field({ nullable: true, description: 'At or after this moment' })
  @IsOptional()
  atFrom?: Date;

  @Field({ nullable: true, description: 'Before this moment' })
  @IsOptional()
  atTo?: Date;
}

export const AuditEventListArgs = listArgsFor(AuditEventFilter);
