import { Role, vulnerableMonthlyCost } from '@lindung/domain';
import type { EntityManager } from 'typeorm';
import { RateCache } from '../modules/contributions/rate-cache';
import type { RequestContext } from '../core/context';
import { proposalService } from '../modules/proposals/proposal.service';
import { readRates } from './demo-registry';

/**
 * The demo's vulnerable-worker cycle, on top of the demo registry (demo-registry.ts): Gianyar's
 * and Badung's budgets, an approved proposal behind every group of regency-funded enrollments the
 * registry holds (so each budget's committed amount equals its approved proposals), proposals in
 * every other state in Mas and Batuan, the published coverage figures, Gianyar's regulation and
 * its Paritrana Award 2025. Deterministic and set-based.
 */
const GIANYAR = '51.04';
const BADUNG = '51.03';
const MAS = '51.04.05.2002';
const BATUAN = '51.04.01.2007';

const BUDGETS = [
  // APBD-P 2025's target was 13,200 vulnerable workers (news); 2026's about 2 billion / 16,800 / 12.
  { regency: GIANYAR, year: 2025, name: 'APBD Perubahan 2025', amount: 1_000_000_000, target: 13_200 },
  { regency: GIANYAR, year: 2026, name: 'APBD 2026', amount: 2_000_000_000, target: 9_900 },
  // Badung funded 25,000 vulnerable workers in 2024 (news); its 2026 figures here are demo values.
  { regency: BADUNG, year: 2026, name: 'APBD 2026 (data demo)', amount: 5_040_000_000, target: 25_000 },
];

const COVERAGE_REPORTS = [
  { regency: GIANYAR, asOf: '2025-09-30', protectedWorkers: 130_300, source: 'BPJS Ketenagakerjaan via Antara (laporan Paritrana Award 2025)' },
  { regency: GIANYAR, asOf: '2025-06-30', protectedWorkers: 124_900, source: 'Data demo (bukan angka resmi)' },
  { regency: BADUNG, asOf: '2025-09-30', protectedWorkers: 301_200, source: 'Data demo (bukan angka resmi)' },
];

/** Refusals as an official writes them, for the demo's refused items. */
const REFUSALS = [
  'Sudah terdaftar sebagai peserta penerima upah oleh pemberi kerja',
  'Tidak memenuhi kriteria pekerja rentan menurut verifikasi lapangan',
  'Data kependudukan belum sesuai, mohon diperbarui di Disdukcapil',
];

export async function loadDemoCycle(em: EntityManager): Promise<void> {
  const monthly = vulnerableMonthlyCost(await readRates(em), '2025-10-01');
  if (monthly === null) throw new Error('No BPU JKK/JKM rates for the demo cycle');
  await insertBudgets(em);
  await approvedProposalsFromEnrollments(em, monthly);
  await otherProposals(em, monthly);
  await commitApproved(em);
  await insertCoverageAndAward(em);
}

async function insertBudgets(em: EntityManager): Promise<void> {
  await em.query(
    `INSERT INTO budgets (regency_id, fiscal_year, name, amount, target_workers)
     SELECT r.id, b.year, b.name, b.amount, b.target
     FROM unnest($1::text[], $2::int[], $3::text[], $4::bigint[], $5::int[]) AS b(code, year, name, amount, target)
     JOIN regencies r ON r.code = b.code`,
    [BUDGETS.map((b) => b.regency), BUDGETS.map((b) => b.year), BUDGETS.map((b) => b.name), BUDGETS.map((b) => b.amount), BUDGETS.map((b) => b.target)],
  );
}

/**
 * One approved proposal per village and period of the registry's regency-funded enrollments:
 * submitted six weeks and decided three weeks before the cover starts, by the regency's official.
 */
