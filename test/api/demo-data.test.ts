import {
  CATEGORIES,
  checkEnrollment,
  checkNik,
  ENROLLMENT_STATUSES,
  FUNDING_SOURCES,
  isPhone,
  nameKey,
  nikAgreementProblems,
  PartnerType,
  PROGRAMS_BY_CATEGORY,
  programsProblem,
  type Category,
  type ContributionRateParams,
  type FundingSource,
  type Program,
} from '@lindung/domain';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { ok, tokenOf, type DemoAccount } from '../support/api';

/**
 * The demo data set (CONTRACT §5, DEMO_DATA=1) as the API loaded it: read straight from the
 * database and checked by the shared rules. Demo people are those with a NIK serial below 5000 —
 * every test's own NIKs use 5000 and above — so the tests running beside this file do not count.
 */
const DEMO_AS_OF = '2026-11-01';
const DEMO_SERIALS = `substring(w.nik, 13, 4) < '5000'`;

interface DemoWorker {
  id: string;
  nik: string;
  full_name: string;
  name_key: string;
  birth_date: string;
  gender: 'MALE' | 'FEMALE';
  village_code: string;
  village_regency: string;
  regency_id: string;
  vulnerable: boolean;
  possible_duplicate: boolean;
  phone: string | null;
  kpj: string | null;
}

interface DemoEnrollment {
  id: string;
  worker_id: string;
  partner_id: string | null;
  category: Category;
  programs: Program[];
  funding_source: FundingSource;
  start_date: string;
  end_date: string | null;
  declared_income: string;
  risk_class: string | null;
  monthly_contribution: string;
  contribution_breakdown: Array<{ program: Program; amount: number; rateId: string | null }>;
  status: string;
  tied: boolean;
}

let db: Client;
let workers: DemoWorker[];
let enrollments: DemoEnrollment[];
let kecamatanCodes: Set<string>;

beforeAll(async () => {
  db = new Client({ connectionString: process.env.LINDUNG_DATABASE_URL });
  await db.connect();
  // pg gives a `date` as a Date at local midnight unless told otherwise: keep the calendar day.
  db.setTypeParser(1082, (value: string) => value);
  workers = (
    await db.query(
      `SELECT w.id, w.nik, w.full_name, w.name_key, w.birth_date, w.gender, v.code AS village_code, v.regency_id AS village_regency,
              w.regency_id, w.vulnerable, w.possible_duplicate, w.phone, w.kpj
       FROM workers w JOIN villages v ON v.id = w.village_id WHERE ${DEMO_SERIALS}`,
    )
  ).rows;
  enrollments = (
    await db.query(
      `SELECT e.*, EXISTS (SELECT 1 FROM worker_partners wp WHERE wp.worker_id = e.worker_id AND wp.partner_id = e.partner_id) AS tied
       FROM enrollments e JOIN workers w ON w.id = e.worker_id WHERE ${DEMO_SERIALS}`,
    )
  ).rows;
  kecamatanCodes = new Set((await db.query(`SELECT code FROM region_codes WHERE code ~ '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}$'`)).rows.map((r) => r.code));
});

afterAll(async () => {
  await db?.end();
});

