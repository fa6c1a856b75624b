import { Client } from 'pg';
import { login, ok, regencyId, tokenOf, uniqueEmail } from '../support/api';
import { newNik } from '../support/registry';
import { waitFor } from '../support/wait';
import { compactCoverageLedger, MAX_FOLD_BATCH, MIN_FOLD_BATCH, nextFoldBatch } from '../../api/src/modules/coverage/coverage-ledger';

/**
 * The coverage ledger (kept by triggers, folded by compaction) against the distinct count it
 * replaces, computed here from the enrollments themselves: for every kind of caller, on days
 * before, inside and after the data, after random inserts, updates, deletes, moves between
 * villages and a partner's change of type — with the changes unfolded, and folded.
 *
 * Kabupaten Jembrana (51.01), where neither the demo data nor another test puts anyone. The rows
 * are written with SQL: what is tested is what the database keeps, whichever writer writes.
 */
const COVERAGE = `query($regencyId: ID!, $asOf: Date) { coverage(regencyId: $regencyId, asOf: $asOf) {
  live { protectedWorkers } byDistrict { districtId protectedWorkers } byVillage { villageId protectedWorkers }
  byPartnerType { type protectedWorkers } byFundingSource { fundingSource protectedWorkers } } }`;
const TREND = `query($regencyId: ID!, $asOf: Date) { coverageTrend(regencyId: $regencyId, asOf: $asOf) { day protectedWorkers } }`;
const PASSWORD = 'ledger-password-1';
const PROGRAMS = ['JKK', 'JKM', 'JHT', 'JP', 'JKP'];
const FUNDING = ['SELF', 'EMPLOYER', 'REGENCY_BUDGET', 'VILLAGE_BUDGET', 'OTHER'];
const STATUSES = ['PENDING', 'ACTIVE', 'ACTIVE', 'ENDED', 'LAPSED'];
const DAYS = ['2039-12-31', '2040-01-01', '2040-01-31', '2040-02-29', '2040-03-01', '2040-07-14', '2040-12-31', '2041-01-01', '2041-06-30', '2041-09-17', '2042-02-01', '2042-11-30', '2043-05-05', '2050-06-15'];

interface Caller {
  label: string;
  token: string;
  villageId?: string;
  partnerId?: string;
}

let db: Client;
let regency: string;
let villages: Array<{ id: string; district_id: string }>;
let partners: string[];
let workers: string[];
let callers: Caller[];
let random: () => number;