async function approvedProposalsFromEnrollments(em: EntityManager, monthly: number): Promise<void> {
  await em.query(
    `WITH groups AS (
       SELECT w.village_id, w.regency_id, e.start_date, e.end_date,
              ((extract(year FROM e.end_date) - extract(year FROM e.start_date)) * 12
                + extract(month FROM e.end_date) - extract(month FROM e.start_date) + 1)::int AS months
       FROM enrollments e JOIN workers w ON w.id = e.worker_id
       WHERE e.funding_source = 'REGENCY_BUDGET' AND e.partner_id IS NULL AND e.end_date IS NOT NULL
       GROUP BY 1, 2, 3, 4
     )
     INSERT INTO proposals (regency_id, village_id, fiscal_year, months, status, monthly_cost, start_date, end_date,
                            created_by_id, submitted_at, decided_at, decided_by_id, created_at, updated_at)
     SELECT g.regency_id, g.village_id, extract(year FROM g.start_date)::int, g.months, 'APPROVED', $1, g.start_date, g.end_date,
            head.id, g.start_date - interval '45 days', g.start_date - interval '20 days', official.id,
            g.start_date - interval '50 days', g.start_date - interval '20 days'
     FROM groups g
     LEFT JOIN users head ON head.village_id = g.village_id AND head.role = $2
     LEFT JOIN users official ON official.regency_id = g.regency_id AND official.role = $3`,
    [monthly, Role.VILLAGE_HEAD, Role.REGENCY_OFFICIAL],
  );
  await em.query(
    `INSERT INTO proposal_items (proposal_id, worker_id, nik, full_name, village_id, decision, cost, enrollment_id, created_at, updated_at)
     SELECT p.id, w.id, w.nik, w.full_name, w.village_id, 'APPROVED', p.months * p.monthly_cost, e.id, p.created_at, p.decided_at
     FROM enrollments e JOIN workers w ON w.id = e.worker_id
     JOIN proposals p ON p.village_id = w.village_id AND p.start_date = e.start_date AND p.end_date = e.end_date AND p.status = 'APPROVED'
     WHERE e.funding_source = 'REGENCY_BUDGET' AND e.partner_id IS NULL`,
  );
}

/**
 * The other states, where people look first: in Mas a submitted proposal waiting for the official
 * (one worker already covered, one not marked vulnerable, so verification has something to say)
 * and next year's draft renewing this year's workers; in Batuan a proposal partly approved (one
 * refusal, with its reason), one refused entirely and one withdrawn.
 */
