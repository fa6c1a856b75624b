import { types } from 'pg';
import parseTimestamp from 'postgres-date';
import { DataSource } from 'typeorm';
import { ContributionRate } from '../modules/contributions/contribution-rate.entity';
import { PartnerOrganisation } from '../modules/partners/partner-organisation.entity';
import { District } from '../modules/regions/district.entity';
import { Regency } from '../modules/regions/regency.entity';
import { Village } from '../modules/regions/village.entity';
import { User } from '../modules/users/user.entity';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { SessionsAndLoginLimits1764100000000 } from './migrations/1764100000000-sessions-and-login-limits';
import { PasswordChangeRequired1764200000000 } from './migrations/1764200000000-password-change-required';
import { ContributionRates1764300000000 } from './migrations/1764300000000-contribution-rates';
import { WorkerRegistry1764400000000 } from './migrations/1764400000000-worker-registry';
import { RowCounts1764500000000 } from './migrations/1764500000000-row-counts';
import { VillageSearch1764600000000 } from './migrations/1764600000000-village-search';
import { AuditSubscriber } from '../core/audit';
import { poolOf } from '../core/pool';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { Enrollment } from '../modules/enrollments/enrollment.entity';
import { Worker } from '../modules/workers/worker.entity';
import { WorkerPartner } from '../modules/workers/worker-partner.entity';
import { Award, AwardWeight } from '../modules/awards/award.entity';
import { Budget } from '../modules/budgets/budget.entity';
import { CoverageLedgerEntry } from '../modules/coverage/coverage-ledger.entity';
import { CoverageReport, Regulation } from '../modules/coverage/coverage-report.entity';
import { Proposal, ProposalItem } from '../modules/proposals/proposal.entity';
import { VulnerableCycle1764800000000 } from './migrations/1764800000000-vulnerable-cycle';
import { CoverageLedger1764900000000 } from './migrations/1764900000000-coverage-ledger';
import { PartnerAuthNotify1765100000000 } from './migrations/1765100000000-partner-auth-notify';
import { CoverageRefreshLookup1765200000000 } from './migrations/1765200000000-coverage-refresh-lookup';
import { RateChangeNotify1765300000000 } from './migrations/1765300000000-rate-change-notify';
import { BudgetRefusal1765400000000 } from './migrations/1765400000000-budget-refusal';
import { RowCountsStatic1765500000000 } from './migrations/1765500000000-row-counts-static';
import { TimeOrderedIds1765600000000 } from './migrations/1765600000000-time-ordered-ids';
import { OverlapOnEnrollments1765700000000 } from './migrations/1765700000000-overlap-on-enrollments';
import { WorkerTimeOrderedIds1765800000000 } from './migrations/1765800000000-worker-time-ordered-ids';
import { OverlapByWorkerLock1765900000000 } from './migrations/1765900000000-overlap-by-worker-lock';
import { WorkerRegencyByKey1766000000000 } from './migrations/1766000000000-worker-regency-by-key';
import { PartnerPagesByName1766100000000 } from './migrations/1766100000000-partner-pages-by-name';

// A `date` is a calendar day: keep PostgreSQL's YYYY-MM-DD instead of a JavaScript Date at local midnight.
types.setTypeParser(types.builtins.DATE, (value) => value);
// Every row's createdAt and updatedAt (100 on a page of 50) read by postgres-date 2, which scans the
// text once instead of matching regular expressions: pg-types' own parser (postgres-date 1) took
// 0.17 ms of the ~2 ms of CPU a 50-row worker page cost in the bench's profile, 1.7 µs a value.
types.setTypeParser(types.builtins.TIMESTAMPTZ, parseTimestamp);

export const entities = [Regency, District, Village, PartnerOrganisation, User, ContributionRate, Worker, WorkerPartner, Enrollment, AuditEvent,
  Budget, Proposal, ProposalItem, CoverageReport, Regulation, CoverageLedgerEntry, Award, AwardWeight];
export const migrations = [
  InitialSchema1764000000000,
  SessionsAndLoginLimits1764100000000,
  PasswordChangeRequired1764200000000,
  ContributionRates1764300000000,
  WorkerRegistry1764400000000,
  RowCounts1764500000000,
  VillageSearch1764600000000,
  VulnerableCycle1764800000000,
  CoverageLedger1764900000000,
  PartnerAuthNotify1765100000000,
  CoverageRefreshLookup1765200000000,
  RateChangeNotify1765300000000,
  BudgetRefusal1765400000000,
  RowCountsStatic1765500000000,
  TimeOrderedIds1765600000000,
  OverlapOnEnrollments1765700000000,
  WorkerTimeOrderedIds1765800000000,
  OverlapByWorkerLock1765900000000,
  WorkerRegencyByKey1766000000000,
  PartnerPagesByName1766100000000,
];

/**
 * Session settings of every API connection. Short OLTP queries: a parallel plan's start-up (two
 * workers) cost a scoped page 50 ms at a million workers, where the serial plan takes 16. Random
 * reads cost what SSDs and a cached working set make them (1.1, not the spinning disk's 4): at 4,
 * an import's 10,000 new NIKs were joined to workers by reading all million rows (110 to 200 ms
 * a statement) instead of probing the NIK index 10,000 times (about 50 ms).
 */
export const SESSION_OPTIONS = '-c max_parallel_workers_per_gather=0 -c random_page_cost=1.1';

/** The pool settings `createDataSource` needs (see config.ts for their meaning and defaults; 0 turns a PostgreSQL timeout off). */
export interface PoolSettings {
  poolSize: number;
  acquireTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

const DEFAULT_POOL: PoolSettings = { poolSize: 10, acquireTimeoutMs: 3_000, statementTimeoutMs: 15_000, idleInTransactionTimeoutMs: 30_000 };

/**
 * Migrations only, never `synchronize`: every schema change is a reviewed, reversible file.
 * Every wait is bounded: for a pool connection (pg-pool's `connectionTimeoutMillis` also covers
 * the wait for a busy pool), for a statement, and for a transaction left idle.
 */
export function createDataSource(url: string, settings: Partial<PoolSettings> = {}): DataSource {
  const pool = { ...DEFAULT_POOL, ...settings };
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    subscribers: [AuditSubscriber],
    extra: {
      max: pool.poolSize,
      connectionTimeoutMillis: pool.acquireTimeoutMs,
      statement_timeout: pool.statementTimeoutMs,
      idle_in_transaction_session_timeout: pool.idleInTransactionTimeoutMs,
      application_name: 'lindung-api',
      options: SESSION_OPTIONS,
    },
    logging: false,
  });
}

/** The pool behind a data source: core/pool.ts, where the readers in core reach it too. */
export { poolOf };

/** Every connection is taken and requests are queueing for one. */
export function poolStarved(dataSource: DataSource): boolean {
  const pool = poolOf(dataSource);
  return pool.waitingCount > 0 && pool.idleCount === 0 && pool.totalCount >= (pool.options.max ?? 10);
}
