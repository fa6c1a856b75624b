import {
  AuditAction,
  BLOCKING_FLAGS,
  blockingFlags,
  budgetRemaining,
  checkNik,
  coverPeriod,
  decisionOutcome,
  ItemDecision,
  ProposalAction,
  ProposalStatus,
  proposalTransitionProblem,
  reasonIsEnough,
  MIN_REASON_LENGTH,
  todayIn,
  VULNERABLE_COVER,
  LOWEST_BPU_INCOME,
  monthlyContribution,
  FundingSource,
  EnrollmentStatus,
} from '@lindung/domain';
import { escapeLiteral } from 'pg';
import type { SelectQueryBuilder } from 'typeorm';
import { auditAs, auditInsertSql, recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { badUserInput, conflict, pgErrorCode, PgError } from '../../core/errors';
import { whereEquals } from '../../core/list';
import { ResourceReader } from '../../core/resource';
import { preparedRows } from '../../core/prepared';
import { rowsReturned } from '../../core/returning';
import { assertWrittenWithinScope } from '../../core/scope';
import { commitWith } from '../../core/transaction';
import { contributionRateService } from '../contributions/contribution-rate.service';
import { knownKecamatanCodes } from '../regions/region-codes';
import { villageService } from '../regions/village.service';
import { workerService } from '../workers/worker.service';
import { Proposal } from './proposal.entity';
import type { CreateProposalArgs, DecideProposalArgs, ProposalDecisionInput, ProposalFilter, RenewProposalArgs, UpdateProposalArgs } from './proposal.inputs';

/** The statuses in which a proposal holds its workers against other proposals of the year. */
const HOLDING = [ProposalStatus.SUBMITTED, ProposalStatus.APPROVED, ProposalStatus.PARTIALLY_APPROVED];

export class ProposalService extends ResourceReader<Proposal, ProposalFilter> {
  protected readonly entity = Proposal;
  protected readonly typeName = 'Proposal';
  protected readonly alias = 'proposal';
  protected readonly sortable = {
    id: 'id',
    fiscalYear: 'fiscalYear',
    status: 'status',
    totalCost: 'totalCost',
    approvedCost: 'approvedCost',
    submittedAt: 'submittedAt',
    decidedAt: 'decidedAt',
    createdAt: 'createdAt',
    updatedAt: 'updatedAt',
  };
  protected readonly defaultSort = 'createdAt';
  protected readonly searchColumns = ['proposal.status'];

  protected applyFilter(qb: SelectQueryBuilder<Proposal>, filter: ProposalFilter): void {
    whereEquals(qb, 'proposal.regencyId', filter.regencyId);
    whereEquals(qb, 'proposal.villageId', filter.villageId);
    whereEquals(qb, 'proposal.fiscalYear', filter.fiscalYear);
    whereEquals(qb, 'proposal.status', filter.status);
    if (filter.workerId) {
      qb.andWhere('proposal.id IN (SELECT fi.proposal_id FROM proposal_items fi WHERE fi.worker_id = :proposalWorker)', { proposalWorker: filter.workerId });
    }
  }

  /** A draft for a village: its head's, for the village's own people. */
  async create(ctx: RequestContext, args: CreateProposalArgs): Promise<Proposal> {
    const saved = await this.newDraft(ctx, args);
    await this.setWorkers(ctx, saved, args.workerIds, { ofVillageOnly: true });
    await this.verify(ctx, saved);
    return this.get(ctx, saved.id);
  }

  async update(ctx: RequestContext, args: UpdateProposalArgs): Promise<Proposal> {
    const proposal = await this.forAction(ctx, args.id, ProposalAction.EDIT);
    if (args.months !== undefined && args.months !== proposal.months) {
      proposal.months = args.months;
      await ctx.em.save(proposal);
    }
    if (args.workerIds) await this.setWorkers(ctx, proposal, args.workerIds, { ofVillageOnly: true });
    await this.verify(ctx, proposal);
    return this.get(ctx, proposal.id);
  }

  override async delete(ctx: RequestContext, id: string): Promise<Proposal> {
    await this.forAction(ctx, id, ProposalAction.DELETE);
    return super.delete(ctx, id);
  }

  /**
   * Starts next year's draft from last year's approved workers of the village, each re-verified:
   * whoever moved, is now covered otherwise, or whose cover ended early is flagged, not dropped —
   * the village head sees why and removes them.
   */
  async renew(ctx: RequestContext, args: RenewProposalArgs): Promise<Proposal> {
    const saved = await this.newDraft(ctx, { ...args, renewsYear: args.fiscalYear - 1 });
    const rows: Array<{ worker_id: string }> = await ctx.em.query(
      `SELECT DISTINCT i.worker_id FROM proposal_items i JOIN proposals p ON p.id = i.proposal_id
       WHERE p.village_id = $1 AND p.fiscal_year = $2 AND p.status IN ('APPROVED', 'PARTIALLY_APPROVED') AND i.decision = 'APPROVED'`,
      [saved.villageId, args.fiscalYear - 1],
    );
    await this.setWorkers(ctx, saved, rows.map((row) => row.worker_id), { ofVillageOnly: false });
    await this.verify(ctx, saved);
    return this.get(ctx, saved.id);
  }

  async submit(ctx: RequestContext, id: string): Promise<Proposal> {
    const proposal = await this.forAction(ctx, id, ProposalAction.SUBMIT);
    const [{ count }] = await ctx.em.query(`SELECT count(*)::int AS count FROM proposal_items WHERE proposal_id = $1`, [id]);
    if (count === 0) throw conflict('PROPOSAL_EMPTY');
    proposal.status = ProposalStatus.SUBMITTED;
    proposal.submittedAt = new Date();
    await ctx.em.save(auditAs(proposal, AuditAction.SUBMIT));
    await this.verify(ctx, proposal);
    return this.get(ctx, id);
  }

  async withdraw(ctx: RequestContext, id: string): Promise<Proposal> {
    const proposal = await this.forAction(ctx, id, ProposalAction.WITHDRAW);
    proposal.status = ProposalStatus.WITHDRAWN;
    proposal.withdrawnAt = new Date();
    await ctx.em.save(auditAs(proposal, AuditAction.WITHDRAW));
    return this.get(ctx, id);
  }

  /**
   * Decides every item at once, in this one transaction: re-verifies, freezes each item, creates
   * the approved workers' JKK + JKM enrollments, and commits the approved cost against the fiscal
   * year's budget — last, with a conditional update under the budget row's lock (and the table's
   * CHECK behind it) sent together with the COMMIT, so that officials deciding at once can never
   * overspend it together and hold it no longer than PostgreSQL needs.
   *
   * Under contention the API's event loop and PostgreSQL share two cores, and every statement costs
   * both: so verification, the decision, the enrollments, the proposal and their audit events are
   * one statement (DECIDE_SQL), which writes nothing when the budget visibly cannot take the cost
   * (the refusal then costs no enrollments), and the answer is the locked proposal with what that
   * statement wrote.
   */
  async decide(ctx: RequestContext, args: DecideProposalArgs): Promise<Proposal> {
    const proposal = await this.forAction(ctx, args.id, ProposalAction.DECIDE);
    if (proposal.createdById && proposal.createdById === ctx.actor!.id) throw conflict('OWN_PROPOSAL');
    const items = await lockItemWorkers(ctx, proposal.id);
    refuseIncompleteDecisions(items.map((item) => item.id), args.decisions);
    const approvedIds = new Set(args.decisions.filter((decision) => decision.approve).map((decision) => decision.itemId));
    const verification = await this.verification(ctx, proposal, items);
    if (approvedIds.size > 0 && verification.period.startDate > `${proposal.fiscalYear}-12-31`) {
      throw conflict({ code: 'FISCAL_YEAR_ENDED', params: { fiscalYear: proposal.fiscalYear } });
    }
    const decided = decidedValues(ctx, proposal, verification, items.length, approvedIds.size);
    const written = await writeDecision(ctx, proposal, decided, verification, args.decisions);
    refuseBlockedApprovals(written.flags, approvedIds);
    // Nothing blocked, so only the budget keeps DECIDE_SQL from writing.
    if (!written.updatedAt) throw budgetRefusal(proposal, written.budget, decided.approvedCost);
    Object.assign(proposal, decided, { updatedAt: written.updatedAt });
    if (decided.approvedCost > 0) commitAgainstBudget(ctx, proposal, decided.approvedCost, approvedIds.size);
    return proposal;
  }

  /**
   * Verification, set-based over the proposal's items: refreshes each item's NIK, name and village
   * from the registry (until the decision freezes them), its flags and cost, and the proposal's
   * total — for the period it would cover if decided today.
   */
  async verify(ctx: RequestContext, proposal: Pick<Proposal, 'id' | 'fiscalYear' | 'months'>, workers?: Array<{ worker_id: string; nik: string }>): Promise<Verification> {
    const verification = await this.verification(ctx, proposal, workers);
    const flags = await rowsReturned<{ id: string; flags: string[] }>(ctx.em, VERIFY_SQL, verification.params);
    return { ...verification, flags };
  }

  /** What verifying needs besides the items: the period, a month's cost then, and the workers whose NIK fails. */
  private async verification(
    ctx: RequestContext,
    proposal: Pick<Proposal, 'id' | 'fiscalYear' | 'months'>,
    workers?: Array<{ worker_id: string; nik: string }>,
  ): Promise<VerificationInputs> {
    const period = coverPeriod(proposal.fiscalYear, proposal.months, todayIn());
    const { total: monthlyCost, breakdown } = await this.monthlyCost(ctx, period.startDate);
    const invalidNiks = await this.invalidNikWorkers(ctx, proposal.id, workers);
    return {
      period,
      monthlyCost,
      breakdown,
      params: [proposal.id, period.startDate, period.endDate, monthlyCost * proposal.months, invalidNiks, HOLDING, monthlyCost],
    };
  }

  /** A vulnerable worker's month at the rates in force on the first day of cover. */
  private async monthlyCost(ctx: RequestContext, on: string): Promise<{ total: number; breakdown: unknown }> {
    const rates = await contributionRateService.inForceOn(ctx, on, VULNERABLE_COVER);
    const contribution = monthlyContribution({ ...VULNERABLE_COVER, base: LOWEST_BPU_INCOME, on }, rates);
    if (contribution.missingRates.length > 0) throw badUserInput({ months: { code: 'RATE_MISSING', params: { programs: contribution.missingRates } } });
    return { total: contribution.total, breakdown: contribution.breakdown };
  }

  /** The proposal's workers whose NIK fails the NIK rules today (region codes can be withdrawn). */
  private async invalidNikWorkers(ctx: RequestContext, proposalId: string, known?: Array<{ worker_id: string; nik: string }>): Promise<string[]> {
    const kecamatan = await knownKecamatanCodes(ctx.em);
    const workers: Array<{ worker_id: string; nik: string }> =
      known ??
      (await ctx.em.query(`SELECT w.id AS worker_id, w.nik FROM proposal_items i JOIN workers w ON w.id = i.worker_id WHERE i.proposal_id = $1`, [proposalId]));
    return workers.filter((worker) => !checkNik(worker.nik, (code) => kecamatan.has(code)).ok).map((worker) => worker.worker_id);
  }

  /** An empty draft for a village, by its head: read back through the caller's scope (its own village only). */
  private async newDraft(ctx: RequestContext, values: { villageId: string; fiscalYear: number; months: number; renewsYear?: number }): Promise<Proposal> {
    const village = await villageService.getReference(ctx, values.villageId, 'villageId');
    const draft = ctx.em.create(Proposal, {
      villageId: village.id,
      regencyId: village.regencyId,
      fiscalYear: values.fiscalYear,
      months: values.months,
      status: ProposalStatus.DRAFT,
      renewsYear: values.renewsYear ?? null,
      createdById: ctx.actor!.id,
    });
    const saved = await ctx.em.save(draft);
    await assertWrittenWithinScope(ctx, Proposal, saved.id);
    return saved;
  }

  /** The proposal, locked, if the action is allowed from its status. */
  private async forAction(ctx: RequestContext, id: string, action: ProposalAction): Promise<Proposal> {
    const proposal = await this.getForUpdate(ctx, id);
    const problem = proposalTransitionProblem(proposal.status, action);
    if (problem) throw conflict(problem);
    return proposal;
  }

  /**
   * Makes the proposal's workers exactly these: each one visible to the caller and, for a draft
   * by hand, living in the village. Added and removed workers are audited on the proposal.
   */
  private async setWorkers(ctx: RequestContext, proposal: Proposal, workerIds: string[], options: { ofVillageOnly: boolean }): Promise<void> {
    const twice = [...new Set(workerIds.filter((id, index) => workerIds.indexOf(id) !== index))];
    if (twice.length > 0) throw badUserInput({ workerIds: { code: 'LISTED_TWICE', params: { ids: twice } } });
    if (workerIds.length > 0) {
      const visible = await workerService
        .query(ctx)
        .select(['worker.id', 'worker.villageId'])
        .andWhere('worker.id IN (:...proposedWorkers)', { proposedWorkers: workerIds })
        .getMany();
      const visibleIds = new Set(visible.map((worker) => worker.id));
      const unseen = workerIds.filter((id) => !visibleIds.has(id));
      if (unseen.length > 0) throw badUserInput({ workerIds: { code: 'NOT_VISIBLE', params: { type: 'Worker', id: unseen.join(', ') } } });
      const elsewhere = visible.filter((worker) => worker.villageId !== proposal.villageId).map((worker) => worker.id);
      if (options.ofVillageOnly && elsewhere.length > 0) throw badUserInput({ workerIds: { code: 'WORKER_NOT_IN_VILLAGE', params: { workerIds: elsewhere } } });
    }
    const removed = await rowsReturned<{ worker_id: string }>(
      ctx.em,
      `DELETE FROM proposal_items WHERE proposal_id = $1 AND NOT (worker_id = ANY($2::uuid[])) RETURNING worker_id`,
      [proposal.id, workerIds],
    );
    const added = await rowsReturned<{ worker_id: string }>(
      ctx.em,
      `INSERT INTO proposal_items (proposal_id, worker_id, nik, full_name, village_id)
       SELECT $1, w.id, w.nik, w.full_name, w.village_id FROM workers w WHERE w.id = ANY($2::uuid[])
       ON CONFLICT (proposal_id, worker_id) DO NOTHING RETURNING worker_id`,
      [proposal.id, workerIds],
    );
    if (removed.length === 0 && added.length === 0) return;
    await recordAudit(ctx, [
      {
        action: AuditAction.UPDATE,
        entityType: 'Proposal',
        entityId: proposal.id,
        changes: { workersAdded: added.map((row) => row.worker_id), workersRemoved: removed.map((row) => row.worker_id) },
        scope: { regencyId: proposal.regencyId, villageId: proposal.villageId, partnerId: null },
      },
    ]);
  }
}

/** Verification's inputs, with the first seven parameters of VERIFY_SQL and DECIDE_SQL. */
interface VerificationInputs {
  period: { startDate: string; endDate: string };
  monthlyCost: number;
  breakdown: unknown;
  params: [string, string, string, number, string[], string[], number];
}

interface Verification extends VerificationInputs {
  flags: Array<{ id: string; flags: string[] }>;
}

/**
 * Every item's flags, as the CTEs `me` (the proposal) and `found` (its items, each with what the
 * registry says of its worker now); parameters $1–$3, $5, $6. A worker is held by another proposal
 * of the year when that one approved them, or submitted them first (so two proposals of one worker
 * do not block each other: the earlier one wins).
 *
 * The proposal's id, the period and the holding statuses reach the items and the checks through
 * `me`, MATERIALIZED: the planner then estimates the same whatever the values, so the generic plan
 * of a prepared statement costs what a custom one does, and PostgreSQL keeps it instead of
 * planning the statement on every decision. A value it can see makes the custom plans look
 * cheaper, and it plans every time: with `i.proposal_id = $1` it expected one item where the
 * generic plan expects the average three, and planned DECIDE_SQL on each decision: 3.9 ms, over a
 * third of its CPU for a decision (test/bench/cycle.mjs counts the plans of each kind).
 */
const FOUND_CTES = `
  me AS MATERIALIZED (
    SELECT id, village_id, fiscal_year, renews_year, coalesce(submitted_at, 'infinity') AS submitted_at,
      daterange($2::date, $3::date, '[]') AS period, $6::text[] AS holding
    FROM proposals WHERE id = $1
  ),
  found AS (
    SELECT i.id, w.id AS worker_id, w.nik, w.full_name, w.village_id,
      array_remove(ARRAY[
        CASE WHEN w.id = ANY($5::uuid[]) THEN 'NIK_INVALID' END,
        CASE WHEN w.village_id <> me.village_id THEN 'NOT_IN_VILLAGE' END,
        CASE WHEN EXISTS (
          SELECT 1 FROM enrollments ce
          WHERE ce.worker_id = w.id AND ce.programs && ARRAY['JKK', 'JKM'] AND daterange(ce.start_date, ce.end_date, '[]') && me.period
            AND ce.id IS DISTINCT FROM i.enrollment_id) THEN 'ALREADY_COVERED' END,
        CASE WHEN EXISTS (
          SELECT 1 FROM proposal_items oi JOIN proposals op ON op.id = oi.proposal_id
          WHERE oi.worker_id = w.id AND op.id <> me.id AND op.fiscal_year = me.fiscal_year AND op.status = ANY(me.holding)
            AND oi.decision <> 'REJECTED'
            AND (op.status <> 'SUBMITTED' OR op.submitted_at < me.submitted_at)) THEN 'PROPOSED_ELSEWHERE' END,
        CASE WHEN NOT w.vulnerable THEN 'NOT_VULNERABLE' END,
        CASE WHEN w.possible_duplicate THEN 'POSSIBLE_DUPLICATE' END,
        CASE WHEN EXISTS (
          SELECT 1 FROM enrollments e WHERE e.worker_id = w.id AND e.funding_source = 'EMPLOYER'
            AND daterange(e.start_date, e.end_date, '[]') && me.period) THEN 'EMPLOYER_COVERED' END,
        CASE WHEN me.renews_year IS NOT NULL AND EXISTS (
          SELECT 1 FROM proposal_items li JOIN proposals lp ON lp.id = li.proposal_id JOIN enrollments le ON le.id = li.enrollment_id
          WHERE li.worker_id = w.id AND lp.fiscal_year = me.renews_year AND li.decision = 'APPROVED'
            AND (le.status = 'LAPSED' OR (le.status = 'ENDED' AND le.end_date < lp.end_date))) THEN 'COVER_ENDED_EARLY' END
      ], NULL) AS flags
    FROM me JOIN proposal_items i ON i.proposal_id = me.id JOIN workers w ON w.id = i.worker_id
  )`;

/** Verification in one statement: the items' registry copies, flags and cost ($4), the proposal's total. */
const VERIFY_SQL = `
  WITH ${FOUND_CTES},
  items AS (
    UPDATE proposal_items i SET nik = f.nik, full_name = f.full_name, village_id = f.village_id, flags = f.flags, cost = $4, updated_at = now()
    FROM found f WHERE i.id = f.id
    RETURNING i.id, i.flags
  ), totals AS (
    UPDATE proposals SET total_cost = $4::bigint * (SELECT count(*) FROM items), monthly_cost = $7, start_date = $2, end_date = $3, updated_at = now()
    WHERE id = $1
  )
  SELECT id, flags FROM items`;

/**
 * A decision in one statement, after the same verification: when no approved item ($8's decisions)
 * carries a blocking flag ($9) and the year's budget has room for the approved cost ($17) as it
 * stands now, each item is frozen as verified with its decision and reason, every approved worker
 * gets the JKK + JKM enrollment ($10–$15, from the first day of cover) that its item keeps, and the
 * proposal its totals and outcome ($16–$19); each write with its audit events (actor $19, role $20,
 * request $21; the proposal's changes $22). Otherwise nothing is written: the flags and the budget
 * come back and the caller refuses. The budget is only read here (no lock): the conditional update
 * after this statement stays the one that decides. Statements of one WITH see one snapshot, so each
 * table is written once and the enrollments are inserted from the decisions, not from the items.
 */
const DECIDE_SQL = `
  WITH ${FOUND_CTES},
  decided AS (
    SELECT f.*, d.decision, nullif(btrim(d.reason), '') AS reason
    FROM found f JOIN jsonb_to_recordset($8::jsonb) AS d(item_id uuid, decision text, reason text) ON d.item_id = f.id
  ),
  budget AS (
    SELECT b.amount, b.committed FROM budgets b JOIN proposals bp ON bp.regency_id = b.regency_id AND bp.fiscal_year = b.fiscal_year
    WHERE bp.id = $1
  ),
  go AS (
    SELECT NOT EXISTS (SELECT 1 FROM decided WHERE decision = 'APPROVED' AND flags && $9::text[])
      AND ($17::bigint = 0 OR EXISTS (SELECT 1 FROM budget WHERE committed + $17::bigint <= amount)) AS ok
  ),
  inserted AS (
    INSERT INTO enrollments (worker_id, partner_id, category, programs, funding_source, start_date, end_date,
                             declared_income, monthly_contribution, contribution_breakdown, status)
    SELECT d.worker_id, NULL, $10, $11::text[], $12, $2::date, $3::date, $13, $7, $14::jsonb, $15
    FROM decided d WHERE d.decision = 'APPROVED' AND (SELECT ok FROM go)
    RETURNING id, worker_id, category, programs, funding_source, start_date, end_date, declared_income, monthly_contribution, status
  ),
  enrollments_audited AS (
    ${auditInsertSql(`SELECT $19::uuid, $20, 'CREATE', 'Enrollment', ins.id::text,
             jsonb_build_object('workerId', ins.worker_id, 'category', ins.category, 'programs', ins.programs,
               'fundingSource', ins.funding_source, 'startDate', ins.start_date, 'endDate', ins.end_date,
               'declaredIncome', ins.declared_income, 'monthlyContribution', ins.monthly_contribution, 'status', ins.status,
               'proposalId', $1::text),
             NULL, $21, w.regency_id, w.village_id, NULL
      FROM inserted ins JOIN workers w ON w.id = ins.worker_id`)}
  ),
  items AS (
    UPDATE proposal_items i SET nik = d.nik, full_name = d.full_name, village_id = d.village_id, flags = d.flags, cost = $4,
      decision = d.decision, reason = d.reason, enrollment_id = ins.id, updated_at = now()
    FROM decided d LEFT JOIN inserted ins ON ins.worker_id = d.worker_id
    WHERE i.id = d.id AND (SELECT ok FROM go)
  ),
  proposal AS (
    UPDATE proposals SET total_cost = $4::bigint * (SELECT count(*) FROM found), monthly_cost = $7, start_date = $2, end_date = $3,
      status = $16, approved_cost = $17, decided_at = $18::timestamptz, decided_by_id = $19, updated_at = now()
    WHERE id = $1 AND (SELECT ok FROM go)
    RETURNING id, regency_id, village_id, updated_at
  ),
  proposal_audited AS (
    ${auditInsertSql(`SELECT $19::uuid, $20, 'DECIDE', 'Proposal', p.id::text, $22::jsonb, NULL, $21, p.regency_id, p.village_id, NULL FROM proposal p`)}
  )
  -- One row at least, even for a proposal without items.
  SELECT f.id, f.flags, p.updated_at, b.amount AS budget_amount, b.committed AS budget_committed
  FROM (SELECT 1) AS one LEFT JOIN found f ON true LEFT JOIN proposal p ON true LEFT JOIN budget b ON true`;

/** The items' workers, under the lock every writer of a worker's enrollments takes. */
async function lockItemWorkers(ctx: RequestContext, proposalId: string): Promise<Array<{ id: string; worker_id: string; nik: string }>> {
  // A partner's enrollment of one of them either commits before our verification sees it, or waits
  // for us. A statement of its own: a lock waited for inside the verifying statement would leave
  // that statement reading the registry as it was before the wait.
  return preparedRows(
    ctx.em,
    'proposal-lock-item-workers',
    // The id through a MATERIALIZED CTE, as in FOUND_CTES: so that the generic plan is kept.
    `WITH me AS MATERIALIZED (SELECT $1::uuid AS id)
     SELECT i.id, i.worker_id, w.nik FROM me JOIN proposal_items i ON i.proposal_id = me.id JOIN workers w ON w.id = i.worker_id
     ORDER BY w.id FOR NO KEY UPDATE OF w`,
    [proposalId],
  );
}

/** What a decision sets on the proposal, beyond what verification writes: the DECIDE event records these. */
const DECISION_FIELDS = ['status', 'approvedCost', 'decidedAt', 'decidedById'] as const;

type DecidedValues = Pick<Proposal, (typeof DECISION_FIELDS)[number] | 'monthlyCost' | 'totalCost' | 'startDate' | 'endDate'>;

/** The proposal's values after verification and the decision. */
function decidedValues(ctx: RequestContext, proposal: Proposal, verification: VerificationInputs, itemCount: number, approved: number): DecidedValues {
  const { monthlyCost, period } = verification;
  return {
    monthlyCost,
    totalCost: monthlyCost * proposal.months * itemCount,
    startDate: period.startDate,
    endDate: period.endDate,
    status: decisionOutcome(approved, itemCount - approved),
    approvedCost: monthlyCost * proposal.months * approved,
    decidedAt: new Date(),
    decidedById: ctx.actor!.id,
  };
}

/**
 * The DECIDE event's changes as the audit trail writes a saved record's: each decision field that
 * changed, `{ from, to }`, dates as ISO strings. Verification's totals and dates, written in the
 * same statement, were never part of it (a save compared with the row as verification left it).
 */
function decisionChanges(proposal: Proposal, decided: DecidedValues): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of DECISION_FIELDS) {
    const [from, to] = [auditedValue(proposal[field]), auditedValue(decided[field])];
    if (from !== to) changes[field] = { from, to };
  }
  return changes;
}

