import { AuditAction, checkWorker, hasPermission, nameKey, Permission, reasonProblem, todayIn, type CheckedWorker } from '@lindung/domain';
import { Brackets, type SelectQueryBuilder } from 'typeorm';
import { auditInsertSql, recordAudit, type AuditEntry } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { badUserInput, tooManyRequests } from '../../core/errors';
import { whereEquals } from '../../core/list';
import { ResourceReader, withUniqueFields } from '../../core/resource';
import { assertWrittenWithinScope } from '../../core/scope';
import { stageRows, type StagedRow, type StagingColumns } from '../../core/staging';
import { maskRecord } from '../../core/sensitive';
import { partnerOrganisationService } from '../partners/partner-organisation.service';
import { knownKecamatanCodes } from '../regions/region-codes';
import { villageService } from '../regions/village.service';
import { Worker } from './worker.entity';
import type { CreateWorkerArgs, MarkDistinctArgs, RevealNikArgs, UpdateWorkerArgs, WorkerFilter } from './worker.inputs';

const UNIQUE = { workers_nik_key: 'nik', workers_kpj_key: 'kpj' };

/** How many NIKs one account may reveal in an hour (each one audited with its reason). */
export const REVEALS_PER_HOUR = 30;

/** A checked worker and the village where they live: one row of a report. */
export interface WorkerRow extends CheckedWorker {
  villageId: string;
}

/** A person of a report as the registry has them, and whether the reporting partner was newly tied to them. */
interface ReportedWorker {
  id: string;
  nik: string;
  regency_id: string;
  village_id: string;
  tied: boolean;
}

/** What writing a batch of reported workers did to each NIK in it. */
export interface WrittenWorker {
  id: string;
  nik: string;
  /** False when the NIK was already in the registry: the reporting partner was linked instead. */
  created: boolean;
  /** Already in the registry and newly tied to the reporting partner. */
  linked: boolean;
  regencyId: string;
  villageId: string;
}

export class WorkerService extends ResourceReader<Worker, WorkerFilter> {
  protected readonly entity = Worker;
  protected readonly typeName = 'Worker';
  protected readonly alias = 'worker';
  protected readonly sortable = { id: 'id', fullName: 'fullName', birthDate: 'birthDate', gender: 'gender', vulnerable: 'vulnerable', createdAt: 'createdAt', updatedAt: 'updatedAt' };
  protected readonly defaultSort = 'fullName';
  protected readonly searchColumns = ['worker.fullName'];

  /**
   * `q` finds a name (any part, accents and case ignored, trigram-indexed), a KPJ, or a full NIK —
   * the last only for those who may see full NIKs: for anyone else a NIK finds nothing, so a
   * search cannot tell that a person is in the registry.
   */
  protected override whereSearched(ctx: RequestContext, qb: SelectQueryBuilder<Worker>, q: string): void {
    if (/^\d{16}$/.test(q)) {
      if (hasPermission(ctx.actor?.role, Permission.NikRead)) qb.andWhere('worker.nik = :nikSearch', { nikSearch: q });
      else qb.andWhere('FALSE');
    } else if (/^\d{11}$/.test(q)) {
      qb.andWhere('worker.kpj = :kpjSearch', { kpjSearch: q });
    } else {
      qb.andWhere('worker.nameKey LIKE :nameSearch', { nameSearch: `%${nameKey(q)}%` });
    }
  }

  protected applyFilter(qb: SelectQueryBuilder<Worker>, filter: WorkerFilter): void {
    whereEquals(qb, 'worker.villageId', filter.villageId);
    whereEquals(qb, 'worker.regencyId', filter.regencyId);
    whereEquals(qb, 'worker.vulnerable', filter.vulnerable);
    whereEquals(qb, 'worker.gender', filter.gender);
    whereEquals(qb, 'worker.possibleDuplicate', filter.possibleDuplicate);
    if (filter.districtId) {
      qb.andWhere('worker.villageId IN (SELECT v.id FROM villages v WHERE v.district_id = :districtFilter)', { districtFilter: filter.districtId });
    }
    if (filter.partnerId) {
      qb.andWhere('EXISTS (SELECT 1 FROM worker_partners wpf WHERE wpf.partner_id = :partnerFilter AND wpf.worker_id = worker.id)', { partnerFilter: filter.partnerId });
    }
    if (filter.duplicateOf) {
      qb.andWhere(
        new Brackets((inner) =>
          inner.where(
            `(worker.name_key, worker.birth_date) = (SELECT d.name_key, d.birth_date FROM workers d WHERE d.id = :duplicateOf) AND worker.id <> :duplicateOf`,
            { duplicateOf: filter.duplicateOf },
          ),
        ),
      );
    }
  }

