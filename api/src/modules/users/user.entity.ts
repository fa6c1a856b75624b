import { Permission, Role } from '@lindung/domain';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { Relation } from '../../core/relations';
import { ScopedBy } from '../../core/scope';
import { PartnerOrganisation } from '../partners/partner-organisation.entity';
import { Regency } from '../regions/regency.entity';
import { Village } from '../regions/village.entity';

registerEnumType(Role, { name: 'Role' });

/** A sign-in account. Its role says what it may do, its scope ids which records it may touch. */
@ObjectType({ description: 'An account' })
@Entity('users')
@ScopedBy({ kind: 'scoped', regency: 'regencyId', village: 'villageId', partner: 'partnerId' })
export class User extends BaseEntity {
  @Field()
  @Column()
  email: string;

  // Never a GraphQL field.
  @Column({ name: 'password_hash', select: false })
  passwordHash: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'full_name', type: 'text', nullable: true })
  fullName: string | null;

  @Field(() => Role)
  @Column({ type: 'text' })
  role: Role;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'regency_id', type: 'uuid', nullable: true })
  regencyId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'village_id', type: 'uuid', nullable: true })
  villageId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'partner_id', type: 'uuid', nullable: true })
  partnerId: string | null;

  @Relation(() => Regency, { from: 'regencyId', allow: Permission.RegionRead })
  regency?: Regency | null;

  @Relation(() => Village, { from: 'villageId', allow: Permission.RegionRead })
  village?: Village | null;

  @Relation(() => PartnerOrganisation, { from: 'partnerId', allow: Permission.PartnerRead })
  partner?: PartnerOrganisation | null;

  @Field()
  @Column({ default: true })
  active: boolean;

  @Field({ description: 'Set by resetPassword: until the account changes its password, it may do nothing else' })
  @Column({ name: 'must_change_password', default: false })
  mustChangePassword: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;
}