function auditedValue(value: string | number | Date | null): string | number | null {
  return value instanceof Date ? value.toISOString() : value;
}

interface WrittenDecision {
  flags: Array<{ id: string; flags: string[] }>;
  /** The proposal's new `updated_at`; null when nothing was written. */
  updatedAt: Date | null;
  /** The year's budget as the statement read it; null when there is none. */
  budget: BudgetFigures | null;
}

interface BudgetFigures {
  amount: number;
  committed: number;
}

/**
 * Runs DECIDE_SQL. Another enrollment that slipped in for the same days is refused by the
 * database's overlap check (see the migration overlap-by-worker-lock): the whole decision then fails with ENROLLMENT_OVERLAP.
 */
async function writeDecision(
  ctx: RequestContext,
  proposal: Proposal,
  decided: DecidedValues,
  verification: VerificationInputs,
  decisions: ProposalDecisionInput[],
): Promise<WrittenDecision> {
  try {
    const rows = await preparedRows<DecisionRow>(ctx.em, 'proposal-decide', DECIDE_SQL, [
      ...verification.params,
      JSON.stringify(decisions.map((d) => ({ item_id: d.itemId, decision: d.approve ? ItemDecision.APPROVED : ItemDecision.REJECTED, reason: d.reason ?? null }))),
      BLOCKING_FLAGS,
      VULNERABLE_COVER.category,
      VULNERABLE_COVER.programs,
      FundingSource.REGENCY_BUDGET,
      LOWEST_BPU_INCOME,
      JSON.stringify(verification.breakdown),
      EnrollmentStatus.ACTIVE,
      decided.status,
      decided.approvedCost,
      decided.decidedAt,
      ctx.actor!.id,
      ctx.actor!.role,
      ctx.requestId,
      JSON.stringify(decisionChanges(proposal, decided)),
    ]);
    const [first] = rows;
    return {
      flags: rows.flatMap(({ id, flags }) => (id === null ? [] : [{ id, flags }])),
      updatedAt: first.updated_at,
      budget: first.budget_amount === null ? null : { amount: Number(first.budget_amount), committed: Number(first.budget_committed) },
    };
  } catch (error) {
    if (pgErrorCode(error) === PgError.EXCLUSION_VIOLATION) throw conflict('ENROLLMENT_OVERLAP');
    throw error;
  }
}

