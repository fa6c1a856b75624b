import { ItemDecision, MAX_PROPOSAL_WORKERS, Permission, ProposalFlag, ProposalStatus } from '@lindung/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { asNumber } from '../../core/columns';
import { Relation } from '../../core/relations';
import { LocalDate, Money } from '../../core/scalars';
import { ScopedBy } from '../../core/scope';
import { NIK, Sensitive } from '../../core/sensitive';
import { Enrollment } from '../enrollments/enrollment.entity';
import { Regency } from '../regions/regency.entity';
import { Village } from '../regions/village.entity';
import { Worker } from '../workers/worker.entity';

registerEnumType(ProposalStatus, { name: 'ProposalStatus' });
registerEnumType(ItemDecision, { name: 'ItemDecision' });
registerEnumType(ProposalFlag, { name: 'ProposalFlag', description: 'What verification found about a proposed worker' });


/**
 * A village head's request that the regency fund JKK + JKM for vulnerable workers of the village
 * for a number of months of a fiscal year. Drafted and submitted by the village's head, decided
 * item by item by the regency's official; its state machine is `PROPOSAL_TRANSITIONS` (domain).
 */
@ObjectType({ description: "A village head's proposal that the regency fund vulnerable workers" })
@Entity('proposals')
@ScopedBy({ kind: 'scoped', regency: 'regencyId', village: 'villageId' })
export class Proposal extends BaseEntity {
  @Field(() => ID)
  @Column({ name: 'village_id', type: 'uuid' })
  villageId: string;

  @Field(() => ID, { description: "The village's regency" })
  @Column({ name: 'regency_id', type: 'uuid' })
  regencyId: string;

  @Field(() => Int)
  @Column({ name: 'fiscal_year', type: 'int' })
  fiscalYear: number;

  @Field(() => Int, { description: 'Months of cover, 1–12' })
  @Column({ type: 'int' })
  months: number;

  @Field(() => ProposalStatus)
  @Column({ type: 'text', default: ProposalStatus.DRAFT })
  status: ProposalStatus;

  @Field(() => Money, { description: 'Sum of the items’ costs' })
  @Column({ name: 'total_cost', type: 'bigint', transformer: asNumber, default: 0 })
  totalCost: number;

  @Field(() => Money, { description: 'Sum of the approved items’ costs (committed against the budget)' })
  @Column({ name: 'approved_cost', type: 'bigint', transformer: asNumber, default: 0 })
  approvedCost: number;

  @Field(() => Money, { nullable: true, description: 'Cost per worker and month at the rates in force (JKK + JKM, BPU lowest bracket)' })
  @Column({ name: 'monthly_cost', type: 'bigint', transformer: asNumber, nullable: true })
  monthlyCost: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'First day of cover (set by the decision; else as it would be if decided today)' })
  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Field(() => Int, { nullable: true, description: 'A renewal: the fiscal year whose approved workers it re-validates' })
  @Column({ name: 'renews_year', type: 'int', nullable: true })
  renewsYear: number | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'decided_by_id', type: 'uuid', nullable: true })
  decidedById: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Relation(() => ProposalItem, { by: 'proposalId', max: MAX_PROPOSAL_WORKERS, orderBy: 'fullName', allow: Permission.ProposalRead })
  items?: ProposalItem[];

  @Relation(() => Village, { from: 'villageId', allow: Permission.RegionRead })
  village?: Village | null;

  @Relation(() => Regency, { from: 'regencyId', allow: Permission.RegionRead })
  regency?: Regency | null;
}

/**
 * One proposed worker and the decision on them. NIK, name and village are copied from the
 * registry at each verification and frozen by the decision, so later registry edits do not
 * change what was decided.
 */
@ObjectType({ description: 'A worker in a proposal, with the decision on them' })
@Entity('proposal_items')
@ScopedBy({
  kind: 'scoped',
  regency: { parent: () => Proposal, via: 'proposalId' },
  village: { parent: () => Proposal, via: 'proposalId' },
})
export class ProposalItem extends BaseEntity {
  @Field(() => ID)
  @Column({ name: 'proposal_id', type: 'uuid' })
  proposalId: string;

  @Field(() => ID)
  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @Field({ description: 'As verified (frozen by the decision); masked as Worker.nik is' })
  @Sensitive(NIK)
  @Column({ type: 'text' })
  nik: string;

  @Field()
  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Field(() => ID, { description: 'Where the worker lived when verified' })
  @Column({ name: 'village_id', type: 'uuid' })
  villageId: string;

  @Field(() => ItemDecision)
  @Column({ type: 'text', default: ItemDecision.PENDING })
  decision: ItemDecision;

  @Field(() => String, { nullable: true, description: 'Why it was refused (or a note on an approval)' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => Money, { description: 'months × the monthly cost' })
  @Column({ type: 'bigint', transformer: asNumber, default: 0 })
  cost: number;

  @Field(() => [ProposalFlag], { description: 'Verification findings; blocking ones stop an approval' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  flags: ProposalFlag[];

  @Field(() => ID, { nullable: true, description: 'The enrollment an approval created' })
  @Column({ name: 'enrollment_id', type: 'uuid', nullable: true })
  enrollmentId: string | null;

  @Relation(() => Worker, { from: 'workerId', allow: Permission.WorkerRead })
  worker?: Worker | null;

  @Relation(() => Enrollment, { from: 'enrollmentId', allow: Permission.EnrollmentRead })
  enrollment?: Enrollment | null;
}