async function otherProposals(em: EntityManager, monthly: number): Promise<void> {
  const village = async (code: string) => (await em.query(`SELECT id, regency_id FROM villages WHERE code = $1`, [code]))[0] as { id: string; regency_id: string };
  const [mas, batuan] = [await village(MAS), await village(BATUAN)];
  const head = async (villageId: string) => (await em.query(`SELECT id FROM users WHERE village_id = $1 AND role = $2`, [villageId, Role.VILLAGE_HEAD]))[0]?.id ?? null;
  const official = (await em.query(`SELECT u.id FROM users u JOIN regencies r ON r.id = u.regency_id WHERE r.code = $1 AND u.role = $2`, [GIANYAR, Role.REGENCY_OFFICIAL]))[0].id;
  const uncovered = (villageId: string, vulnerable: boolean, count: number, offset = 0): Promise<Array<{ id: string }>> =>
    em.query(
      `SELECT w.id FROM workers w
       WHERE w.village_id = $1 AND w.vulnerable = $2 AND NOT w.possible_duplicate
         AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.worker_id = w.id AND e.programs && ARRAY['JKK','JKM']
                         AND daterange(e.start_date, e.end_date, '[]') && daterange('2025-10-01', '2027-12-31', '[]'))
         AND NOT EXISTS (SELECT 1 FROM proposal_items pi WHERE pi.worker_id = w.id)
       ORDER BY w.nik LIMIT $3 OFFSET $4`,
      [villageId, vulnerable, count, offset],
    );
  const covered = (villageId: string): Promise<Array<{ id: string }>> =>
    em.query(
      `SELECT w.id FROM workers w JOIN enrollments e ON e.worker_id = w.id AND e.funding_source = 'REGENCY_BUDGET' AND e.end_date >= '2026-12-31'
       WHERE w.village_id = $1 ORDER BY w.nik LIMIT 1`,
      [villageId],
    );
  const masHead = await head(mas.id);
  const batuanHead = await head(batuan.id);

  // Mas: submitted, waiting.
  const masWaiting = [...(await uncovered(mas.id, true, 4)), ...(await covered(mas.id)), ...(await uncovered(mas.id, false, 1))];
  const submitted = await insertProposal(em, { village: mas, year: 2026, months: 1, status: 'SUBMITTED', by: masHead, submittedAt: '2026-11-18' }, masWaiting, monthly);
  // Mas: next year's draft, renewing this year's approved workers.
  const renewal = await insertProposal(em, { village: mas, year: 2027, months: 12, status: 'DRAFT', by: masHead, renewsYear: 2026 }, await approvedWorkers(em, mas.id, 2026), monthly);

  // Batuan: partly approved — one more worker refused beside the approved group of July 2026.
  const [partial] = await em.query(
    `SELECT id FROM proposals WHERE village_id = $1 AND status = 'APPROVED' AND fiscal_year = 2026 ORDER BY start_date DESC, id LIMIT 1`,
    [batuan.id],
  );
  if (partial) {
    const [refused] = await uncovered(batuan.id, false, 1);
    if (refused) {
      await em.query(
        `INSERT INTO proposal_items (proposal_id, worker_id, nik, full_name, village_id, decision, reason, cost, flags, created_at, updated_at)
         SELECT p.id, w.id, w.nik, w.full_name, w.village_id, 'REJECTED', $3, p.months * p.monthly_cost, '{NOT_VULNERABLE}', p.created_at, p.decided_at
         FROM proposals p, workers w WHERE p.id = $1 AND w.id = $2`,
        [partial.id, refused.id, REFUSALS[1]],
      );
      await em.query(`UPDATE proposals SET status = 'PARTIALLY_APPROVED' WHERE id = $1`, [partial.id]);
    }
  }
  // Batuan: refused entirely (2025), and withdrawn (2026).
  const rejected = await insertProposal(
    em,
    { village: batuan, year: 2025, months: 3, status: 'REJECTED', by: batuanHead, submittedAt: '2025-09-01', decidedAt: '2025-09-12', decidedBy: official },
    await uncovered(batuan.id, true, 2, 0),
    monthly,
  );
  await em.query(`UPDATE proposal_items SET decision = 'REJECTED', reason = $2 WHERE proposal_id = $1`, [rejected, REFUSALS[2]]);
  await insertProposal(em, { village: batuan, year: 2026, months: 6, status: 'WITHDRAWN', by: batuanHead, submittedAt: '2026-06-02', withdrawnAt: '2026-06-05' }, await uncovered(batuan.id, true, 2), monthly);

  // Verification as the official reads it, for the two still open.
  const system = systemContext(em);
  await proposalService.verify(system, { id: submitted, fiscalYear: 2026, months: 1 });
  await proposalService.verify(system, { id: renewal, fiscalYear: 2027, months: 12 });
}

interface DemoProposal {
  village: { id: string; regency_id: string };
  year: number;
  months: number;
  status: string;
  by: string | null;
  renewsYear?: number;
  submittedAt?: string;
  decidedAt?: string;
  decidedBy?: string;
  withdrawnAt?: string;
}