interface DecisionRow {
  id: string | null;
  flags: string[];
  updated_at: Date | null;
  budget_amount: string | null;
  budget_committed: string | null;
}

/** No approval of an item whose verification found a blocking flag. */
function refuseBlockedApprovals(flags: WrittenDecision['flags'], approvedIds: Set<string>): void {
  const blocked = flags.filter((item) => approvedIds.has(item.id) && blockingFlags(item.flags).length > 0);
  if (blocked.length > 0) {
    throw badUserInput({ decisions: { code: 'ITEM_BLOCKED', params: { items: blocked.map((item) => ({ itemId: item.id, flags: blockingFlags(item.flags) })) } } });
  }
}

/** The refusal of a cost the year's budget (as read) did not take: there is none, or not enough is left. */
function budgetRefusal(proposal: Proposal, budget: BudgetFigures | null, required: number): Error {
  if (!budget) return conflict({ code: 'NO_BUDGET', params: { fiscalYear: proposal.fiscalYear } });
  return conflict({ code: 'BUDGET_EXCEEDED', params: { remaining: budgetRemaining(budget), required } });
}

/** Every item decided once, none unknown, each refusal with its reason. */
function refuseIncompleteDecisions(itemIds: string[], decisions: ProposalDecisionInput[]): void {
  const known = new Set(itemIds);
  const decided = decisions.map((decision) => decision.itemId);
  const twice = [...new Set(decided.filter((id, index) => decided.indexOf(id) !== index))];
  if (twice.length > 0) throw badUserInput({ decisions: { code: 'LISTED_TWICE', params: { ids: twice } } });
  const unknown = decided.filter((id) => !known.has(id));
  if (unknown.length > 0) throw badUserInput({ decisions: { code: 'NOT_AN_ITEM', params: { itemIds: unknown } } });
  const undecided = itemIds.filter((id) => !decided.includes(id));
  if (undecided.length > 0) throw badUserInput({ decisions: { code: 'ITEMS_UNDECIDED', params: { itemIds: undecided } } });
  const unexplained = decisions.filter((decision) => !decision.approve && !reasonIsEnough(decision.reason?.trim() ?? '')).map((decision) => decision.itemId);
  if (unexplained.length > 0) throw badUserInput({ decisions: { code: 'REFUSAL_NEEDS_REASON', params: { itemIds: unexplained, min: MIN_REASON_LENGTH } } });
}

