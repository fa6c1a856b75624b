import type { ClassType } from 'type-graphql';
import type { ResourceReader } from '../../core/resource';
import { AuditEvent } from '../audit/audit-event.entity';
import { auditEventService } from '../audit/audit-event.service';
import { AuditEventFilter } from '../audit/audit-event.inputs';
import { EnrollmentFilter } from '../enrollments/enrollment.inputs';
import { PartnerOrganisationFilter } from '../partners/partner-organisation.inputs';
import { WorkerFilter } from '../workers/worker.inputs';
import { Enrollment } from '../enrollments/enrollment.entity';
import { enrollmentService } from '../enrollments/enrollment.service';
import { PartnerOrganisation } from '../partners/partner-organisation.entity';
import { partnerOrganisationService } from '../partners/partner-organisation.service';
import { Worker } from '../workers/worker.entity';
import { workerService } from '../workers/worker.service';
import { Budget } from '../budgets/budget.entity';
import { BudgetFilter } from '../budgets/budget.inputs';
import { budgetService } from '../budgets/budget.service';
import { Proposal } from '../proposals/proposal.entity';
import { ProposalFilter } from '../proposals/proposal.inputs';
import { proposalService } from '../proposals/proposal.service';
import { CoverageReport, Regulation } from '../coverage/coverage-report.entity';
import { CoverageReportFilter, RegulationFilter } from '../coverage/coverage-report.inputs';
import { coverageReportService, regulationService } from '../coverage/coverage-report.service';
import { Award, AwardWeight } from '../awards/award.entity';
import { AwardFilter, AwardWeightFilter } from '../awards/award.inputs';
import { awardService, awardWeightService } from '../awards/award.service';

/**
 * The lists that can be exported as CSV on the server, each read through its resource's own
 * scoped, filtered query (the same rows the list shows), with the columns it exports: a header,
 * the SQL on the query's alias, and — for a sensitive value — the entity property whose
 * declared mask applies.
 */
export interface ExportColumn {
  header: string;
  sql: string;
  /** The entity property the value is, when that property is declared sensitive (core/sensitive.ts). */
  sensitive?: { entity: Function; property: string };
}

export interface Exportable {
  entity: ClassType;
  reader: ResourceReader<any, any>;
  /** The GraphQL input type of the list's filter (coerced and validated as for allX), and its class. */
  filterType: string;
  filterClass: ClassType;
  alias: string;
  columns: ExportColumn[];
}