  /** Reports one person: a new record, or — the NIK being known — a link to the existing one. */
  async create(ctx: RequestContext, args: CreateWorkerArgs): Promise<Worker & { alreadyRegistered: boolean }> {
    const partnerId = await partnerOrganisationService.reportingPartnerId(ctx, args.partnerId);
    const village = await villageService.getReference(ctx, args.villageId, 'villageId');
    const worker = await this.checked(ctx, args);
    const [written] = await this.writeWorkers(ctx, [{ ...worker, villageId: village.id }], partnerId);
    return { ...(await this.get(ctx, written.id)), alreadyRegistered: !written.created };
  }

  async update(ctx: RequestContext, args: UpdateWorkerArgs): Promise<Worker> {
    await partnerOrganisationService.reportingPartnerId(ctx, null);
    const worker = await this.getForUpdate(ctx, args.id);
    const merged = {
      nik: args.nik ?? worker.nik,
      fullName: args.fullName ?? worker.fullName,
      // A new NIK brings its own birth date and sex unless they are given too.
      birthDate: args.birthDate !== undefined ? args.birthDate : args.nik && args.nik !== worker.nik ? null : worker.birthDate,
      gender: args.gender !== undefined ? args.gender : args.nik && args.nik !== worker.nik ? null : worker.gender,
      occupation: args.occupation !== undefined ? args.occupation : worker.occupation,
      vulnerable: args.vulnerable ?? worker.vulnerable,
      phone: args.phone !== undefined ? args.phone : worker.phone,
      kpj: args.kpj !== undefined ? args.kpj : worker.kpj,
    };
    Object.assign(worker, await this.checked(ctx, merged));
    if (args.villageId) worker.villageId = (await villageService.getReference(ctx, args.villageId, 'villageId')).id;
    await withUniqueFields(UNIQUE, () => ctx.em.save(worker));
    await refreshPossibleDuplicates(ctx, [worker.id]);
    await assertWrittenWithinScope(ctx, Worker, worker.id);
    return this.get(ctx, worker.id);
  }

  /** Writes checked workers (see writeStagedWorkers): one report, or any number of them. */
  async writeWorkers(ctx: RequestContext, rows: WorkerRow[], partnerId: string | null): Promise<WrittenWorker[]> {
    if (rows.length === 0) return [];
    await stageRows(ctx, STAGED_WORKERS, WORKER_STAGING, rows.map((row, index) => workerStagingRow(index + 1, row)), ['nik']);
    return this.writeStagedWorkers(ctx, STAGED_WORKERS, partnerId);
  }