/**
 * Commits the approved cost against the fiscal year's budget, in the statement sent with the
 * COMMIT (`commitWith`): a conditional update, which waits for any other decision holding the
 * budget row and then re-checks the remaining amount against the committed total as that decision
 * left it, and writes its audit event in the same statement. The row's lock is then held only while
 * PostgreSQL runs that statement and the COMMIT, not across a round trip to this process — officials
 * deciding at once take turns on it, one after another. Nothing left for it: the statement raises
 * BUDGET_EXCEEDED (lindung_refuse_budget, with the budget as it stands then), the COMMIT does not
 * run, and the whole decision rolls back.
 */
function commitAgainstBudget(ctx: RequestContext, proposal: Proposal, cost: number, workers: number): void {
  // One literal, quoted by the driver: the simple query protocol of a COMMIT's message takes no parameters.
  const settlement = escapeLiteral(
    JSON.stringify({
      regency_id: proposal.regencyId,
      fiscal_year: proposal.fiscalYear,
      cost,
      workers,
      actor_id: ctx.actor?.id ?? null,
      actor_role: ctx.actor?.role ?? null,
      action: AuditAction.DECIDE,
      proposal_id: proposal.id,
      request_id: ctx.requestId,
    }),
  );
  commitWith(
    ctx,
    `WITH s AS MATERIALIZED (
       SELECT * FROM jsonb_to_record(${settlement}::jsonb)
         AS s(regency_id uuid, fiscal_year int, cost bigint, workers int, actor_id uuid, actor_role text, action text, proposal_id text, request_id text)
     ), updated AS (
       UPDATE budgets b SET committed = b.committed + s.cost, workers_funded = b.workers_funded + s.workers, updated_at = now()
       FROM s WHERE b.regency_id = s.regency_id AND b.fiscal_year = s.fiscal_year AND b.committed + s.cost <= b.amount
       RETURNING b.id, b.committed
     ), audited AS (
       ${auditInsertSql(`SELECT s.actor_id, s.actor_role, s.action, 'Budget', u.id::text,
                jsonb_build_object('committed', jsonb_build_object('from', u.committed - s.cost, 'to', u.committed), 'proposalId', s.proposal_id, 'workers', s.workers),
                NULL, s.request_id, s.regency_id, NULL, NULL
         FROM updated u CROSS JOIN s`)}
     )
     SELECT lindung_refuse_budget(s.regency_id, s.fiscal_year, s.cost) FROM s WHERE NOT EXISTS (SELECT 1 FROM updated)`,
  );
}

export const proposalService = new ProposalService();