/** A seeded generator: a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
const dayIn = (fromYear: number, years: number): string =>
  new Date(Date.UTC(fromYear, 0, 1) + Math.floor(random() * years * 365) * 86_400_000).toISOString().slice(0, 10);

async function createAccount(role: string, scope: Record<string, string>): Promise<string> {
  const email = uniqueEmail(`ledger-${role.toLowerCase()}`);
  await ok(
    `mutation($email: String!, $password: String!, $role: Role!, $regencyId: ID, $villageId: ID, $partnerId: ID) {
      createUser(email: $email, password: $password, role: $role, regencyId: $regencyId, villageId: $villageId, partnerId: $partnerId) { id } }`,
    { email, password: PASSWORD, role, ...scope },
    await tokenOf('admin'),
  );
  return (await login(email, PASSWORD)).accessToken;
}

beforeAll(async () => {
  random = seeded(Number(process.env.LEDGER_SEED ?? 20_261_125));
  db = new Client({ connectionString: process.env.LINDUNG_DATABASE_URL });
  await db.connect();
  regency = await regencyId('51.01');
  villages = (await db.query(`SELECT v.id, v.district_id FROM villages v JOIN districts d ON d.id = v.district_id WHERE d.regency_id = $1 ORDER BY v.code LIMIT 5`, [regency])).rows;
  const twoDistricts = (await db.query(
    `SELECT DISTINCT ON (v.district_id) v.id, v.district_id FROM villages v JOIN districts d ON d.id = v.district_id WHERE d.regency_id = $1 ORDER BY v.district_id, v.code`,
    [regency],
  )).rows.slice(0, 2);
  villages = [...villages.slice(0, 3), ...twoDistricts];
  partners = [];
  for (const [name, type] of [['Sanggar Uji Buku Besar', 'ARTIST_COMMUNITY'], ['UMKM Uji Buku Besar', 'UMKM']]) {
    const { rows } = await db.query(`INSERT INTO partner_organisations (name, type, regency_id) VALUES ($1, $2, $3) RETURNING id`, [name, type, regency]);
    partners.push(rows[0].id);
  }
  workers = [];
  for (let i = 0; i < 40; i += 1) {
    const village = villages[i % villages.length];
    const { rows } = await db.query(
      `INSERT INTO workers (nik, full_name, name_key, birth_date, gender, village_id, regency_id) VALUES ($1, $2, $2, '1990-03-12', 'MALE', $3, $4) RETURNING id`,
      [newNik(), `pekerja buku besar ${i}`, village.id, regency],
    );
    workers.push(rows[0].id);
  }
  callers = [
    { label: 'ADMIN', token: await tokenOf('admin') },
    { label: 'AUDITOR', token: await tokenOf('auditor') },
    { label: 'REGENCY_OFFICIAL', token: await createAccount('REGENCY_OFFICIAL', { regencyId: regency }) },
    { label: 'VILLAGE_HEAD', token: await createAccount('VILLAGE_HEAD', { villageId: villages[0].id }), villageId: villages[0].id },
    { label: 'PARTNER', token: await createAccount('PARTNER', { partnerId: partners[0] }), partnerId: partners[0] },
  ];
}, 60_000);

afterAll(async () => {
  await db.end();
});

/** Random enrollments: one per program per worker at most, so no overlap is refused. */
async function insertEnrollments(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const worker = pick(workers);
    const taken = (await db.query(`SELECT unnest(programs) AS p FROM enrollments WHERE worker_id = $1`, [worker])).rows.map((row) => row.p);
    const program = PROGRAMS.find((candidate) => !taken.includes(candidate));
    if (!program) continue;
    const start = dayIn(2039, 4);
    const end = random() < 0.3 ? null : new Date(Date.parse(start) + Math.floor(random() * 700) * 86_400_000).toISOString().slice(0, 10);
    await db.query(
      `INSERT INTO enrollments (worker_id, partner_id, category, programs, funding_source, start_date, end_date, declared_income, monthly_contribution, contribution_breakdown, status)
       VALUES ($1, $2, 'PU', $3, $4, $5, $6, 1000000, 10000, '[]', $7)`,
      [worker, random() < 0.35 ? null : pick(partners), [program], pick(FUNDING), start, end, pick(STATUSES)],
    );
  }
}

/** The distinct count the ledger replaces, per village and facet, from the enrollments themselves. */
async function expectedOn(day: string, caller: Caller) {
  const { rows } = await db.query(
    `WITH in_force AS (
       SELECT e.worker_id, w.village_id, coalesce(p.type, '') AS partner_type, e.funding_source
       FROM enrollments e JOIN workers w ON w.id = e.worker_id LEFT JOIN partner_organisations p ON p.id = e.partner_id
       WHERE w.regency_id = $1 AND e.status IN ('ACTIVE', 'ENDED') AND e.start_date <= $2 AND (e.end_date IS NULL OR e.end_date >= $2)
         AND ($3::uuid IS NULL OR w.village_id = $3) AND ($4::uuid IS NULL OR e.partner_id = $4))
     SELECT 'all' AS dimension, '' AS value, village_id, count(DISTINCT worker_id)::int AS n FROM in_force GROUP BY village_id
     UNION ALL SELECT 'partnerType', partner_type, village_id, count(DISTINCT worker_id)::int FROM in_force GROUP BY partner_type, village_id
     UNION ALL SELECT 'fundingSource', funding_source, village_id, count(DISTINCT worker_id)::int FROM in_force GROUP BY funding_source, village_id`,
    [regency, day, caller.villageId ?? null, caller.partnerId ?? null],
  );
  const sum = (dimension: string, key: (row: (typeof rows)[number]) => string) => {
    const totals: Record<string, number> = {};
    for (const row of rows.filter((r) => r.dimension === dimension)) totals[key(row)] = (totals[key(row)] ?? 0) + row.n;
    return totals;
  };
  const districtOf = new Map((await db.query(`SELECT id, district_id FROM villages WHERE id = ANY($1)`, [rows.map((row) => row.village_id)])).rows.map((v) => [v.id, v.district_id]));
  return {
    live: sum('all', () => 'total').total ?? 0,
    byVillage: sum('all', (row) => row.village_id),
    byDistrict: sum('all', (row) => districtOf.get(row.village_id)),
    byPartnerType: sum('partnerType', (row) => row.value || 'null'),
    byFundingSource: sum('fundingSource', (row) => row.value),
  };
}

