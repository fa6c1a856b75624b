import { EnrollmentStatus, PartnerStatus, PartnerType, Permission } from '@lindung/domain';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { AuditScopeOf } from '../../core/audit';
import { BaseEntity } from '../../core/base.entity';
import { Relation, RelationCount } from '../../core/relations';
import { ScopedBy } from '../../core/scope';
import { Regency } from '../regions/regency.entity';
import { Village } from '../regions/village.entity';
import { Enrollment } from '../enrollments/enrollment.entity';
import { User } from '../users/user.entity';
import { WorkerPartner } from '../workers/worker-partner.entity';

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
@AuditScopeOf((row) => ({ regencyId: row.regencyId ?? null, villageId: row.villageId ?? null, partnerId: row.id ?? null }))
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

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true, description: 'Employer registration number at BPJS Ketenagakerjaan (8 digits)' })
  @Column({ type: 'text', nullable: true })
  npp: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was last suspended or reactivated' })
  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null;

  @RelationCount(() => WorkerPartner, { by: 'partnerId', allow: Permission.WorkerRead, description: 'Workers it reported or enrolled, within your scope' })
  workerCount?: number;

  @RelationCount(() => Enrollment, {
    by: 'partnerId',
    where: { status: EnrollmentStatus.ACTIVE },
    allow: Permission.EnrollmentRead,
    description: 'Its active enrollments, within your scope',
  })
  activeEnrollmentCount?: number;

  @Relation(() => Regency, { from: 'regencyId', allow: Permission.RegionRead })
  regency?: Regency | null;

  @Relation(() => Village, { from: 'villageId', allow: Permission.RegionRead })
  village?: Village | null;

  @Relation(() => User, { by: 'partnerId', max: 100, orderBy: 'email', allow: Permission.UserRead })
  users?: User[];
}
