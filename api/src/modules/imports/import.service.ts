import {
  AuditAction,
  checkEnrollment,
  checkWorker,
  conflictText,
  reasonText,
  todayIn,
  type ContributionRateParams,
  type EnrollmentFacts,
  type FieldReason,
  type PricedEnrollment,
} from '@lindung/domain';
import { createHash } from 'node:crypto';
import { auditInsertSql, recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { badUserInput, conflict, pgErrorCode, PgError } from '../../core/errors';
import { contributionRateService } from '../contributions/contribution-rate.service';
import { createStagingTable, stageRows } from '../../core/staging';
import { ENROLLMENT_STAGING, enrollmentColumns } from '../enrollments/enrollment.columns';
import { partnerOrganisationService } from '../partners/partner-organisation.service';
import { knownKecamatanCodes } from '../regions/region-codes';
import { WORKER_STAGING, WRITTEN_WORKERS, workerService, workerStagingRow, type WorkerRow } from '../workers/worker.service';
import { parseRecord, readCsv, type CellProblem, type ParsedRow } from './csv-rows';
import type { ImportEnrollmentsArgs, ImportError, ImportResult } from './import.types';

/** The CSV column each field of the domain rules comes from. */
const COLUMN_OF: Record<string, string> = {
  nik: 'nik',
  fullName: 'full_name',
  birthDate: 'birth_date',
  gender: 'gender',
  occupation: 'occupation',
  phone: 'phone',
  kpj: 'kpj',
  category: 'category',
  programs: 'programs',
  fundingSource: 'funding_source',
  startDate: 'start_date',
  endDate: 'end_date',
  declaredIncome: 'declared_income',
  riskClass: 'risk_class',
};

/**
 * The rows that passed every rule of the shared code, staged once (core/staging.ts) for the
 * registry's checks and the writes that follow: the person's columns, then the enrollment's.
 */
const STAGED = 'import_rows';
const STAGING = { ...WORKER_STAGING, ...ENROLLMENT_STAGING };
const IMPORT_WORK_MEM = '64MB';
/** The people the rows name, as written (WRITTEN_WORKERS): the enrollments join them. */
const WRITTEN = 'import_workers';

/** A row that passed every rule: the person, the enrollment priced, where they live. */
interface GoodRow {
  row: number;
  worker: WorkerRow;
  enrollment: PricedEnrollment;
}

/**
 * `importEnrollments`: a partner reports workers and their enrollments by the thousand. Each row
 * is checked by exactly the rules of createWorker and createEnrollment (packages/domain); the
 * rows that pass are staged once with COPY, then checked against the registry (overlapping cover,
 * KPJs in use) and written from there in set-based statements. A row with any error is never
 * written, every good row is — workers by the same code as createWorker (an upsert on the NIK),
 * enrollments and every audit event in the statements that write them.
 */
export class ImportService {
  async importEnrollments(ctx: RequestContext, args: ImportEnrollmentsArgs): Promise<ImportResult> {
    const partnerId = await partnerOrganisationService.reportingPartnerId(ctx, args.partnerId);
    if (!partnerId) throw badUserInput({ partnerId: { code: 'REQUIRED' } });
    const dryRun = args.dryRun ?? false;
    const fileSha256 = createHash('sha256').update(args.csv).digest('hex');
    const key = args.idempotencyKey?.trim() || null;
    if (key && !dryRun) {
      const replay = await this.replayOf(ctx, partnerId, key, fileSha256);
      if (replay) return replay;
    }

    const file = readCsv(args.csv);
    if (!file.ok) throw badUserInput({ csv: file.problem });
    // The first row of each NIK is picked by sorting the staged rows, ~450 bytes each: in memory,
    // not spilled to disk past 4 MB (PostgreSQL's default), for files up to the row limit.
    await ctx.em.query(`SET LOCAL work_mem = '${IMPORT_WORK_MEM}'`);
    const { good, problems } = await this.check(ctx, file.records);
    const rejectedRows = new Set(problems.map((problem) => problem.row));
    const errors = problems.sort((a, b) => a.row - b.row).map(asImportError);
    const base = { accepted: good.length, rejected: rejectedRows.size, errors, dryRun, replayed: false };
    if (dryRun) return { ...base, ...(await this.wouldWrite(ctx, good, partnerId)) };

    const written = await this.write(ctx, good, partnerId);
    const result: ImportResult = { ...base, ...written };
    await recordAudit(ctx, [
      {
        action: AuditAction.IMPORT,
        entityType: 'Enrollment',
        entityId: null,
        changes: { accepted: result.accepted, rejected: result.rejected, ...written, fileSha256 },
        scope: { regencyId: ctx.actor!.scope.regencyId, villageId: null, partnerId },
      },
    ]);
    if (key) {
      await ctx.em.query(
        `INSERT INTO import_runs (partner_id, idempotency_key, actor_id, file_sha256, result) VALUES ($1, $2, $3, $4, $5)`,
        [partnerId, key, ctx.actor!.id, fileSha256, JSON.stringify(result)],
      );
    }
    return result;
  }

  /**
   * The stored result of an earlier run with this key, if any. Runs with one key wait for each
   * other (an advisory lock until commit), so a replay racing its original also writes nothing.
   */
  private async replayOf(ctx: RequestContext, partnerId: string, key: string, fileSha256: string): Promise<ImportResult | null> {
    await ctx.em.query(`SELECT pg_advisory_xact_lock(hashtext('import:' || $1 || ':' || $2))`, [partnerId, key]);
    const [prior] = await ctx.em.query(`SELECT file_sha256, result FROM import_runs WHERE partner_id = $1 AND idempotency_key = $2`, [partnerId, key]);
    if (!prior) return null;
    if (prior.file_sha256 !== fileSha256) throw conflict('IDEMPOTENCY_KEY_REUSED');
    return { ...(prior.result as ImportResult), replayed: true };
  }

  /**
   * Every row through the shared rules and against the file's earlier rows, then the registry
   * checks; each problem by row and column. The rules run as the rows are staged: PostgreSQL
   * writes each chunk of good rows while the next ones are checked.
   */
  private async check(ctx: RequestContext, records: Array<Record<string, string>>): Promise<{ good: GoodRow[]; problems: CellProblem[] }> {
    const problems: CellProblem[] = [];
    const parsed: ParsedRow[] = [];
    records.forEach((record, index) => {
      const result = parseRecord(record, index + 2);
      if (result.ok) parsed.push(result.value);
      else problems.push(...result.problems);
    });
    const rules = await this.rulesContext(ctx, parsed);
    let good: GoodRow[] = [];
    const earlierCover = new CoverInFile();
    function* goodRows() {
      for (const row of parsed) {
        const checked = checkRow(row, rules);
        if (!checked.ok) {
          problems.push(...checked.problems);
          continue;
        }
        if (earlierCover.overlaps(checked.row)) {
          problems.push({ row: row.row, field: 'start_date', reason: { code: 'OVERLAPS_ENROLLMENT' } });
          continue;
        }
        good.push(checked.row);
        yield Object.assign(workerStagingRow(row.row, checked.row.worker), enrollmentColumns(checked.row.enrollment));
      }
    }
    await stageRows(ctx, STAGED, STAGING, goodRows(), ['nik']);
    const inRegistry = [...(await this.overlapsInRegistry(ctx)), ...(await this.kpjsInUse(ctx))];
    const refused = new Set(inRegistry.map((problem) => problem.row));
    if (refused.size) {
      await ctx.em.query(`DELETE FROM ${STAGED} WHERE row = ANY($1::int[])`, [[...refused]]);
      good = good.filter((row) => !refused.has(row.row));
    }
    problems.push(...inRegistry);
    return { good, problems };
  }

  /** What the rules need besides a row: the villages the file names, the rates, the known kecamatan codes, today. */
  private async rulesContext(ctx: RequestContext, parsed: ParsedRow[]): Promise<RulesContext> {
    return {
      villages: await this.villagesByCode(ctx, parsed.map((row) => row.villageCode)),
      rates: await contributionRateService.all(ctx),
      kecamatan: await knownKecamatanCodes(ctx.em),
      today: todayIn(),
      checkedCovers: new Map(),
    };
  }

  private async villagesByCode(ctx: RequestContext, codes: string[]): Promise<Map<string, string>> {
    const rows: Array<{ id: string; code: string }> = await ctx.em.query(`SELECT id, code FROM villages WHERE code = ANY($1::text[])`, [[...new Set(codes)]]);
    return new Map(rows.map((row) => [row.code, row.id]));
  }

  /** Rows whose cover overlaps an enrollment already in the registry — whoever's: never named. */
  private async overlapsInRegistry(ctx: RequestContext): Promise<CellProblem[]> {
    const hits: Array<{ row: number }> = await ctx.em.query(
      `SELECT DISTINCT s.row FROM ${STAGED} s
       JOIN workers w ON w.nik = s.nik
       JOIN enrollments e ON e.worker_id = w.id AND e.programs && s.programs
        AND daterange(e.start_date, e.end_date, '[]') && daterange(s.start_date, s.end_date, '[]')`,
    );
    return hits.map((hit) => ({ row: hit.row, field: 'start_date', reason: { code: 'OVERLAPS_ENROLLMENT' } }));
  }

  /** Rows giving a KPJ that another person already holds. */
  private async kpjsInUse(ctx: RequestContext): Promise<CellProblem[]> {
    const hits: Array<{ row: number }> = await ctx.em.query(
      `SELECT s.row FROM ${STAGED} s JOIN workers w ON w.kpj = s.kpj AND w.nik <> s.nik WHERE s.kpj IS NOT NULL`,
    );
    return hits.map((hit) => ({ row: hit.row, field: 'kpj', reason: { code: 'ALREADY_IN_USE' } }));
  }

  /** What a real run would write: counted, not written. */
  private async wouldWrite(ctx: RequestContext, rows: GoodRow[], partnerId: string) {
    const [counts] = await ctx.em.query(
      `SELECT (SELECT count(DISTINCT nik) FROM ${STAGED})::int AS niks, count(w.id)::int AS known,
              count(w.id) FILTER (WHERE NOT EXISTS (SELECT 1 FROM worker_partners wp WHERE wp.partner_id = $1 AND wp.worker_id = w.id))::int AS untied
       FROM workers w WHERE w.nik IN (SELECT nik FROM ${STAGED})`,
      [partnerId],
    );
    return { workersCreated: counts.niks - counts.known, workersLinked: counts.untied, enrollmentsCreated: rows.length };
  }

  private async write(ctx: RequestContext, rows: GoodRow[], partnerId: string) {
    if (rows.length === 0) return { workersCreated: 0, workersLinked: 0, enrollmentsCreated: 0 };
    await createStagingTable(ctx, WRITTEN, WRITTEN_WORKERS);
    const written = await workerService.writeStagedWorkers(ctx, STAGED, partnerId, WRITTEN);
    const enrollments = await this.insertEnrollments(ctx, partnerId);
    return {
      workersCreated: written.filter((w) => w.created).length,
      workersLinked: written.filter((w) => w.linked).length,
      enrollmentsCreated: enrollments,
    };
  }

  /**
   * One statement whatever the number of rows: the staged rows inserted, each with its person's
   * id, and each new enrollment's audit event written from what was inserted (no round trip of ids).
   * The people come from the table the workers were written to, joined in one pass, rather than
   * looked up in the registry again, by NIK for the rows and by id for the events' scope: 20,000
   * index probes for 10,000 rows.
   */
  private async insertEnrollments(ctx: RequestContext, partnerId: string): Promise<number> {
    try {
      const [{ count }] = await ctx.em.query(
        `WITH inserted AS (
           INSERT INTO enrollments (worker_id, partner_id, category, programs, funding_source, start_date, end_date,
                                    declared_income, risk_class, monthly_contribution, contribution_breakdown, status)
           SELECT w.id, $1, s.category, s.programs, s.funding_source, s.start_date, s.end_date,
                  s.declared_income, s.risk_class, s.monthly_contribution, s.contribution_breakdown, 'PENDING'
           FROM ${STAGED} s JOIN ${WRITTEN} w ON w.nik = s.nik ORDER BY s.row
           RETURNING id, worker_id
         ), audited AS (
           ${auditInsertSql(`
             SELECT $2::uuid, $3, 'CREATE', 'Enrollment', i.id::text, jsonb_build_object('workerId', i.worker_id, 'partnerId', $1::uuid, 'source', 'import'),
                    NULL, $4, w.regency_id, w.village_id, $1::uuid
             FROM inserted i JOIN ${WRITTEN} w ON w.id = i.worker_id`)}
         )
         SELECT count(*)::int AS count FROM inserted`,
        [partnerId, ctx.actor!.id, ctx.actor!.role, ctx.requestId],
      );
      return count;
    } catch (error) {
      // Checked above; only another report committed in between can overlap now: nothing is written.
      if (pgErrorCode(error) === PgError.EXCLUSION_VIOLATION) throw conflict('ENROLLMENT_OVERLAP', `${conflictText({ code: 'ENROLLMENT_OVERLAP' })} (another report arrived meanwhile; run the import again)`);
      throw error;
    }
  }
}

/** The facts of a row that the enrollment rules read, and nothing else (so that equal covers are checked once). */
function enrollmentFacts(row: ParsedRow): EnrollmentFacts {
  return {
    category: row.category,
    programs: row.programs,
    fundingSource: row.fundingSource,
    startDate: row.startDate,
    endDate: row.endDate,
    declaredIncome: row.declaredIncome,
    riskClass: row.riskClass,
  };
}

interface RulesContext {
  villages: Map<string, string>;
  rates: ContributionRateParams[];
  kecamatan: Set<string>;
  today: string;
  /**
   * The enrollment rules' verdicts by the facts they read (the enrollment's and the rates alone):
   * a file repeating the same cover (most do) has it checked and priced once.
   */
  checkedCovers: Map<string, ReturnType<typeof checkEnrollment>>;
}

/** One row through the rules of createWorker and createEnrollment, and its village by code. */
function checkRow(row: ParsedRow, rules: RulesContext): { ok: true; row: GoodRow } | { ok: false; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const add = (fields: Record<string, FieldReason>) => {
    for (const [field, reason] of Object.entries(fields)) problems.push({ row: row.row, field: COLUMN_OF[field] ?? field, reason });
  };
  const villageId = rules.villages.get(row.villageCode);
  if (!villageId) problems.push({ row: row.row, field: 'village_code', reason: { code: 'NOT_VISIBLE', params: { type: 'Village' } } });
  const worker = checkWorker(row, (code) => rules.kecamatan.has(code), rules.today);
  if (!worker.ok) add(worker.problems);
  const facts = enrollmentFacts(row);
  const factsKey = JSON.stringify(facts);
  let enrollment = rules.checkedCovers.get(factsKey);
  if (!enrollment) rules.checkedCovers.set(factsKey, (enrollment = checkEnrollment(facts, rules.rates)));
  if (!enrollment.ok) add(enrollment.problems);
  if (problems.length || !worker.ok || !enrollment.ok || !villageId) return { ok: false, problems };
  return { ok: true, row: { row: row.row, worker: { ...worker.worker, villageId }, enrollment: enrollment.enrollment } };
}

/** The cover of a file's rows so far: a later row covering one person in one program on overlapping days is refused. */
class CoverInFile {
  private readonly periods = new Map<string, Array<{ start: string; end: string }>>();

  /** Whether the row overlaps an earlier one; if not, its cover is added. */
  overlaps(row: GoodRow): boolean {
    const { startDate: start, programs } = row.enrollment;
    const end = row.enrollment.endDate ?? OPEN_END;
    const keys = programs.map((program) => `${row.worker.nik}:${program}`);
    const clash = keys.some((key) => this.periods.get(key)?.some((other) => start <= other.end && other.start <= end));
    if (clash) return true;
    for (const key of keys) {
      const periods = this.periods.get(key);
      if (periods) periods.push({ start, end });
      else this.periods.set(key, [{ start, end }]);
    }
    return false;
  }
}

/** An open-ended cover's last day, for comparing periods as ISO dates. */
const OPEN_END = '9999-12-31';

function asImportError(problem: CellProblem): ImportError {
  return {
    row: problem.row,
    field: problem.field,
    code: problem.reason.code,
    params: (problem.reason as { params?: Record<string, unknown> }).params ?? null,
    message: reasonText(problem.reason),
  };
}

export const importService = new ImportService();