  /**
   * Writes the workers of a staging table (WORKER_STAGING's columns, core/staging.ts) set-based,
   * whatever their number: new NIKs are inserted — the first row of each NIK — with their CREATE
   * audit events and their tie to the reporting partner in the same statement, known ones kept as
   * they are and tied to the partner too. Two reports of one NIK racing create one person: the
   * unique index decides, and the loser reads the winner's row. Returns each NIK's outcome.
   * `written`: a table of WRITTEN_WORKERS' columns (createStagingTable) that receives every person
   * the report names, as written, for the statements that follow to join on (an import's
   * enrollments) instead of looking each person up again by NIK and by id.
   */
  async writeStagedWorkers(ctx: RequestContext, table: string, partnerId: string | null, written?: string): Promise<WrittenWorker[]> {
    // Inserted in NIK order by every writer, so two reports inserting the same NIKs wait for each other, never deadlock.
    // `niks`: how many people the report names. When every one of them was new, none is left to find and tie.
    const inserted: Array<ReportedWorker & { niks: number }> = await withUniqueFields(UNIQUE, () =>
      ctx.em.query(
        `WITH firsts AS (
           SELECT DISTINCT ON (nik) * FROM ${table} ORDER BY nik, row
         ), inserted AS (
           INSERT INTO workers (nik, full_name, name_key, birth_date, gender, village_id, regency_id, occupation, vulnerable, phone, kpj)
           SELECT f.nik, f.full_name, f.name_key, f.birth_date, f.gender, f.village_id, v.regency_id, f.occupation, f.vulnerable, f.phone, f.kpj
           FROM firsts f LEFT JOIN villages v ON v.id = f.village_id ORDER BY f.nik
           ON CONFLICT (nik) DO NOTHING
           RETURNING id, nik, regency_id, village_id, full_name
         ), audited AS (
           ${auditInsertSql(`
             SELECT $1::uuid, $2, 'CREATE', 'Worker', i.id::text, f.created_changes, NULL, $3, i.regency_id, i.village_id, $4::uuid
             FROM inserted i JOIN firsts f ON f.nik = i.nik`)}
         ), tied AS (
           INSERT INTO worker_partners (partner_id, worker_id, full_name) SELECT $4::uuid, id, full_name FROM inserted WHERE $4::uuid IS NOT NULL
         )${written ? `, kept AS (INSERT INTO ${written} (${WRITTEN_COLUMNS}) SELECT ${WRITTEN_COLUMNS} FROM inserted)` : ''}
         SELECT i.id, i.nik, i.regency_id, i.village_id, $4::uuid IS NOT NULL AS tied, (SELECT count(*) FROM firsts)::int AS niks FROM inserted i`,
        [ctx.actor?.id ?? null, ctx.actor?.role ?? null, ctx.requestId, partnerId],
      ),
    );
    const someKnown = inserted.length === 0 || inserted[0].niks > inserted.length;
    const all = someKnown ? await this.tieReportedWorkers(ctx, table, partnerId, written) : inserted;
    const createdIds = new Set(inserted.map((row) => row.id));
    await refreshPossibleDuplicates(ctx, [...createdIds], { created: true });
    const audit: AuditEntry[] = all
      .filter((worker) => worker.tied && !createdIds.has(worker.id))
      .map((worker) => ({
        action: AuditAction.LINK,
        entityType: 'Worker',
        entityId: worker.id,
        changes: { partnerId },
        scope: { regencyId: worker.regency_id, villageId: worker.village_id, partnerId },
      }));
    await recordAudit(ctx, audit);
    return all.map((worker) => {
      const created = createdIds.has(worker.id);
      return { id: worker.id, nik: worker.nik, created, linked: !created && worker.tied, regencyId: worker.regency_id, villageId: worker.village_id };
    });
  }

  /**
   * Every person a staging table names, tied to the reporting partner (`tied`: newly). A new
   * statement, so a NIK another transaction has just committed is seen here.
   */
  private tieReportedWorkers(ctx: RequestContext, table: string, partnerId: string | null, written: string | undefined): Promise<ReportedWorker[]> {
    // The people this report created are in `written` already: the known ones join them.
    const kept = written
      ? `, kept AS (
           INSERT INTO ${written} (${WRITTEN_COLUMNS}) SELECT ${WRITTEN_COLUMNS} FROM reported r
           WHERE NOT EXISTS (SELECT 1 FROM ${written} k WHERE k.id = r.id)
         )`
      : '';
    return ctx.em.query(
      `WITH reported AS (
         SELECT id, nik, regency_id, village_id, full_name FROM workers WHERE nik IN (SELECT nik FROM ${table})
       ), tied AS (
         INSERT INTO worker_partners (partner_id, worker_id, full_name) SELECT $1::uuid, id, full_name FROM reported WHERE $1::uuid IS NOT NULL
         ON CONFLICT DO NOTHING RETURNING worker_id
       )${kept}
       SELECT r.id, r.nik, r.regency_id, r.village_id, t.worker_id IS NOT NULL AS tied FROM reported r LEFT JOIN tied t ON t.worker_id = r.id`,
      [partnerId],
    );
  }

