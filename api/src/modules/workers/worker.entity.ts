import { Genders, Permission } from '@lindung/domain';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { Relation } from '../../core/relations';
import { CountedBy } from '../../core/row-counts';
import { LocalDate } from '../../core/scalars';
import { ScopedBy } from '../../core/scope';
import { NIK, Sensitive } from '../../core/sensitive';
import { Enrollment } from '../enrollments/enrollment.entity';
import { Regency } from '../regions/regency.entity';
import { Village } from '../regions/village.entity';
import { WorkerPartner } from './worker-partner.entity';

registerEnumType(Genders, { name: 'Gender' });

/**
 * A person in the registry: one record per NIK, ever (the database's unique index). Where they
 * live (`villageId`) is what they say, never derived from the NIK. A partner sees the people it
 * reported or enrolled (worker_partners); a village head the people of its village; an
 * official those of its regency.
 */
@CountedBy({
  all: { relation: 'workers', column: '' },
  regency: { relation: 'workers', column: 'regency_id' },
  village: { relation: 'workers', column: 'village_id' },
  partner: { relation: 'worker_partners', column: 'partner_id' },
})
@ObjectType({ description: 'A worker (a person)' })
@Entity('workers')
@ScopedBy({
  kind: 'scoped',
  regency: 'regencyId',
  village: 'villageId',
  // The people a partner reported or enrolled: its ties, which carry each person's name.
  partner: { link: () => WorkerPartner, row: 'workerId', scope: 'partnerId', carries: { fullName: 'fullName' } },
})
export class Worker extends BaseEntity {
  @Field({ description: 'NIK, 16 digits; shown as 6 + ****** + 4 to roles that do not need it' })
  @Sensitive(NIK)
  @Column({ type: 'text' })
  nik: string;

  @Field()
  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  /** The normalised name that possible duplicates share (domain `nameKey`). */
  @Column({ name: 'name_key', type: 'text' })
  nameKey: string;

  @Field(() => LocalDate)
  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Field(() => Genders)
  @Column({ type: 'text' })
  gender: 'MALE' | 'FEMALE';

  @Field(() => ID, { description: 'Where the person lives' })
  @Column({ name: 'village_id', type: 'uuid' })
  villageId: string;

  @Field(() => ID, { description: "The village's regency (kept by the database)" })
  @Column({ name: 'regency_id', type: 'uuid', insert: false, update: false })
  regencyId: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  occupation: string | null;

  @Field({ description: 'Pekerja rentan: may be proposed for regency-funded JKK + JKM' })
  @Column({ type: 'boolean', default: false })
  vulnerable: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'BPJS Ketenagakerjaan participant number (11 digits), once known' })
  @Column({ type: 'text', nullable: true })
  kpj: string | null;

  @Field({ description: 'Another person has the same name and birth date and was not marked as someone else' })
  @Column({ name: 'possible_duplicate', type: 'boolean', default: false })
  possibleDuplicate: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only in createWorker\'s answer: true when the NIK was already registered and you were linked to that person',
  })
  alreadyRegistered?: boolean;

  @Relation(() => Village, { from: 'villageId', allow: Permission.RegionRead })
  village?: Village | null;

  @Relation(() => Regency, { from: 'regencyId', allow: Permission.RegionRead })
  regency?: Regency | null;

  @Relation(() => Enrollment, { by: 'workerId', max: 50, orderBy: 'startDate', allow: Permission.EnrollmentRead })
  enrollments?: Enrollment[];

  /** The partners that reported or enrolled the person, first one first: a partner sees only its own tie. */
  @Relation(() => WorkerPartner, { by: 'workerId', max: 50, orderBy: 'firstReportedAt', allow: Permission.WorkerRead })
  partners?: WorkerPartner[];
}