async function actualOn(day: string, caller: Caller) {
  const { coverage } = await ok(COVERAGE, { regencyId: regency, asOf: day }, caller.token);
  const map = <T>(rows: T[], key: (row: T) => string, value: (row: T) => number) => Object.fromEntries(rows.map((row) => [key(row), value(row)]));
  return {
    live: coverage.live.protectedWorkers,
    byVillage: map(coverage.byVillage, (row: any) => row.villageId, (row: any) => row.protectedWorkers),
    byDistrict: map(coverage.byDistrict, (row: any) => row.districtId, (row: any) => row.protectedWorkers),
    byPartnerType: map(coverage.byPartnerType, (row: any) => String(row.type), (row: any) => row.protectedWorkers),
    byFundingSource: map(coverage.byFundingSource, (row: any) => row.fundingSource, (row: any) => row.protectedWorkers),
  };
}

async function expectLedgerToMatch(stage: string): Promise<void> {
  for (const caller of callers) {
    const seen = await Promise.all(DAYS.map(async (day) => ({ day, ...(await actualOn(day, caller)) })));
    // One after another: they share one connection (pg refuses to queue queries on a busy client in v9).
    const expected = [];
    for (const day of DAYS) expected.push({ day, ...(await expectedOn(day, caller)) });
    expect({ stage, caller: caller.label, seen }).toEqual({ stage, caller: caller.label, seen: expected });

    const { coverageTrend } = await ok(TREND, { regencyId: regency, asOf: '2041-03-10' }, caller.token);
    const trend = coverageTrend.map((month: { day: string; protectedWorkers: number }) => [month.day, month.protectedWorkers]);
    const expectedTrend = [];
    for (const month of coverageTrend as Array<{ day: string }>) expectedTrend.push([month.day, (await expectedOn(month.day, caller)).live]);
    expect({ stage, caller: caller.label, trend }).toEqual({ stage, caller: caller.label, trend: expectedTrend });
  }
}