  /** Ties workers to the partner that reported or enrolled them; returns the newly tied ones. */
  async tieToPartner(ctx: RequestContext, workerIds: string[], partnerId: string | null): Promise<Set<string>> {
    if (!partnerId || workerIds.length === 0) return new Set();
    const tied: Array<{ worker_id: string }> = await ctx.em.query(
      `INSERT INTO worker_partners (partner_id, worker_id, full_name) SELECT $1, w.id, w.full_name FROM workers w WHERE w.id = ANY($2::uuid[])
       ON CONFLICT DO NOTHING RETURNING worker_id`,
      [partnerId, workerIds],
    );
    return new Set(tied.map((row) => row.worker_id));
  }

  /** The full NIK, for a stated reason: audited, and limited per account and hour. */
  async revealNik(ctx: RequestContext, args: RevealNikArgs): Promise<string> {
    const reason = args.reason.trim();
    const reasonIssue = reasonProblem(reason);
    if (reasonIssue) throw badUserInput({ reason: reasonIssue });
    const worker = await this.get(ctx, args.workerId);
    // One account's reveals are counted one at a time, so the limit holds against parallel calls.
    await ctx.em.query(`SELECT pg_advisory_xact_lock(hashtext('reveal-nik:' || $1))`, [ctx.actor!.id]);
    const [{ count }] = await ctx.em.query(
      `SELECT count(*)::int AS count FROM audit_events WHERE actor_id = $1 AND action = 'REVEAL_NIK' AND at > now() - interval '1 hour'`,
      [ctx.actor!.id],
    );
    if (count >= REVEALS_PER_HOUR) {
      throw tooManyRequests('TOO_MANY_REVEALS', `At most ${REVEALS_PER_HOUR} NIKs can be revealed in an hour`, 3600, { limit: 'reveal' });
    }
    await recordAudit(ctx, [
      {
        action: AuditAction.REVEAL_NIK,
        entityType: 'Worker',
        entityId: worker.id,
        changes: maskRecord(Worker, { nik: worker.nik }),
        reason,
        scope: { regencyId: worker.regencyId, villageId: worker.villageId, partnerId: null },
      },
    ]);
    return worker.nik;
  }