describe('the demo registry', () => {
  it('should hold about 2,000 people, each with a valid NIK agreeing with their birth date and sex', () => {
    expect(workers.length).toBeGreaterThanOrEqual(1_900);
    expect(workers.length).toBeLessThanOrEqual(2_200);
    const wrong: string[] = [];
    for (const worker of workers) {
      const check = checkNik(worker.nik, (code) => kecamatanCodes.has(code));
      if (!check.ok) {
        wrong.push(`${worker.nik}: ${check.reason.code}`);
        continue;
      }
      const problems = nikAgreementProblems(check.facts, { birthDate: worker.birth_date, gender: worker.gender }, DEMO_AS_OF);
      if (Object.keys(problems).length) wrong.push(`${worker.nik}: ${JSON.stringify(problems)}`);
      if (!check.facts.kecamatanCode.startsWith('51.')) wrong.push(`${worker.nik}: first registered outside Bali`);
      if (check.facts.serial < 1 || check.facts.serial > 4999) wrong.push(`${worker.nik}: serial ${check.facts.serial}`);
    }
    expect(wrong).toEqual([]);
    expect(new Set(workers.map((w) => w.nik)).size).toBe(workers.length);
  });

  it('should give everyone an age of 18 to 70, a Balinese name with its key, and the regency of their village', () => {
    const ageOn = (birth: string) => {
      const [y, m, d] = birth.split('-').map(Number);
      const [ty, tm, td] = DEMO_AS_OF.split('-').map(Number);
      return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
    };
    const ages = workers.map((w) => ageOn(w.birth_date));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...ages)).toBeLessThanOrEqual(70);
    expect(workers.filter((w) => w.name_key !== nameKey(w.full_name))).toEqual([]);
    expect(workers.filter((w) => !/^(I|Ni|Ida|Anak|Cokorda|Desak) /i.test(w.full_name))).toEqual([]);
    expect(workers.filter((w) => w.regency_id !== w.village_regency)).toEqual([]);
    expect(workers.filter((w) => (w.phone && !isPhone(w.phone)) || (w.kpj && !/^\d{11}$/.test(w.kpj)))).toEqual([]);
    // The NIK records where a person was first registered: usually, not always, where they live.
    const elsewhere = workers.filter((w) => w.nik.slice(0, 6) !== w.village_code.slice(0, 8).replace(/\./g, '')).length;
    expect(elsewhere / workers.length).toBeGreaterThan(0.05);
    expect(elsewhere / workers.length).toBeLessThan(0.3);
    const vulnerable = workers.filter((w) => w.vulnerable).length / workers.length;
    expect(vulnerable).toBeGreaterThan(0.15);
    expect(vulnerable).toBeLessThan(0.6);
  });

  it("should spread people over every one of Gianyar's 70 villages, with more in Mas and Batuan, and some in Badung", () => {
    const byVillage = new Map<string, number>();
    for (const w of workers) byVillage.set(w.village_code, (byVillage.get(w.village_code) ?? 0) + 1);
    expect([...byVillage.keys()].filter((code) => code.startsWith('51.04.'))).toHaveLength(70);
    expect(byVillage.get('51.04.05.2002')).toBeGreaterThanOrEqual(100);
    expect(byVillage.get('51.04.01.2007')).toBeGreaterThanOrEqual(100);
    expect(workers.filter((w) => w.village_code.startsWith('51.03.')).length).toBeGreaterThanOrEqual(50);
  });

  it('should flag exactly the people who share a name and birth date with another, and hold a few such pairs', async () => {
    const { rows } = await db.query(
      `SELECT w.id, w.possible_duplicate, EXISTS (
         SELECT 1 FROM workers o WHERE o.name_key = w.name_key AND o.birth_date = w.birth_date AND o.id <> w.id
           AND NOT EXISTS (SELECT 1 FROM worker_distinct_pairs d WHERE d.worker_a = least(w.id, o.id) AND d.worker_b = greatest(w.id, o.id))
       ) AS expected
       FROM workers w WHERE ${DEMO_SERIALS}`,
    );
    expect(rows.filter((r) => r.possible_duplicate !== r.expected)).toEqual([]);
    const flagged = workers.filter((w) => w.possible_duplicate);
    expect(flagged.length).toBeGreaterThanOrEqual(20);
    // Same name and birth date, another NIK.
    const nikOf = new Map<string, Set<string>>();
    for (const w of flagged) nikOf.set(`${w.name_key}|${w.birth_date}`, (nikOf.get(`${w.name_key}|${w.birth_date}`) ?? new Set()).add(w.nik));
    expect([...nikOf.values()].every((niks) => niks.size >= 2)).toBe(true);
  });

  // Other test files may enroll demo workers meanwhile (and are audited): the demo's own writes are
  // those without a request — none — and the demo people's creation.
  it('should write no audit events for the demo data', async () => {
    const { rows } = await db.query(
      `SELECT (SELECT count(*)::int FROM audit_events WHERE request_id IS NULL) AS without_request,
              (SELECT count(*)::int FROM audit_events a
               WHERE a.action = 'CREATE' AND a.entity_id IN (SELECT w.id::text FROM workers w WHERE ${DEMO_SERIALS})) AS demo_people`,
    );
    expect(rows[0]).toEqual({ without_request: 0, demo_people: 0 });
  });
});