async function compact(): Promise<void> {
  // The API's housekeeping may be folding at this moment: wait for it rather than skip.
  await db.query(`SELECT pg_advisory_lock(hashtext('compact_coverage_ledger'))`);
  await db.query(`SELECT pg_advisory_unlock(hashtext('compact_coverage_ledger'))`);
  await db.query(`SELECT compact_coverage_ledger()`);
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM coverage_ledger l JOIN coverage_facets f ON f.id = l.facet_id WHERE f.regency_id = $1 AND l.kind = 'change'`,
    [regency],
  );
  expect(rows[0].n).toBe(0);
}

describe('the coverage ledger', () => {
  it('should count exactly what the enrollments say, for every caller, on every day, folded or not', async () => {
    await insertEnrollments(90);
    await expectLedgerToMatch('inserted, unfolded');
    await compact();
    await expectLedgerToMatch('inserted, folded');

    // Changes on top of folded rows: statuses, periods, deletions, moves, more enrollments.
    const { rows: some } = await db.query(`SELECT e.id FROM enrollments e JOIN workers w ON w.id = e.worker_id WHERE w.regency_id = $1 ORDER BY e.id`, [regency]);
    for (const { id } of some.filter(() => random() < 0.3)) {
      await db.query(`UPDATE enrollments SET status = $2, end_date = greatest(start_date, $3::date) WHERE id = $1`, [id, pick(STATUSES), dayIn(2040, 3)]);
    }
    await db.query(`DELETE FROM enrollments WHERE id = ANY($1)`, [some.filter(() => random() < 0.1).map((row) => row.id)]);
    await db.query(`UPDATE workers SET village_id = $2 WHERE id = ANY($1)`, [workers.slice(0, 4), villages[1].id]);
    await db.query(`UPDATE workers SET village_id = $2, regency_id = $3 WHERE id = $1`, [workers[5], villages[3].id, regency]);
    await insertEnrollments(30);
    await expectLedgerToMatch('changed, partly folded');
    await compact();
    await expectLedgerToMatch('changed, folded');

    // A partner's change of type moves its workers between partner-type facets.
    await db.query(`UPDATE partner_organisations SET type = 'BUSINESS' WHERE id = $1`, [partners[1]]);
    await expectLedgerToMatch('retyped');
    await compact();
    await compact();
    await expectLedgerToMatch('retyped, folded twice');
  }, 300_000);

  it('should count a worker once when two transactions enroll them at the same time', async () => {
    const { rows } = await db.query(
      `INSERT INTO workers (nik, full_name, name_key, birth_date, gender, village_id, regency_id) VALUES ($1, 'pekerja serentak', 'pekerja serentak', '1990-03-12', 'MALE', $2, $3) RETURNING id`,
      [newNik(), villages[2].id, regency],
    );
    const worker = rows[0].id;
    const enrollIn = (client: Client, program: string, start: string) =>
      client.query(
        `INSERT INTO enrollments (worker_id, category, programs, funding_source, start_date, end_date, declared_income, monthly_contribution, contribution_breakdown, status)
         VALUES ($1, 'PU', ARRAY[$2], 'SELF', $3, '2046-12-31', 1000000, 10000, '[]', 'ACTIVE')`,
        [worker, program, start],
      );
    const [first, second] = [new Client({ connectionString: process.env.LINDUNG_DATABASE_URL }), new Client({ connectionString: process.env.LINDUNG_DATABASE_URL })];
    await Promise.all([first.connect(), second.connect()]);
    try {
      await first.query('BEGIN');
      await second.query('BEGIN');
      await enrollIn(first, 'JKK', '2046-01-01');
      // The second's trigger waits for the first's worker lock, then sees its committed spans.
      const secondDone = enrollIn(second, 'JKM', '2046-03-01').then(() => second.query('COMMIT'));
      // (Without that lock the second would not wait: then it commits first, and the count shows it.)
      await Promise.race([waitFor(async () => (await db.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%ARRAY[$2]%'`)).rows.length > 0, 4_000), secondDone]);
      await first.query('COMMIT');
      await secondDone;
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    const spans = (await db.query(`SELECT count(*)::int AS n FROM coverage_spans s JOIN coverage_facets f ON f.id = s.facet_id WHERE s.worker_id = $1 AND f.dimension = 'all'`, [worker])).rows[0].n;
    expect(spans).toBe(1);
    for (const day of ['2046-02-01', '2046-06-01']) {
      expect((await actualOn(day, callers[0])).byVillage[villages[2].id]).toBe((await expectedOn(day, callers[0])).byVillage[villages[2].id]);
    }
  });

  it('should keep counting a worker who moves to another regency in that regency', async () => {
    const tabanan = await regencyId('51.02');
    const { rows } = await db.query(`SELECT v.id FROM villages v JOIN districts d ON d.id = v.district_id WHERE d.regency_id = $1 ORDER BY v.code LIMIT 1`, [tabanan]);
    const { rows: created } = await db.query(
      `INSERT INTO workers (nik, full_name, name_key, birth_date, gender, village_id, regency_id) VALUES ($1, 'pekerja pindah', 'pekerja pindah', '1990-03-12', 'MALE', $2, $3) RETURNING id`,
      [newNik(), villages[0].id, regency],
    );
    const mover = created[0].id;
    await db.query(
      `INSERT INTO enrollments (worker_id, category, programs, funding_source, start_date, declared_income, monthly_contribution, contribution_breakdown, status)
       VALUES ($1, 'PU', ARRAY['JKK'], 'SELF', '2044-01-01', 1000000, 10000, '[]', 'ACTIVE')`,
      [mover],
    );
    const inForce = async (regencyOf: string) =>
      (await ok(COVERAGE, { regencyId: regencyOf, asOf: '2044-06-01' }, await tokenOf('admin'))).coverage.live.protectedWorkers as number;
    const [jembranaBefore, tabananBefore] = [await inForce(regency), await inForce(tabanan)];
    await db.query(`UPDATE workers SET village_id = $2, regency_id = $3 WHERE id = $1`, [mover, rows[0].id, tabanan]);
    expect([await inForce(regency), await inForce(tabanan)]).toEqual([jembranaBefore - 1, tabananBefore + 1]);
    await db.query(`UPDATE workers SET village_id = $2, regency_id = $3 WHERE id = $1`, [mover, villages[0].id, regency]);
    expect([await inForce(regency), await inForce(tabanan)]).toEqual([jembranaBefore, tabananBefore]);
  });
});

