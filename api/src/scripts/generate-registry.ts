/**
 * `pnpm generate:registry -- --workers 1000000`: a large registry for benchmarks and load tests.
 *
 * Brings the number of generated people in the database up to `--workers` (a second run with
 * the same number adds nothing; a larger one adds the difference), with ~1.4 enrollments each,
 * living all over Bali (most in Gianyar), each tied to a partner of their regency — partners are
 * generated too, and those with partner accounts (the demo's) get a share of Gianyar's people.
 *
 * Everything is computed in SQL from a generation index i (generate_series), batch by batch,
 * one transaction per batch: the NIK from the kecamatan of first registration, the birth date,
 * the sex and a serial — a bijection of i, so no two NIKs collide, and serials from 8000 up never
 * meet the demo data's (0001–4999) or the tests' (5000–7999). Enrollments come from templates
 * priced by the domain's `checkEnrollment` at the rates in the contribution_rates table. The
 * workers' regency is filled by their trigger, as for every other write. ANALYZE at the end.
 *
 * Database: DATABASE_URL, or the embedded PostgreSQL in DATA_DIR (as `pnpm start` would use it;
 * not while an API runs on that DATA_DIR). Migrations and reference data are applied first.
 */
import 'reflect-metadata';
import { Category, checkEnrollment, FundingSource, nameKey, Program, type EnrollmentFacts } from '@lindung/domain';
import { enrollmentColumns } from '../modules/enrollments/enrollment.columns';
import pino from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { loadConfig } from '../config';
import type { RequestContext } from '../core/context';
import { createDataSource } from '../database/data-source';
import { DEMO_AS_OF, readRates } from '../database/demo-registry';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../database/embedded';
import { loadReferenceData } from '../database/reference-data';
import {
  addDays,
  addMonths,
  endOfMonth,
  FEMALE_BIRTH_ORDER,
  FEMALE_GIVEN,
  FEMALE_SECOND,
  FEMALE_TITLES,
  MALE_BIRTH_ORDER,
  MALE_GIVEN,
  MALE_SECOND,
  MALE_TITLES,
  OCCUPATIONS,
  type Title,
} from '../database/registry-vocabulary';
import { refreshPossibleDuplicates } from '../modules/workers/worker.service';

/** Serials of generated NIKs start here (demo: 0001–4999; tests: 5000–7999). */
const FIRST_SERIAL = 8000;
/** Gianyar's villages weigh this much more than another regency's in where people live. */
const GIANYAR_WEIGHT = 14;
/** Share of people (percent) who live in the kecamatan where they were first registered. */
const LIVES_WHERE_REGISTERED = 88;
/** A prime larger than any generation space here: i × P mod C visits every slot once. */
const STRIDE = 1_000_000_007n;
/** One generated partner per this many people. */
const PEOPLE_PER_PARTNER = 2_500;
/** Generated ids are time-ordered from this moment (2025-01-01), one millisecond per generated row. */
const ID_EPOCH_MS = 1_735_689_600_000;

interface Options {
  workers: number;
  batch: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { workers: 0, batch: 50_000 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--') continue;
    const [name, inline] = arg.split('=', 2);
    const value = inline ?? argv[(i += 1)];
    if (name === '--workers') options.workers = wholeNumber(name, value);
    else if (name === '--batch') options.batch = wholeNumber(name, value);
    else throw new Error(`unknown argument ${arg} (use --workers N [--batch N])`);
  }
  if (options.workers < 1) throw new Error('say how many: --workers N (e.g. --workers 1000000)');
  return options;
}