describe('the demo partner organisations', () => {
  it('should hold every partner type in Gianyar and some in Badung, each with an NPP, an address and a contact', async () => {
    const { rows } = await db.query(
      `SELECT p.name, p.type, p.npp, p.address, p.contact_name, p.contact_phone, r.code AS regency
       FROM partner_organisations p JOIN regencies r ON r.id = p.regency_id WHERE p.npp LIKE '0%'`,
    );
    const gianyarTypes = new Set(rows.filter((p) => p.regency === '51.04').map((p) => p.type));
    expect([...gianyarTypes].sort()).toEqual(Object.values(PartnerType).sort());
    expect(rows.filter((p) => p.regency === '51.03').length).toBeGreaterThanOrEqual(2);
    for (const name of ['Sanggar Seni Tari Mas', 'CV Kerajinan Gianyar Lestari', 'Penyuluh Bahasa Bali Kabupaten Gianyar']) {
      expect(rows.map((p) => p.name)).toContain(name);
    }
    expect(rows.filter((p) => !/^\d{8}$/.test(p.npp) || !p.address || !p.contact_name || !isPhone(p.contact_phone))).toEqual([]);
    expect(new Set(rows.map((p) => p.npp)).size).toBe(rows.length);
  });

  it.each([
    ['mitraSanggar', 'Sanggar Seni Tari Mas'],
    ['mitraUsaha', 'CV Kerajinan Gianyar Lestari'],
    ['mitraPenyuluh', 'Penyuluh Bahasa Bali Kabupaten Gianyar'],
  ] as Array<[DemoAccount, string]>)('should show %s (%s) its 150–400 demo workers', async (account, name) => {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM worker_partners wp JOIN partner_organisations p ON p.id = wp.partner_id
       JOIN workers w ON w.id = wp.worker_id WHERE p.name = $1 AND ${DEMO_SERIALS}`,
      [name],
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(150);
    expect(rows[0].n).toBeLessThanOrEqual(400);
    const data = await ok(`{ allWorkers(perPage: 50) { id } _allWorkersMeta { count } allEnrollments(perPage: 50) { id partnerId } }`, {}, await tokenOf(account));
    // Other test files may be adding this partner's people right now: at least the demo's.
    expect(data._allWorkersMeta.count).toBeGreaterThanOrEqual(rows[0].n);
    expect(data.allWorkers).toHaveLength(50);
    expect(data.allEnrollments.length).toBeGreaterThan(0);
  });

  it('should show the village heads of Mas and Batuan their people, and an official only its regency', async () => {
    for (const account of ['perbekelMas', 'perbekelBatuan'] as DemoAccount[]) {
      expect((await ok(`{ _allWorkersMeta { count } }`, {}, await tokenOf(account)))._allWorkersMeta.count).toBeGreaterThanOrEqual(100);
    }
    const badung = await ok(`{ allWorkers(perPage: 100) { regencyId } _allWorkersMeta { count } }`, {}, await tokenOf('pejabatBadung'));
    expect(badung._allWorkersMeta.count).toBeGreaterThanOrEqual(50);
    const badungRegency = workers.find((w) => w.village_code.startsWith('51.03.'))!.regency_id;
    expect(badung.allWorkers.every((w: { regencyId: string }) => w.regencyId === badungRegency)).toBe(true);
  });
});

describe('the demo enrollments', () => {
  it('should cover every category, status and funding source, and every program each category allows', () => {
    expect(new Set(enrollments.map((e) => e.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(enrollments.map((e) => e.status))).toEqual(new Set(ENROLLMENT_STATUSES));
    expect(new Set(enrollments.map((e) => e.funding_source))).toEqual(new Set(FUNDING_SOURCES));
    for (const category of CATEGORIES) {
      const seen = new Set(enrollments.filter((e) => e.category === category).flatMap((e) => e.programs));
      const allowed = PROGRAMS_BY_CATEGORY[category];
      expect([...seen].sort()).toEqual([...allowed.required, ...allowed.optional].sort());
    }
    expect(enrollments.filter((e) => programsProblem(e.category, e.programs) !== null)).toEqual([]);
    expect(enrollments.filter((e) => e.category === 'PU' && !e.risk_class)).toEqual([]);
  });

  it('should date them consistently: ended ones with an end, none ending before it starts', () => {
    expect(enrollments.filter((e) => e.status === 'ENDED' && !e.end_date)).toEqual([]);
    expect(enrollments.filter((e) => e.end_date && e.end_date < e.start_date)).toEqual([]);
    expect(enrollments.filter((e) => e.status === 'ENDED' && e.end_date! > DEMO_AS_OF)).toEqual([]);
    expect(enrollments.filter((e) => e.status === 'ACTIVE' && e.start_date > DEMO_AS_OF)).toEqual([]);
  });

  it('should be reported by a partner the worker is tied to, or funded by the regency without one', () => {
    expect(enrollments.filter((e) => (e.partner_id ? !e.tied : e.funding_source !== 'REGENCY_BUDGET'))).toEqual([]);
  });

  it('should cost what the domain computes from the rates in the table', async () => {
    const rates: ContributionRateParams[] = (
      await db.query(
        `SELECT id, program, category, bracket, percent::float8 AS percent, flat_amount::float8 AS "flatAmount",
                minimum_amount::float8 AS "minimumAmount", maximum_base::float8 AS "maximumBase",
                valid_from::text AS "validFrom", valid_to::text AS "validTo"
         FROM contribution_rates`,
      )
    ).rows;
    const wrong: unknown[] = [];
    for (const e of enrollments) {
      const result = checkEnrollment(
        {
          category: e.category,
          programs: e.programs,
          fundingSource: e.funding_source,
          startDate: e.start_date,
          endDate: e.end_date,
          declaredIncome: Number(e.declared_income),
          riskClass: e.risk_class,
        },
        rates,
      );
      if (!result.ok) wrong.push({ id: e.id, problems: result.problems });
      else if (result.enrollment.monthlyContribution !== Number(e.monthly_contribution) || !isDeepStrictEqual(result.enrollment.contributionBreakdown, e.contribution_breakdown)) {
        wrong.push({ id: e.id, stored: [e.monthly_contribution, e.contribution_breakdown], computed: [result.enrollment.monthlyContribution, result.enrollment.contributionBreakdown] });
      }
    }
    expect(wrong).toEqual([]);
    // The vulnerable-worker subsidy: JKK + JKM at the lowest bracket, Rp16,800 a month.
    expect(new Set(enrollments.filter((e) => e.funding_source === 'REGENCY_BUDGET').map((e) => Number(e.monthly_contribution)))).toEqual(new Set([16_800]));
  });

  it('should never cover one worker twice in one program on one day', async () => {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM enrollments a JOIN enrollments b
         ON a.worker_id = b.worker_id AND a.programs && b.programs AND a.id < b.id
        AND daterange(a.start_date, a.end_date, '[]') && daterange(b.start_date, b.end_date, '[]')
       JOIN workers w ON w.id = a.worker_id WHERE ${DEMO_SERIALS}`,
    );
    expect(rows[0].n).toBe(0);
  });
});