describe('folding the ledger', () => {
  it('should size each call by how long the last one took', () => {
    expect(nextFoldBatch(MAX_FOLD_BATCH, 'timeout')).toBe(MAX_FOLD_BATCH / 4);
    expect(nextFoldBatch(MAX_FOLD_BATCH, 8_000)).toBe(12_500);
    expect(nextFoldBatch(10_000, 100)).toBe(20_000);
    expect(nextFoldBatch(40_000, 100)).toBe(MAX_FOLD_BATCH);
    expect(nextFoldBatch(MIN_FOLD_BATCH + 100, 'timeout')).toBe(MIN_FOLD_BATCH);
  });

  it('should take fewer changes per call after one runs past the statement timeout, and fold them once it can', async () => {
    const folder = new Client({ connectionString: process.env.LINDUNG_DATABASE_URL });
    const holder = new Client({ connectionString: process.env.LINDUNG_DATABASE_URL });
    await Promise.all([folder.connect(), holder.connect()]);
    const fold = { query: async (sql: string, parameters?: unknown[]) => (await folder.query(sql, parameters)).rows };
    try {
      // The fold's own lock, held by this session (calls made on it still take it): the API's
      // housekeeping cannot fold the changes away meanwhile.
      await folder.query(`SELECT pg_advisory_lock(hashtext('compact_coverage_ledger'))`);
      await insertEnrollments(20);
      // The oldest waiting change, locked by another transaction: a fold call waits for it until
      // its statement timeout stops it.
      await holder.query('BEGIN');
      const { rows } = await holder.query(`SELECT id FROM coverage_ledger WHERE kind = 'change' ORDER BY id LIMIT 1 FOR UPDATE`);
      expect(rows).toHaveLength(1);
      await folder.query(`SET statement_timeout = '200ms'`);
      const pace = { batch: MAX_FOLD_BATCH };
      await expect(compactCoverageLedger(fold, pace, 60_000)).rejects.toThrow(/statement timeout/);
      expect(pace.batch).toBe(MIN_FOLD_BATCH);

      await holder.query('ROLLBACK');
      await folder.query(`SET statement_timeout = '15s'`);
      await compactCoverageLedger(fold, pace, 60_000);
      const { rows: left } = await folder.query(`SELECT count(*)::int AS n FROM coverage_ledger WHERE id = $1`, [rows[0].id]);
      expect(left[0].n).toBe(0);
      expect(pace.batch).toBeGreaterThan(MIN_FOLD_BATCH);
    } finally {
      await holder.end();
      await folder.end();
    }
  });
});