  /** Two possible duplicates are different people: recorded with the reason, their flags cleared. */
  async markDistinct(ctx: RequestContext, args: MarkDistinctArgs): Promise<Worker> {
    const reason = args.reason.trim();
    const reasonIssue = reasonProblem(reason);
    if (reasonIssue) throw badUserInput({ reason: reasonIssue });
    const worker = await this.get(ctx, args.workerId);
    const other = await this.getReference(ctx, args.otherWorkerId, 'otherWorkerId');
    if (worker.id === other.id || worker.nameKey !== other.nameKey || worker.birthDate !== other.birthDate) {
      throw badUserInput({ otherWorkerId: { code: 'NOT_A_DUPLICATE' } });
    }
    const [a, b] = [worker.id, other.id].sort();
    await ctx.em.query(
      `INSERT INTO worker_distinct_pairs (worker_a, worker_b, reason, decided_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [a, b, reason, ctx.actor!.id],
    );
    await recordAudit(ctx, [
      {
        action: AuditAction.MARK_DISTINCT,
        entityType: 'Worker',
        entityId: worker.id,
        changes: { otherWorkerId: other.id },
        reason,
        scope: { regencyId: worker.regencyId, villageId: worker.villageId, partnerId: null },
      },
    ]);
    await refreshPossibleDuplicates(ctx, [worker.id, other.id]);
    return this.get(ctx, worker.id);
  }

  /** A report's facts checked by the shared rules (packages/domain), as BAD_USER_INPUT when broken. */
  private async checked(ctx: RequestContext, facts: Parameters<typeof checkWorker>[0]): Promise<CheckedWorker> {
    const codes = await knownKecamatanCodes(ctx.em);
    const result = checkWorker(facts, (code) => codes.has(code), todayIn());
    if (!result.ok) throw badUserInput(result.problems);
    return result.worker;
  }
}

/** The people a report names, as written (writeStagedWorkers' `written`): new or known before. Named as workers' columns, so they are copied by name. */
export const WRITTEN_WORKERS = {
  id: 'uuid',
  nik: 'text',
  regency_id: 'uuid',
  village_id: 'uuid',
} satisfies StagingColumns;
const WRITTEN_COLUMNS = Object.keys(WRITTEN_WORKERS).join(', ');

/** The staging table of a report of workers, and its columns (an import stages its rows with more beside these). */
const STAGED_WORKERS = 'staged_workers';
export const WORKER_STAGING = {
  row: 'int',
  nik: 'text',
  full_name: 'text',
  name_key: 'text',
  birth_date: 'date',
  gender: 'text',
  village_id: 'uuid',
  occupation: 'text',
  vulnerable: 'boolean',
  phone: 'text',
  kpj: 'text',
  // The CREATE audit event's diff, masked here (core/sensitive.ts) like every other diff.
  created_changes: 'jsonb',
} satisfies StagingColumns;

/** One report as WORKER_STAGING's row; `row` orders the rows of one NIK (the first is written). */
export function workerStagingRow(row: number, worker: WorkerRow): StagedRow<typeof WORKER_STAGING> {
  return {
    row,
    nik: worker.nik,
    full_name: worker.fullName,
    name_key: worker.nameKey,
    birth_date: worker.birthDate,
    gender: worker.gender,
    village_id: worker.villageId,
    occupation: worker.occupation,
    vulnerable: worker.vulnerable,
    phone: worker.phone,
    kpj: worker.kpj,
    created_changes: maskRecord(Worker, worker),
  };
}

/**
 * Recomputes the possible-duplicate flag of every person sharing a name and birth date with the
 * given workers: flagged while another such person exists who was not marked as someone else.
 * `created`: the workers were just inserted (unflagged), so only the names and birth dates that
 * someone else shares can change a flag — thousands of new people cost one index probe each
 * instead of a recomputation each.
 *
 * Two statements: the affected names first, then the flags of the people sharing them. In one
 * statement PostgreSQL expected every given worker to be affected and read all of workers to hash
 * it — 0.2 to 1.5 s in an import of 10,000 people of whom 47 shared a name; given the few names
 * that are, it reads them through the name index, and most imports stop after the first.
 */
export async function refreshPossibleDuplicates(ctx: RequestContext, workerIds: string[], options: { created?: boolean } = {}): Promise<void> {
  if (workerIds.length === 0) return;
  const shared = options.created
    ? `AND EXISTS (SELECT 1 FROM workers o WHERE o.name_key = w.name_key AND o.birth_date = w.birth_date AND o.id <> w.id)`
    : '';
  const affected: Array<{ name_key: string; birth_date: string }> = await ctx.em.query(
    `SELECT DISTINCT w.name_key, w.birth_date::text AS birth_date FROM workers w WHERE w.id = ANY($1::uuid[]) ${shared}`,
    [workerIds],
  );
  if (affected.length === 0) return;
  await ctx.em.query(
    `WITH flags AS (
       SELECT w.id, EXISTS (
         SELECT 1 FROM workers o
         WHERE o.name_key = w.name_key AND o.birth_date = w.birth_date AND o.id <> w.id
           AND NOT EXISTS (SELECT 1 FROM worker_distinct_pairs d WHERE d.worker_a = least(w.id, o.id) AND d.worker_b = greatest(w.id, o.id))
       ) AS flagged
       FROM unnest($1::text[], $2::date[]) AS a(name_key, birth_date)
       JOIN workers w ON w.name_key = a.name_key AND w.birth_date = a.birth_date
     )
     UPDATE workers w SET possible_duplicate = f.flagged FROM flags f
     WHERE w.id = f.id AND w.possible_duplicate IS DISTINCT FROM f.flagged`,
    [affected.map((key) => key.name_key), affected.map((key) => key.birth_date)],
  );
}

export const workerService = new WorkerService();
