import { Category, EnrollmentStatus, FundingSource, Permission, Program } from '@lindung/domain';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { AuditScopeOf } from '../../core/audit';
import { BaseEntity } from '../../core/base.entity';
import { asNumber } from '../../core/columns';
import { Relation } from '../../core/relations';
import { CountedBy } from '../../core/row-counts';
import { LocalDate, Money } from '../../core/scalars';
import { ScopedBy } from '../../core/scope';
import { PartnerOrganisation } from '../partners/partner-organisation.entity';
import { Worker } from '../workers/worker.entity';

registerEnumType(FundingSource, { name: 'FundingSource' });
registerEnumType(EnrollmentStatus, { name: 'EnrollmentStatus' });


@ObjectType({ description: "One program's share of a monthly contribution" })
export class ContributionPart {
  @Field(() => Program)
  program: Program;

  @Field(() => Money)
  amount: number;

  @Field(() => ID, { nullable: true, description: 'The ContributionRate it was computed from' })
  rateId: string | null;
}

/**
 * One worker's membership in BPJS Ketenagakerjaan programs for a period. Its monthly
 * contribution is computed from the rates in force on its start date, never typed in. The
 * database refuses a second enrollment of one worker in one program for overlapping days.
 * A partner sees its own enrollments only; a village head and an official those of the workers
 * who live in their village or regency.
 */
@CountedBy({ all: { relation: 'enrollments', column: '' }, partner: { relation: 'enrollments', column: 'partner_id' } })
@ObjectType({ description: "A worker's enrollment in BPJS Ketenagakerjaan programs for a period" })
@Entity('enrollments')
@ScopedBy({
  kind: 'scoped',
  partner: 'partnerId',
  village: { parent: () => Worker, via: 'workerId' },
  regency: { parent: () => Worker, via: 'workerId' },
})
@AuditScopeOf(async (row, em) => {
  const [worker] = await em.query(`SELECT regency_id, village_id FROM workers WHERE id = $1`, [row.workerId]);
  return { regencyId: worker?.regency_id ?? null, villageId: worker?.village_id ?? null, partnerId: row.partnerId ?? null };
})
export class Enrollment extends BaseEntity {
  @Field(() => ID)
  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @Field(() => ID, { nullable: true, description: 'The partner organisation that reported it; null when the regency enrolled the worker' })
  @Column({ name: 'partner_id', type: 'uuid', nullable: true })
  partnerId: string | null;

  @Field(() => Category)
  @Column({ type: 'text' })
  category: Category;

  @Field(() => [Program])
  @Column({ type: 'text', array: true })
  programs: Program[];

  @Field(() => FundingSource)
  @Column({ name: 'funding_source', type: 'text' })
  fundingSource: FundingSource;

  @Field(() => LocalDate)
  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Field(() => LocalDate, { nullable: true })
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Field(() => Money, { description: 'Rupiah a month: declared income (BPU), wage (PU) or contract value (JAKON)' })
  @Column({ name: 'declared_income', type: 'bigint', transformer: asNumber })
  declaredIncome: number;

  @Field(() => String, { nullable: true, description: 'PU only: the JKK risk class (VERY_LOW … VERY_HIGH)' })
  @Column({ name: 'risk_class', type: 'text', nullable: true })
  riskClass: string | null;

  @Field(() => Money, { description: 'Computed from the rates in force on startDate' })
  @Column({ name: 'monthly_contribution', type: 'bigint', transformer: asNumber })
  monthlyContribution: number;

  @Field(() => [ContributionPart])
  @Column({ name: 'contribution_breakdown', type: 'jsonb' })
  contributionBreakdown: ContributionPart[];

  @Field(() => EnrollmentStatus)
  @Column({ type: 'text', default: EnrollmentStatus.PENDING })
  status: EnrollmentStatus;

  @Relation(() => Worker, { from: 'workerId', allow: Permission.WorkerRead })
  worker?: Worker | null;

  @Relation(() => PartnerOrganisation, { from: 'partnerId', allow: Permission.PartnerRead })
  partner?: PartnerOrganisation | null;
}
