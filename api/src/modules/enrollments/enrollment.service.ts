import { checkEnrollment, EnrollmentStatus, mayMoveEnrollment, todayIn, type EnrollmentFacts, type PricedEnrollment } from '@lindung/domain';
import type { SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { badUserInput, conflict, pgErrorCode, PgError } from '../../core/errors';
import { whereEquals } from '../../core/list';
import { ResourceReader } from '../../core/resource';
import { assertWrittenWithinScope } from '../../core/scope';
import { contributionRateService } from '../contributions/contribution-rate.service';
import { partnerOrganisationService } from '../partners/partner-organisation.service';
import { workerService } from '../workers/worker.service';
import { Enrollment } from './enrollment.entity';
import type { CreateEnrollmentArgs, EnrollmentFilter, UpdateEnrollmentArgs } from './enrollment.inputs';

export class EnrollmentService extends ResourceReader<Enrollment, EnrollmentFilter> {
  protected readonly entity = Enrollment;
  protected readonly typeName = 'Enrollment';
  protected readonly alias = 'enrollment';
  protected readonly sortable = {
    id: 'id',
    startDate: 'startDate',
    endDate: 'endDate',
    category: 'category',
    status: 'status',
    fundingSource: 'fundingSource',
    monthlyContribution: 'monthlyContribution',
    createdAt: 'createdAt',
  };
  protected readonly defaultSort = 'createdAt';
  protected readonly searchColumns = ['enrollment.category', 'enrollment.status'];

  protected applyFilter(qb: SelectQueryBuilder<Enrollment>, filter: EnrollmentFilter): void {
    whereEquals(qb, 'enrollment.workerId', filter.workerId);
    whereEquals(qb, 'enrollment.partnerId', filter.partnerId);
    whereEquals(qb, 'enrollment.category', filter.category);
    whereEquals(qb, 'enrollment.fundingSource', filter.fundingSource);
    whereEquals(qb, 'enrollment.status', filter.status);
    if (filter.program) qb.andWhere(':programFilter = ANY(enrollment.programs)', { programFilter: filter.program });
    if (filter.startDateFrom) qb.andWhere('enrollment.startDate >= :startDateFrom', { startDateFrom: filter.startDateFrom });
    if (filter.startDateTo) qb.andWhere('enrollment.startDate <= :startDateTo', { startDateTo: filter.startDateTo });
    if (filter.villageId) {
      qb.andWhere('enrollment.workerId IN (SELECT fw.id FROM workers fw WHERE fw.village_id = :villageFilter)', { villageFilter: filter.villageId });
    }
    if (filter.regencyId) {
      qb.andWhere('enrollment.workerId IN (SELECT fw.id FROM workers fw WHERE fw.regency_id = :regencyFilter)', { regencyFilter: filter.regencyId });
    }
  }

  async create(ctx: RequestContext, args: CreateEnrollmentArgs): Promise<Enrollment> {
    const partnerId = await partnerOrganisationService.reportingPartnerId(ctx, args.partnerId);
    const worker = await workerService.getReference(ctx, args.workerId, 'workerId');
    await lockWorkerEnrollments(ctx, worker.id);
    const priced = await this.priced(ctx, args);
    const enrollment = ctx.em.create(Enrollment, { ...priced, workerId: worker.id, partnerId, status: EnrollmentStatus.PENDING });
    const saved = await this.save(ctx, enrollment);
    await workerService.tieToPartner(ctx, [worker.id], partnerId);
    await assertWrittenWithinScope(ctx, Enrollment, saved.id);
    return this.get(ctx, saved.id);
  }

  /** Changes the period, programs or status; the contribution is computed again from the rates. */
  async update(ctx: RequestContext, args: UpdateEnrollmentArgs): Promise<Enrollment> {
    await partnerOrganisationService.reportingPartnerId(ctx, null);
    const enrollment = await this.getForUpdate(ctx, args.id);
    await lockWorkerEnrollments(ctx, enrollment.workerId);
    if (args.status && !mayMoveEnrollment(enrollment.status, args.status)) {
      throw conflict({ code: 'STATUS_TRANSITION', params: { from: enrollment.status, to: args.status } });
    }
    const endDate = args.endDate !== undefined ? args.endDate : enrollment.endDate;
    const facts: EnrollmentFacts = {
      category: args.category ?? enrollment.category,
      programs: args.programs ?? enrollment.programs,
      fundingSource: args.fundingSource ?? enrollment.fundingSource,
      startDate: args.startDate ?? enrollment.startDate,
      // An ended membership ends on a day: today (in Bali) unless one is given.
      endDate: args.status === EnrollmentStatus.ENDED && !endDate ? todayIn() : endDate,
      declaredIncome: args.declaredIncome ?? enrollment.declaredIncome,
      riskClass: args.riskClass !== undefined ? args.riskClass : enrollment.riskClass,
    };
    Object.assign(enrollment, await this.priced(ctx, facts));
    if (args.status) enrollment.status = args.status;
    await this.save(ctx, enrollment);
    await assertWrittenWithinScope(ctx, Enrollment, enrollment.id);
    return this.get(ctx, enrollment.id);
  }

  /** Only a registration not yet confirmed (PENDING) is withdrawn; later ones are ended instead. */
  override async delete(ctx: RequestContext, id: string): Promise<Enrollment> {
    await partnerOrganisationService.reportingPartnerId(ctx, null);
    const enrollment = await this.getForUpdate(ctx, id);
    if (enrollment.status !== EnrollmentStatus.PENDING) {
      throw conflict({ code: 'STATUS_TRANSITION', params: { from: enrollment.status, to: 'DELETED' } });
    }
    await ctx.em.remove(enrollment);
    return { ...enrollment, id };
  }

  /** The shared rules and the contribution at the rates in force on the start date. */
  async priced(ctx: RequestContext, facts: EnrollmentFacts): Promise<PricedEnrollment> {
    const rates = await contributionRateService.inForceOn(ctx, facts.startDate);
    const result = checkEnrollment(facts, rates);
    if (!result.ok) throw badUserInput(result.problems);
    return result.enrollment;
  }

  private async save(ctx: RequestContext, enrollment: Enrollment): Promise<Enrollment> {
    try {
      return await ctx.em.save(enrollment);
    } catch (error) {
      // Another enrollment (perhaps another partner's, which this caller may not see) covers
      // one of these programs on some of these days: refused without naming it.
      if (pgErrorCode(error) === PgError.EXCLUSION_VIOLATION) throw conflict('ENROLLMENT_OVERLAP');
      throw error;
    }
  }
}

/**
 * One writer of a worker's enrollments at a time, from before this mutation reads them. The
 * database's overlap check takes the same lock once the rows are in; taken first, a later writer
 * waits before its own checks and then reads what the first one committed.
 */
async function lockWorkerEnrollments(ctx: RequestContext, workerId: string): Promise<void> {
  await ctx.em.query(`SELECT 1 FROM workers WHERE id = $1 FOR NO KEY UPDATE`, [workerId]);
}

export const enrollmentService = new EnrollmentService();
