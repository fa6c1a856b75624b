import { PartnerStatus, PartnerType, Permission } from '@lindung/domain';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { Relation } from '../../core/relations';
import { ScopedBy } from '../../core/scope';
import { Regency } from '../regions/regency.entity';
import { Village } from '../regions/village.entity';
import { User } from '../users/user.entity';

registerEnumType(PartnerType, { name: 'PartnerType' });
registerEnumType(PartnerStatus, { name: 'PartnerStatus' });

/**
 * A stakeholder that brings workers into the program: a business or UMKM, a sanggar (artist
 * community), the penyuluh bahasa Bali (Balinese-language extension workers), a village government.
 * A partner account's scope is its organisation (`partner: 'id'`).
 */
@ObjectType({ description: 'A partner organisation that brings workers into the program' })
@Entity('partner_organisations')
@ScopedBy({ kind: 'scoped', regency: 'regencyId', village: 'villageId', partner: 'id' })
export class PartnerOrganisation extends BaseEntity {
  @Field()
  @Column()
  name: string;

  @Field(() => PartnerType)
  @Column({ type: 'text' })
  type: PartnerType;

  @Field(() => PartnerStatus)
  @Column({ type: 'text', default: PartnerStatus.ACTIVE })
  status: PartnerStatus;

  @Field(() => ID)
  @Column({ name: 'regency_id', type: 'uuid' })
  regencyId: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'village_id', type: 'uuid', nullable: true })
  villageId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail: string | null;

  @Relation(() => Regency, { from: 'regencyId', allow: Permission.RegionRead })
  regency?: Regency | null;

  @Relation(() => Village, { from: 'villageId', allow: Permission.RegionRead })
  village?: Village | null;

  @Relation(() => User, { by: 'partnerId', max: 100, orderBy: 'email', allow: Permission.UserRead })
  users?: User[];
}