function wholeNumber(name: string, value: string | undefined): number {
  const n = Number(String(value).replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} needs a whole number, not ${value}`);
  return n;
}

/** Name heads ("I Wayan", "Ni Luh Putu", "Cokorda Gede"), repeated by weight: SQL picks one by hash. */
function heads(titles: readonly Title[], orders: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of titles) {
    for (const order of orders) for (let w = 0; w < t.weight; w += 1) out.push(t.birthOrder ? `${t.title} ${order}` : t.title);
  }
  return out;
}

/** SQL computes name_key as lower(full_name): true for these words, checked here once. */
function assertPlainWords(words: readonly string[]): void {
  for (const word of words) {
    if (!/^[A-Za-z]+( [A-Za-z]+)*$/.test(word) || nameKey(word) !== word.toLowerCase()) throw new Error(`not a plain word: ${word}`);
  }
}

interface Template extends EnrollmentFacts {
  group: 'past' | 'current' | 'budget';
}

/**
 * The enrollments people get, each priced once here by the domain's rules: past ones (ended,
 * before 2024), current ones (from 2024) and the regency-funded JKK + JKM of vulnerable people.
 * Past ones end before any current one starts, so one person's two never overlap.
 */
function templates(hasPmiRates: boolean): Template[] {
  const out: Template[] = [];
  const month = (from: string, count: number) => Array.from({ length: count }, (_, n) => addMonths(from, n));
  const bpu = [[Program.JKK, Program.JKM], [Program.JKK, Program.JKM], [Program.JKK, Program.JKM, Program.JHT]];
  const pu = [
    [Program.JKK, Program.JKM, Program.JHT],
    [Program.JKK, Program.JKM, Program.JHT, Program.JP],
    [Program.JKK, Program.JKM, Program.JHT, Program.JP, Program.JKP],
  ];
  const incomes = [1_000_000, 1_500_000, 2_000_000, 3_000_000];
  const risks = ['VERY_LOW', 'LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'];
  // Past: 2021-03 … 2023-02 starts, ended within 6–10 months (by 2023-12 at the latest).
  month('2021-03-01', 24).forEach((start, n) => {
    const endDate = endOfMonth(start, 5 + (n % 5));
    out.push({ group: 'past', category: Category.BPU, programs: bpu[n % 3], fundingSource: FundingSource.SELF, startDate: start, endDate, declaredIncome: incomes[n % 4] });
    out.push({ group: 'past', category: Category.PU, programs: pu[n % 3], fundingSource: FundingSource.EMPLOYER, startDate: start, endDate, declaredIncome: 3_000_000 + (n % 7) * 250_000, riskClass: risks[n % 5] });
  });
  // Current: 2024-01 … 2026-12 starts.
  month('2024-01-01', 36).forEach((start, n) => {
    for (let k = 0; k < 4; k += 1) {
      out.push({ group: 'current', category: Category.BPU, programs: bpu[(n + k) % 3], fundingSource: FundingSource.SELF, startDate: start, declaredIncome: incomes[(n + k) % 4] });
    }
    out.push({ group: 'current', category: Category.BPU, programs: [Program.JKK, Program.JKM], fundingSource: FundingSource.OTHER, startDate: start, declaredIncome: 1_500_000 });
    out.push({ group: 'current', category: Category.BPU, programs: [Program.JKK, Program.JKM], fundingSource: FundingSource.VILLAGE_BUDGET, startDate: start, endDate: endOfMonth(start, 11), declaredIncome: 1_000_000 });
    for (let k = 0; k < 2; k += 1) {
      out.push({ group: 'current', category: Category.PU, programs: pu[(n + k) % 3], fundingSource: FundingSource.EMPLOYER, startDate: start, declaredIncome: 3_200_000 + ((n * 3 + k) % 12) * 300_000, riskClass: risks[(n + k) % 5] });
    }
    out.push({ group: 'current', category: Category.JAKON, programs: [Program.JKK, Program.JKM], fundingSource: n % 3 ? FundingSource.EMPLOYER : FundingSource.VILLAGE_BUDGET, startDate: start, endDate: endOfMonth(start, 2 + (n % 6)), declaredIncome: 20_000_000 + (n % 15) * 5_000_000 });
    if (hasPmiRates) {
      out.push({ group: 'current', category: Category.PMI, programs: n % 2 ? [Program.JKK, Program.JKM] : [Program.JKK, Program.JKM, Program.JHT], fundingSource: n % 4 ? FundingSource.SELF : FundingSource.OTHER, startDate: start, endDate: endOfMonth(start, 23), declaredIncome: 12_000_000 });
    }
  });
  for (const start of ['2025-10-01', '2026-01-01', '2026-01-01', '2026-01-01', '2026-07-01']) {
    out.push({ group: 'budget', category: Category.BPU, programs: [Program.JKK, Program.JKM], fundingSource: FundingSource.REGENCY_BUDGET, startDate: start, endDate: start < '2026-01-01' ? '2025-12-31' : '2026-12-31', declaredIncome: 1_000_000 });
  }
  return out;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const config = loadConfig();
  const logger = pino({ level: 'warn' });
  let embedded: EmbeddedDatabase | null = null;
  if (!config.databaseUrl) {
    log(`starting the embedded PostgreSQL in ${config.dataDir}`);
    embedded = await startEmbeddedDatabase(config.dataDir, logger);
  }
  const dataSource = createDataSource(config.databaseUrl ?? embedded!.url, { poolSize: 2, acquireTimeoutMs: 60_000, statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.transaction((em) => loadReferenceData(em));
    await generate(dataSource, options);
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

async function generate(dataSource: DataSource, options: Options): Promise<void> {
  const started = performance.now();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const timings = process.env.GENERATE_TIMINGS === '1';
  const q = async (sql: string, params?: unknown[]) => {
    const start = performance.now();
    const result = await runner.query(sql, params);
    if (timings) log(`  ${(performance.now() - start).toFixed(0)} ms ${sql.replace(/\s+/g, ' ').trim().slice(0, 60)}`);
    return result;
  };
  try {
    const [{ already }] = await q(`SELECT count(*)::int AS already FROM workers WHERE substring(nik, 13, 4) >= $1`, [String(FIRST_SERIAL)]);
    if (already >= options.workers) {
      log(`${fmt(already)} generated workers already there (asked for ${fmt(options.workers)}): nothing to do`);
      return;
    }
    log(`generating workers ${fmt(already)} … ${fmt(options.workers)} in batches of ${fmt(options.batch)}`);

    await setUp(runner.manager);
    const [{ slots }] = await q(`SELECT count(*)::int AS slots FROM gen_slots`);
    const [{ villageSlots }] = await q(`SELECT count(*)::int AS "villageSlots" FROM gen_village_slots`);
    const [{ maxBand }] = await q(`SELECT max(band)::int AS "maxBand" FROM gen_slots`);
    // Birth dates: ages 18–70 on the demo's day, as many days as that spans.
    const youngest = `${Number(DEMO_AS_OF.slice(0, 4)) - 18}${DEMO_AS_OF.slice(4)}`;
    const oldest = addDays(`${Number(DEMO_AS_OF.slice(0, 4)) - 71}${DEMO_AS_OF.slice(4)}`, 1);
    const days = Math.round((Date.parse(youngest) - Date.parse(oldest)) / 86_400_000) + 1;
    const space = BigInt(slots) * BigInt(days) * 2n;
    const rounds = Math.ceil(options.workers / Number(space));
    if (FIRST_SERIAL + (maxBand + 1) * rounds > 9999) throw new Error(`${fmt(options.workers)} workers need more serials than a NIK has`);

    await partners(runner.manager, Math.max(20, Math.round(options.workers / PEOPLE_PER_PARTNER)), villageSlots);
    const counts = await loadTemplates(runner.manager);

    const maleHeads = heads(MALE_TITLES, MALE_BIRTH_ORDER);
    const femaleHeads = heads(FEMALE_TITLES, FEMALE_BIRTH_ORDER);
    const occupations = [...new Set(Object.values(OCCUPATIONS).flat())];
    [maleHeads, femaleHeads, MALE_GIVEN, FEMALE_GIVEN, MALE_SECOND, FEMALE_SECOND].forEach(assertPlainWords);

    let done = already;
    let enrollments = 0;
    while (done < options.workers) {
      const batchStart = performance.now();
      const end = Math.min(options.workers, done + options.batch);
      await runner.startTransaction();
      try {
        await q(`SET LOCAL synchronous_commit = off`);
        await q(`TRUNCATE gen_batch`);
        await q(WORKER_BATCH_SQL, [
          done, end, String(STRIDE), space.toString(), slots, youngest, rounds, villageSlots, LIVES_WHERE_REGISTERED,
          maleHeads, femaleHeads, MALE_GIVEN, FEMALE_GIVEN, MALE_SECOND, FEMALE_SECOND, occupations, DEMO_AS_OF,
        ]);
        await q(`INSERT INTO workers (id, nik, full_name, name_key, birth_date, gender, village_id, regency_id, occupation, vulnerable, phone, kpj, created_at, updated_at)
                 SELECT b.id, b.nik, b.full_name, lower(b.full_name), b.birth_date, b.gender, b.village_id, v.regency_id, b.occupation, b.vulnerable, b.phone, b.kpj, b.created_at, b.created_at
                 FROM gen_batch b JOIN villages v ON v.id = b.village_id ORDER BY b.i`);
        await q(`INSERT INTO worker_partners (partner_id, worker_id, first_reported_at, full_name)
                 SELECT partner_id, id, created_at, full_name FROM gen_batch WHERE partner_id IS NOT NULL
                 UNION ALL
                 SELECT extra_partner_id, id, created_at + interval '90 days', full_name FROM gen_batch
                 WHERE extra_partner_id IS NOT NULL AND extra_partner_id IS DISTINCT FROM partner_id`);
        const [{ written }] = await q(ENROLLMENT_BATCH_SQL, [counts.past, counts.current, counts.budget, DEMO_AS_OF]);
        enrollments += written;
        await runner.commitTransaction();
      } catch (error) {
        await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
      const seconds = (performance.now() - batchStart) / 1000;
      const total = (performance.now() - started) / 1000;
      log(
        `${fmt(end)} / ${fmt(options.workers)} workers, ${fmt(enrollments)} enrollments — batch ${fmt(Math.round((end - done) / seconds))} workers/s,` +
          ` overall ${fmt(Math.round((end - already) / total))} workers/s (${total.toFixed(0)} s)`,
      );
      done = end;
    }

    // Possible duplicates, by the registry's own rule, for everyone who shares a name and birth date.
    const dupStart = performance.now();
    const shared: Array<{ id: string }> = await q(
      `SELECT w.id FROM workers w
       JOIN (SELECT name_key, birth_date FROM workers GROUP BY name_key, birth_date HAVING count(*) > 1) d USING (name_key, birth_date)`,
    );
    await runner.manager.transaction((em) => refreshPossibleDuplicates({ em } as unknown as RequestContext, shared.map((row) => row.id)));
    log(`possible duplicates: ${fmt(shared.length)} people share a name and birth date (${((performance.now() - dupStart) / 1000).toFixed(1)} s)`);

    const analyzeStart = performance.now();
    await q(`ANALYZE workers, worker_partners, enrollments, partner_organisations`);
    log(`ANALYZE ${((performance.now() - analyzeStart) / 1000).toFixed(1)} s`);
    const totalSeconds = (performance.now() - started) / 1000;
    log(`done: ${fmt(options.workers - already)} workers and ${fmt(enrollments)} enrollments in ${totalSeconds.toFixed(0)} s (${fmt(Math.round((options.workers - already) / totalSeconds))} workers/s)`);
  } finally {
    await runner.release();
  }
}

/**
 * Session-local helpers: a hash of the generation index (the only source of variety), the
 * kecamatan slots NIKs are drawn from, where people of each kecamatan live, and the batch table.
 */
async function setUp(em: EntityManager): Promise<void> {
  await em.query(`CREATE OR REPLACE FUNCTION pg_temp.h(i bigint, k int) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
                  AS 'SELECT hashint8extended(i, k) & 9223372036854775807'`);
  // Time-ordered ids (UUID version 7: 48 bits of milliseconds, then hashed bits): generated rows
  // land at the end of the primary keys and of the indexes that lead with an id, instead of
  // all over them — what keeps a million inserts from slowing down as the tables grow.
  await em.query(`CREATE OR REPLACE FUNCTION pg_temp.v7(ms bigint, seed bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (lpad(to_hex(ms), 12, '0') || '7' || lpad(to_hex(pg_temp.h(seed, 30) % 4096), 3, '0')
            || to_hex(8 + pg_temp.h(seed, 31) % 4) || lpad(to_hex(pg_temp.h(seed, 32) % 4096), 3, '0')
            || lpad(to_hex(pg_temp.h(seed, 33) % 281474976710656), 12, '0'))::uuid $$`);
  // One slot per village (Gianyar's weigh GIANYAR_WEIGHT): a slot is a kecamatan and a band of serials.
  await em.query(`DROP TABLE IF EXISTS gen_slots, gen_kecamatan_villages, gen_village_slots, gen_batch, gen_regency_partners, gen_account_partners`);
  await em.query(`
    CREATE TEMP TABLE gen_slots AS
    SELECT (row_number() OVER (ORDER BY d.code, n) - 1)::int AS slot, replace(d.code, '.', '') AS kec6,
           (row_number() OVER (PARTITION BY d.code ORDER BY n) - 1)::int AS band
    FROM districts d
    JOIN regencies r ON r.id = d.regency_id
    CROSS JOIN LATERAL generate_series(1, (SELECT count(*) FROM villages v WHERE v.district_id = d.id)::int * CASE WHEN r.code = '51.04' THEN ${GIANYAR_WEIGHT} ELSE 1 END) AS n
    WHERE d.code LIKE '51.%'`);
  await em.query(`CREATE UNIQUE INDEX ON gen_slots (slot)`);
  await em.query(`
    CREATE TEMP TABLE gen_kecamatan_villages AS
    SELECT replace(d.code, '.', '') AS kec6, array_agg(v.id ORDER BY v.code) AS villages, count(*)::int AS n
    FROM districts d JOIN villages v ON v.district_id = d.id WHERE d.code LIKE '51.%' GROUP BY d.code`);
  await em.query(`
    CREATE TEMP TABLE gen_village_slots AS
    SELECT (row_number() OVER (ORDER BY v.code, n) - 1)::int AS idx, v.id AS village_id
    FROM villages v JOIN regencies r ON r.id = v.regency_id
    CROSS JOIN LATERAL generate_series(1, CASE WHEN r.code = '51.04' THEN ${GIANYAR_WEIGHT} ELSE 1 END) AS n
    WHERE v.code LIKE '51.%'`);
  await em.query(`CREATE UNIQUE INDEX ON gen_village_slots (idx)`);
  await em.query(`
    CREATE TEMP TABLE gen_batch (
      i bigint, id uuid, nik text, full_name text, birth_date date, gender text, village_id uuid, occupation text,
      vulnerable boolean, phone text, kpj text, created_at timestamptz, partner_id uuid, extra_partner_id uuid, enrollments int)`);
}

/** Generated partners (NPP 00xxxxxx, outside the demo's) up to `wanted`, and who may be tied to whom. */
async function partners(em: EntityManager, wanted: number, villageSlots: number): Promise<void> {
  const [{ have }] = await em.query(`SELECT count(*)::int AS have FROM partner_organisations WHERE npp LIKE '00%'`);
  if (have < wanted) {
    await em.query(
      `INSERT INTO partner_organisations (name, type, status, regency_id, village_id, contact_name, contact_phone, address, npp)
       SELECT CASE t.type
                WHEN 'BUSINESS' THEN 'CV ' || (ARRAY['Karya','Sari','Mertha','Dharma','Sedana','Bhakti','Wisesa','Jaya'])[1 + pg_temp.h(k, 102) % 8] || ' ' || v.name
                WHEN 'UMKM' THEN 'UMKM ' || (ARRAY['Ukiran','Perak','Anyaman Bambu','Tenun Endek','Jaja Bali','Canang','Lukisan','Patung'])[1 + pg_temp.h(k, 102) % 8] || ' ' || v.name
                WHEN 'ARTIST_COMMUNITY' THEN 'Sanggar ' || (ARRAY['Seni','Tari','Tabuh','Gamelan','Lukis'])[1 + pg_temp.h(k, 102) % 5] || ' ' || v.name
                WHEN 'LANGUAGE_EXTENSION' THEN 'Penyuluh Bahasa Bali Kecamatan ' || d.name
                WHEN 'VILLAGE_GOVERNMENT' THEN CASE WHEN v.type = 'DESA' THEN 'Pemerintah Desa ' ELSE 'Kelurahan ' END || v.name
                ELSE 'Koperasi ' || (ARRAY['Serba Usaha','Simpan Pinjam','Nelayan','Tani'])[1 + pg_temp.h(k, 102) % 4] || ' ' || v.name
              END,
              t.type, 'ACTIVE', v.regency_id, CASE WHEN t.type = 'LANGUAGE_EXTENSION' THEN NULL ELSE v.id END,
              (ARRAY['I Wayan','I Made','I Nyoman','I Ketut','Ni Luh','Ni Made','Ni Nyoman','Ni Ketut'])[1 + pg_temp.h(k, 103) % 8] || ' ' ||
                (ARRAY['Sudarsana','Arsana','Sukerti','Wirawan','Suartini','Adnyana','Ariani','Parwata'])[1 + pg_temp.h(k, 104) % 8],
              '0812' || lpad((pg_temp.h(k, 105) % 100000000)::text, 8, '0'),
              'Br. ' || (ARRAY['Kaja','Kelod','Kangin','Kauh','Tengah'])[1 + pg_temp.h(k, 106) % 5] || ', ' || v.name || ', ' || d.name,
              '00' || lpad(k::text, 6, '0')
       FROM generate_series($1::bigint, $2::bigint - 1) AS k
       CROSS JOIN LATERAL (SELECT (ARRAY['BUSINESS','UMKM','UMKM','ARTIST_COMMUNITY','LANGUAGE_EXTENSION','VILLAGE_GOVERNMENT','OTHER'])[1 + (k % 7)::int] AS type) t
       JOIN gen_village_slots s ON s.idx = pg_temp.h(k, 101) % $3
       JOIN villages v ON v.id = s.village_id
       JOIN districts d ON d.id = v.district_id`,
      [have, wanted, villageSlots],
    );
    log(`${fmt(wanted - have)} partner organisations generated`);
  }
  // Everyone is reported by a generated partner of their regency; some in a regency whose partners
  // have accounts (the demo's) also by one of those, so that a partner's scope is not empty.
  await em.query(`
    CREATE TEMP TABLE gen_regency_partners AS
    SELECT regency_id, array_agg(id ORDER BY npp) AS partners, count(*)::int AS n
    FROM partner_organisations WHERE npp LIKE '00%' AND status = 'ACTIVE' GROUP BY regency_id`);
  await em.query(`
    CREATE TEMP TABLE gen_account_partners AS
    SELECT p.regency_id, array_agg(DISTINCT p.id) AS partners, count(DISTINCT p.id)::int AS n
    FROM users u JOIN partner_organisations p ON p.id = u.partner_id GROUP BY p.regency_id`);
}

async function loadTemplates(em: EntityManager): Promise<{ past: number; current: number; budget: number }> {
  const rates = await readRates(em);
  const hasPmiRates = rates.some((rate) => rate.category === Category.PMI);
  if (!hasPmiRates) log('no PMI contribution rate in the table: no PMI enrollments generated');
  const rows = templates(hasPmiRates).map((template, ord) => {
    const { group, ...facts } = template;
    const result = checkEnrollment(facts, rates);
    if (!result.ok) throw new Error(`template ${JSON.stringify(template)} breaks a rule: ${JSON.stringify(result.problems)}`);
    const e = result.enrollment;
    return {
      ord,
      grp: group,
      ...enrollmentColumns(e),
    };
  });
  await em.query(`DROP TABLE IF EXISTS gen_templates`);
  await em.query(
    `CREATE TEMP TABLE gen_templates AS
     SELECT t.grp, (row_number() OVER (PARTITION BY t.grp ORDER BY t.ord) - 1)::int AS idx, t.category, t.programs, t.funding_source,
            t.start_date, t.end_date, t.declared_income, t.risk_class, t.monthly_contribution, t.contribution_breakdown
     FROM jsonb_to_recordset($1::jsonb) AS t(grp text, category text, programs text[], funding_source text, start_date date,
          end_date date, declared_income bigint, risk_class text, monthly_contribution bigint, contribution_breakdown jsonb, ord int)`,
    [JSON.stringify(rows)],
  );
  await em.query(`CREATE UNIQUE INDEX ON gen_templates (grp, idx)`);
  const count = (group: string) => rows.filter((row) => row.grp === group).length;
  return { past: count('past'), current: count('current'), budget: count('budget') };
}

/**
 * One batch of people, i in [$1, $2). c = i × stride mod space is a bijection: its slot gives
 * the kecamatan of first registration and a band of serials, the rest the birth day and sex; the
 * serial adds the round (i / space). Everything else is a hash of i.
 */
const WORKER_BATCH_SQL = `
  INSERT INTO gen_batch (i, id, nik, full_name, birth_date, gender, village_id, occupation, vulnerable, phone, kpj, created_at,
                         partner_id, extra_partner_id, enrollments)
  SELECT g.i, pg_temp.v7(${ID_EPOCH_MS} + g.i, g.i),
         s.kec6 || lpad((extract(day FROM g.birth)::int + 40 * g.female)::text, 2, '0') || to_char(g.birth, 'MMYY')
           || lpad((${FIRST_SERIAL} + s.band * $7::int + g.round)::text, 4, '0'),
         CASE WHEN g.female = 1
              THEN ($11::text[])[1 + pg_temp.h(g.i, 4) % cardinality($11::text[])] || ' ' || ($13::text[])[1 + pg_temp.h(g.i, 5) % cardinality($13::text[])]
                   || CASE WHEN pg_temp.h(g.i, 6) % 100 < 45 THEN ' ' || ($15::text[])[1 + pg_temp.h(g.i, 7) % cardinality($15::text[])] ELSE '' END
              ELSE ($10::text[])[1 + pg_temp.h(g.i, 4) % cardinality($10::text[])] || ' ' || ($12::text[])[1 + pg_temp.h(g.i, 5) % cardinality($12::text[])]
                   || CASE WHEN pg_temp.h(g.i, 6) % 100 < 45 THEN ' ' || ($14::text[])[1 + pg_temp.h(g.i, 7) % cardinality($14::text[])] ELSE '' END
         END,
         g.birth, CASE WHEN g.female = 1 THEN 'FEMALE' ELSE 'MALE' END,
         w.village_id,
         ($16::text[])[1 + pg_temp.h(g.i, 8) % cardinality($16::text[])],
         pg_temp.h(g.i, 9) % 100 < 30,
         CASE WHEN pg_temp.h(g.i, 10) % 100 < 60
              THEN (ARRAY['0812','0813','0819','0821','0822','0852','0857','0878'])[1 + pg_temp.h(g.i, 11) % 8] || lpad((pg_temp.h(g.i, 12) % 100000000)::text, 8, '0') END,
         CASE WHEN pg_temp.h(g.i, 13) % 100 < 50 THEN '9' || lpad(g.i::text, 10, '0') END,
         ($17::date - (pg_temp.h(g.i, 14) % 1000)::int)::timestamp + make_interval(hours => 8 + (pg_temp.h(g.i, 15) % 9)::int) - interval '8 hours',
         CASE WHEN pg_temp.h(g.i, 16) % 100 < 92 THEN rp.partners[1 + pg_temp.h(g.i, 17) % rp.n] END,
         CASE WHEN pg_temp.h(g.i, 18) % 100 < 3 THEN ap.partners[1 + pg_temp.h(g.i, 19) % ap.n] END,
         CASE WHEN pg_temp.h(g.i, 20) % 100 < 10 THEN 0 WHEN pg_temp.h(g.i, 20) % 100 < 65 THEN 1 ELSE 2 END
  FROM (
    SELECT i, (c % $5::int)::int AS slot, ((c / $5::int) % 2)::int AS female, $6::date - ((c / $5::int) / 2)::int AS birth, (i / $4::bigint)::int AS round
    FROM generate_series($1::bigint, $2::bigint - 1) AS i
    CROSS JOIN LATERAL (SELECT (i * $3::bigint) % $4::bigint AS c) x
  ) g
  JOIN gen_slots s ON s.slot = g.slot
  JOIN gen_kecamatan_villages kv ON kv.kec6 = s.kec6
  JOIN gen_village_slots vs ON vs.idx = pg_temp.h(g.i, 1) % $8::int
  CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.h(g.i, 2) % 100 < $9::int THEN kv.villages[1 + pg_temp.h(g.i, 3) % kv.n] ELSE vs.village_id END AS village_id) w
  JOIN villages v ON v.id = w.village_id
  LEFT JOIN gen_regency_partners rp ON rp.regency_id = v.regency_id
  LEFT JOIN gen_account_partners ap ON ap.regency_id = v.regency_id`;

/**
 * The batch's enrollments: a past one (ended before 2024) for those with two, a current one for
 * everyone with any — regency-funded (no partner) for some vulnerable people and for those no
 * partner reported, else reported by their partner. Statuses follow the dates on the demo's day.
 */
const ENROLLMENT_BATCH_SQL = `
  WITH written AS (
  INSERT INTO enrollments (id, worker_id, partner_id, category, programs, funding_source, start_date, end_date, declared_income, risk_class,
                           monthly_contribution, contribution_breakdown, status, created_at, updated_at)
  SELECT * FROM (
  SELECT pg_temp.v7(${ID_EPOCH_MS} + 2 * b.i + 1, -b.i), b.id, CASE WHEN t.funding_source = 'REGENCY_BUDGET' THEN NULL ELSE b.partner_id END, t.category, t.programs, t.funding_source,
         t.start_date, t.end_date, t.declared_income, t.risk_class, t.monthly_contribution, t.contribution_breakdown,
         CASE WHEN t.start_date > $4::date THEN 'PENDING'
              WHEN t.end_date < $4::date THEN 'ENDED'
              WHEN t.start_date >= $4::date - 60 AND pg_temp.h(b.i, 23) % 100 < 50 THEN 'PENDING'
              WHEN pg_temp.h(b.i, 23) % 100 < 86 THEN 'ACTIVE'
              ELSE 'LAPSED' END,
         c.at, greatest(c.at, least(coalesce(t.end_date + 1, t.start_date + 14), $4::date)::timestamptz)
  FROM gen_batch b
  CROSS JOIN LATERAL (
    SELECT CASE WHEN b.partner_id IS NULL OR (b.vulnerable AND pg_temp.h(b.i, 21) % 100 < 60) THEN 'budget' ELSE 'current' END AS grp
  ) k
  JOIN gen_templates t ON t.grp = k.grp AND t.idx = pg_temp.h(b.i, 22) % CASE WHEN k.grp = 'budget' THEN $3::int ELSE $2::int END
  CROSS JOIN LATERAL (SELECT least(t.start_date - 10, $4::date)::timestamptz + interval '1 hour' AS at) c
  WHERE b.enrollments >= 1 AND (b.partner_id IS NOT NULL OR b.vulnerable)
  UNION ALL
  SELECT pg_temp.v7(${ID_EPOCH_MS} + 2 * b.i, -b.i - 1), b.id, b.partner_id, t.category, t.programs, t.funding_source, t.start_date, t.end_date, t.declared_income, t.risk_class,
         t.monthly_contribution, t.contribution_breakdown, 'ENDED', (t.start_date - 10)::timestamptz, (t.end_date + 1)::timestamptz
  FROM gen_batch b
  JOIN gen_templates t ON t.grp = 'past' AND t.idx = pg_temp.h(b.i, 24) % $1::int
  WHERE b.enrollments = 2 AND b.partner_id IS NOT NULL
  ) rows
  -- In id order, which is the workers' order: appended to the indexes, not scattered over them.
  ORDER BY 1
  RETURNING 1)
  SELECT count(*)::int AS written FROM written`;

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function log(message: string): void {
  process.stdout.write(`[generate-registry ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`generate-registry failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