const villageCode = (alias: string, column: string) => `(SELECT v.code FROM villages v WHERE v.id = ${alias}.${column})`;
const regencyCode = (alias: string) => `(SELECT r.code FROM regencies r WHERE r.id = ${alias}.regency_id)`;
const isoTime = (sql: string) => `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const isoDay = (sql: string) => `to_char(${sql}, 'YYYY-MM-DD')`;

export const EXPORTABLE: Record<string, Exportable> = {
  Worker: {
    entity: Worker,
    reader: workerService,
    filterType: 'WorkerFilter',
    filterClass: WorkerFilter,
    alias: 'worker',
    // The import's column names where they exist, so an export reads back in.
    columns: [
      { header: 'nik', sql: 'worker.nik', sensitive: { entity: Worker, property: 'nik' } },
      { header: 'full_name', sql: 'worker.full_name' },
      { header: 'birth_date', sql: isoDay('worker.birth_date') },
      { header: 'gender', sql: 'worker.gender' },
      { header: 'village_code', sql: villageCode('worker', 'village_id') },
      { header: 'occupation', sql: 'worker.occupation' },
      { header: 'vulnerable', sql: 'worker.vulnerable' },
      { header: 'phone', sql: 'worker.phone' },
      { header: 'kpj', sql: 'worker.kpj' },
      { header: 'possible_duplicate', sql: 'worker.possible_duplicate' },
      { header: 'id', sql: 'worker.id' },
    ],
  },
  Enrollment: {
    entity: Enrollment,
    reader: enrollmentService,
    filterType: 'EnrollmentFilter',
    filterClass: EnrollmentFilter,
    alias: 'enrollment',
    columns: [
      { header: 'nik', sql: '(SELECT w.nik FROM workers w WHERE w.id = enrollment.worker_id)', sensitive: { entity: Worker, property: 'nik' } },
      { header: 'full_name', sql: '(SELECT w.full_name FROM workers w WHERE w.id = enrollment.worker_id)' },
      { header: 'partner', sql: '(SELECT p.name FROM partner_organisations p WHERE p.id = enrollment.partner_id)' },
      { header: 'category', sql: 'enrollment.category' },
      { header: 'programs', sql: `array_to_string(enrollment.programs, '|')` },
      { header: 'funding_source', sql: 'enrollment.funding_source' },
      { header: 'start_date', sql: isoDay('enrollment.start_date') },
      { header: 'end_date', sql: isoDay('enrollment.end_date') },
      { header: 'declared_income', sql: 'enrollment.declared_income' },
      { header: 'risk_class', sql: 'enrollment.risk_class' },
      { header: 'monthly_contribution', sql: 'enrollment.monthly_contribution' },
      { header: 'status', sql: 'enrollment.status' },
      { header: 'id', sql: 'enrollment.id' },
    ],
  },
  PartnerOrganisation: {
    entity: PartnerOrganisation,
    reader: partnerOrganisationService,
    filterType: 'PartnerOrganisationFilter',
    filterClass: PartnerOrganisationFilter,
    alias: 'partner',
    columns: [
      { header: 'name', sql: 'partner.name' },
      { header: 'type', sql: 'partner.type' },
      { header: 'status', sql: 'partner.status' },
      { header: 'npp', sql: 'partner.npp' },
      { header: 'regency_code', sql: regencyCode('partner') },
      { header: 'village_code', sql: villageCode('partner', 'village_id') },
      { header: 'contact_name', sql: 'partner.contact_name' },
      { header: 'contact_phone', sql: 'partner.contact_phone' },
      { header: 'contact_email', sql: 'partner.contact_email' },
      { header: 'address', sql: 'partner.address' },
      { header: 'id', sql: 'partner.id' },
    ],
  },
  AuditEvent: {
    entity: AuditEvent,
    reader: auditEventService,
    filterType: 'AuditEventFilter',
    filterClass: AuditEventFilter,
    alias: 'event',
    columns: [
      { header: 'at', sql: isoTime('event.at') },
      { header: 'actor_id', sql: 'event.actor_id' },
      { header: 'actor_role', sql: 'event.actor_role' },
      { header: 'action', sql: 'event.action' },
      { header: 'entity_type', sql: 'event.entity_type' },
      { header: 'entity_id', sql: 'event.entity_id' },
      // Written masked (core/audit.ts): exported as stored.
      { header: 'changes', sql: 'event.changes::text' },
      { header: 'reason', sql: 'event.reason' },
      { header: 'request_id', sql: 'event.request_id' },
    ],
  },
  Budget: {
    entity: Budget,
    reader: budgetService,
    filterType: 'BudgetFilter',
    filterClass: BudgetFilter,
    alias: 'budget',
    columns: [
      { header: 'regency_code', sql: regencyCode('budget') },
      { header: 'fiscal_year', sql: 'budget.fiscal_year' },
      { header: 'name', sql: 'budget.name' },
      { header: 'amount', sql: 'budget.amount' },
      { header: 'committed', sql: 'budget.committed' },
      { header: 'remaining', sql: 'budget.amount - budget.committed' },
      { header: 'target_workers', sql: 'budget.target_workers' },
      { header: 'workers_funded', sql: 'budget.workers_funded' },
      { header: 'id', sql: 'budget.id' },
    ],
  },
  Proposal: {
    entity: Proposal,
    reader: proposalService,
    filterType: 'ProposalFilter',
    filterClass: ProposalFilter,
    alias: 'proposal',
    columns: [
      { header: 'village_code', sql: villageCode('proposal', 'village_id') },
      { header: 'fiscal_year', sql: 'proposal.fiscal_year' },
      { header: 'months', sql: 'proposal.months' },
      { header: 'status', sql: 'proposal.status' },
      { header: 'workers', sql: '(SELECT count(*) FROM proposal_items i WHERE i.proposal_id = proposal.id)' },
      { header: 'total_cost', sql: 'proposal.total_cost' },
      { header: 'approved_cost', sql: 'proposal.approved_cost' },
      { header: 'submitted_at', sql: isoTime('proposal.submitted_at') },
      { header: 'decided_at', sql: isoTime('proposal.decided_at') },
      { header: 'id', sql: 'proposal.id' },
    ],
  },
  CoverageReport: {
    entity: CoverageReport,
    reader: coverageReportService,
    filterType: 'CoverageReportFilter',
    filterClass: CoverageReportFilter,
    alias: 'report',
    columns: [
      { header: 'regency_code', sql: regencyCode('report') },
      { header: 'as_of', sql: isoDay('report.as_of') },
      { header: 'protected_workers', sql: 'report.protected_workers' },
      { header: 'source', sql: 'report.source' },
      { header: 'id', sql: 'report.id' },
    ],
  },
  Regulation: {
    entity: Regulation,
    reader: regulationService,
    filterType: 'RegulationFilter',
    filterClass: RegulationFilter,
    alias: 'regulation',
    columns: [
      { header: 'regency_code', sql: regencyCode('regulation') },
      { header: 'title', sql: 'regulation.title' },
      { header: 'valid_from', sql: isoDay('regulation.valid_from') },
      { header: 'valid_to', sql: isoDay('regulation.valid_to') },
      { header: 'id', sql: 'regulation.id' },
    ],
  },
  Award: {
    entity: Award,
    reader: awardService,
    filterType: 'AwardFilter',
    filterClass: AwardFilter,
    alias: 'award',
    columns: [
      { header: 'year', sql: 'award.year' },
      { header: 'level', sql: 'award.level' },
      { header: 'category', sql: 'award.category' },
      { header: 'rank', sql: 'award.rank' },
      { header: 'province', sql: 'award.province' },
      { header: 'regency_code', sql: regencyCode('award') },
      // The awarded organisation by id only: its name is a partner's record, which the caller's
      // scope may hide (Award.partner is null then), and an export shows no more than the list.
      { header: 'partner_id', sql: 'award.partner_id' },
      { header: 'score', sql: 'award.score' },
      { header: 'note', sql: 'award.note' },
      { header: 'id', sql: 'award.id' },
    ],
  },
  AwardWeight: {
    entity: AwardWeight,
    reader: awardWeightService,
    filterType: 'AwardWeightFilter',
    filterClass: AwardWeightFilter,
    alias: 'weight',
    columns: [
      { header: 'criterion', sql: 'weight.criterion' },
      { header: 'weight', sql: 'weight.weight' },
      { header: 'target', sql: 'weight.target' },
      { header: 'valid_from', sql: isoDay('weight.valid_from') },
      { header: 'valid_to', sql: isoDay('weight.valid_to') },
      { header: 'note', sql: 'weight.note' },
      { header: 'id', sql: 'weight.id' },
    ],
  },
};