async function insertProposal(em: EntityManager, p: DemoProposal, workers: Array<{ id: string }>, monthly: number): Promise<string> {
  const [{ id }] = await em.query(
    `INSERT INTO proposals (regency_id, village_id, fiscal_year, months, status, monthly_cost, total_cost, renews_year, created_by_id,
                            submitted_at, decided_at, decided_by_id, withdrawn_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6::bigint * $4::int * $7::int, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [p.village.regency_id, p.village.id, p.year, p.months, p.status, monthly, workers.length, p.renewsYear ?? null, p.by, p.submittedAt ?? null, p.decidedAt ?? null, p.decidedBy ?? null, p.withdrawnAt ?? null],
  );
  await em.query(
    `INSERT INTO proposal_items (proposal_id, worker_id, nik, full_name, village_id, cost)
     SELECT $1, w.id, w.nik, w.full_name, w.village_id, $3 FROM workers w WHERE w.id = ANY($2::uuid[])`,
    [id, workers.map((w) => w.id), monthly * p.months],
  );
  return id;
}

function approvedWorkers(em: EntityManager, villageId: string, year: number): Promise<Array<{ id: string }>> {
  return em.query(
    `SELECT DISTINCT i.worker_id AS id FROM proposal_items i JOIN proposals p ON p.id = i.proposal_id
     WHERE p.village_id = $1 AND p.fiscal_year = $2 AND i.decision = 'APPROVED'`,
    [villageId, year],
  );
}

/** Each budget's committed amount and workers funded: exactly its approved items. */
async function commitApproved(em: EntityManager): Promise<void> {
  await em.query(`UPDATE proposals p SET total_cost = (SELECT coalesce(sum(cost), 0) FROM proposal_items WHERE proposal_id = p.id)`);
  await em.query(
    `UPDATE proposals p SET approved_cost = (SELECT coalesce(sum(cost), 0) FROM proposal_items WHERE proposal_id = p.id AND decision = 'APPROVED')
     WHERE p.status IN ('APPROVED', 'PARTIALLY_APPROVED')`,
  );
  await em.query(
    `UPDATE budgets b SET committed = t.cost, workers_funded = t.workers
     FROM (SELECT p.regency_id, p.fiscal_year, sum(i.cost) AS cost, count(*) AS workers
           FROM proposal_items i JOIN proposals p ON p.id = i.proposal_id
           WHERE p.status IN ('APPROVED', 'PARTIALLY_APPROVED') AND i.decision = 'APPROVED'
           GROUP BY 1, 2) t
     WHERE b.regency_id = t.regency_id AND b.fiscal_year = t.fiscal_year`,
  );
}

async function insertCoverageAndAward(em: EntityManager): Promise<void> {
  await em.query(
    `INSERT INTO coverage_reports (regency_id, as_of, protected_workers, source)
     SELECT r.id, c.as_of, c.protected, c.source
     FROM unnest($1::text[], $2::date[], $3::int[], $4::text[]) AS c(code, as_of, protected, source) JOIN regencies r ON r.code = c.code`,
    [COVERAGE_REPORTS.map((c) => c.regency), COVERAGE_REPORTS.map((c) => c.asOf), COVERAGE_REPORTS.map((c) => c.protectedWorkers), COVERAGE_REPORTS.map((c) => c.source)],
  );
  // Perbup Gianyar 35/2025 ("Perisai Aman") sets the scheme; the day it took effect is a demo value.
  await em.query(`INSERT INTO regulations (regency_id, title, valid_from) SELECT id, 'Perbup Gianyar 35/2025 (Perisai Aman)', '2025-08-01' FROM regencies WHERE code = $1`, [GIANYAR]);
  await em.query(
    `INSERT INTO awards (year, level, category, rank, regency_id, province, note)
     SELECT 2025, 'PROVINCE', 'REGENCY_GOVERNMENT', 1, id, 'Bali', 'Juara 1 Paritrana Award 2025 tingkat Provinsi Bali, kategori pemerintah kabupaten/kota'
     FROM regencies WHERE code = $1`,
    [GIANYAR],
  );
}

/** The loader acts as the system: a global reader, for the services' shared verification. */
function systemContext(em: EntityManager): RequestContext {
  return {
    em,
    actor: { id: '00000000-0000-0000-0000-000000000000', email: 'system@lindung.test', role: Role.ADMIN, scope: { regencyId: null, villageId: null, partnerId: null }, sessionId: '', mustChangePassword: false },
    requestId: 'demo-data',
    loaders: new Map(),
    // Not listening for changes, so it keeps nothing: the loader reads the rates as they are.
    app: { rateCache: new RateCache() },
  } as unknown as RequestContext;
}
