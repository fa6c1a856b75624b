/**
 * The demo registry (CONTRACT §5): partner organisations of every type in Gianyar and a few in
 * Badung, about 2,000 people with valid NIKs living in Gianyar's 70 villages (more in Mas and
 * Batuan, whose perbekel have demo accounts) and in Badung, tied to the partners that reported
 * them, and their enrollments in every category, program, funding source and state — priced by
 * the domain's `checkEnrollment` from the rates in the contribution_rates table.
 *
 * Deterministic: one seeded random source, a fixed "as of" day, villages looked up by code; the
 * same set on every start. Set-based: built in memory, then written with one multi-row INSERT
 * per table. No audit events — nobody did these things.
 */
import {
  Category,
  checkEnrollment,
  checkWorker,
  EnrollmentStatus,
  FundingSource,
  PartnerStatus,
  PartnerType,
  Program,
  type CheckedWorker,
  type ContributionRateParams,
  type EnrollmentFacts,
  type Gender,
  type PricedEnrollment,
} from '@lindung/domain';
import { enrollmentColumns } from '../modules/enrollments/enrollment.columns';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../core/context';
import { refreshPossibleDuplicates } from '../modules/workers/worker.service';
import {
  addDays,
  addMonths,
  balineseName,
  birthDateFor,
  composeNik,
  endOfMonth,
  mobilePhone,
  monthBetween,
  OCCUPATIONS,
  Rng,
  type OccupationGroup,
} from './registry-vocabulary';

/** The day the demo registry is "as of": statuses and ages are true on it, whatever today is. */
export const DEMO_AS_OF = '2026-11-01';
const SEED = 0x51_04_05_20;

const MAS = '51.04.05.2002';
const BATUAN = '51.04.01.2007';
const GIANYAR_TOWN = '51.04.03.1006';

export interface DemoPartner {
  key: string;
  name: string;
  type: PartnerType;
  regency: string;
  village: string | null;
  contactName: string;
  address: string;
  status?: PartnerStatus;
  statusReason?: string;
  email?: string;
}

/** The first three have demo accounts (mitra.sanggar, mitra.usaha, mitra.penyuluh): names kept. */
export const DEMO_PARTNERS: readonly DemoPartner[] = [
  { key: 'sanggar', name: 'Sanggar Seni Tari Mas', type: PartnerType.ARTIST_COMMUNITY, regency: '51.04', village: MAS, contactName: 'I Made Sudarsana', address: 'Jl. Raya Mas No. 88, Mas, Ubud, Gianyar' },
  { key: 'usaha', name: 'CV Kerajinan Gianyar Lestari', type: PartnerType.BUSINESS, regency: '51.04', village: GIANYAR_TOWN, contactName: 'Ni Luh Putu Ayu', address: 'Jl. Ngurah Rai No. 21, Gianyar', email: 'admin@gianyarlestari.co.id' },
  { key: 'penyuluh', name: 'Penyuluh Bahasa Bali Kabupaten Gianyar', type: PartnerType.LANGUAGE_EXTENSION, regency: '51.04', village: null, contactName: 'I Wayan Gede Arsana', address: 'Dinas Kebudayaan Kabupaten Gianyar, Jl. Ciung Wanara, Gianyar' },
  { key: 'peliatan', name: 'Sanggar Tabuh Gita Semara Peliatan', type: PartnerType.ARTIST_COMMUNITY, regency: '51.04', village: '51.04.05.2006', contactName: 'I Ketut Suwirya', address: 'Br. Teruna, Peliatan, Ubud, Gianyar' },
  { key: 'resort', name: 'PT Griya Sayan Resort', type: PartnerType.BUSINESS, regency: '51.04', village: '51.04.05.2008', contactName: 'Ni Made Suartini', address: 'Jl. Raya Sayan No. 70, Sayan, Ubud, Gianyar', email: 'hrd@griyasayan.co.id' },
  { key: 'konstruksi', name: 'CV Tukad Petanu Konstruksi', type: PartnerType.BUSINESS, regency: '51.04', village: '51.04.02.2007', contactName: 'I Nyoman Parwata', address: 'Jl. Raya Goa Gajah No. 12, Bedulu, Blahbatuh, Gianyar' },
  { key: 'perak', name: 'UMKM Perak Celuk Sari', type: PartnerType.UMKM, regency: '51.04', village: '51.04.01.2005', contactName: 'I Wayan Sukarta', address: 'Jl. Raya Celuk No. 31, Celuk, Sukawati, Gianyar' },
  { key: 'lukisan', name: 'UMKM Lukisan Batuan Kreasi', type: PartnerType.UMKM, regency: '51.04', village: BATUAN, contactName: 'I Made Budiarta', address: 'Br. Pekandelan, Batuan, Sukawati, Gianyar' },
  { key: 'bambu', name: 'UMKM Kerajinan Bambu Tegallalang', type: PartnerType.UMKM, regency: '51.04', village: '51.04.06.2002', contactName: 'Ni Ketut Sukerti', address: 'Jl. Raya Tegallalang No. 9, Tegallalang, Gianyar' },
  { key: 'desaBatuan', name: 'Pemerintah Desa Batuan', type: PartnerType.VILLAGE_GOVERNMENT, regency: '51.04', village: BATUAN, contactName: 'I Nyoman Suarjana', address: 'Kantor Perbekel Batuan, Jl. Raya Batuan, Sukawati, Gianyar' },
  { key: 'desaKeramas', name: 'Pemerintah Desa Keramas', type: PartnerType.VILLAGE_GOVERNMENT, regency: '51.04', village: '51.04.02.2003', contactName: 'I Ketut Sumerta', address: 'Kantor Perbekel Keramas, Blahbatuh, Gianyar' },
  { key: 'nelayan', name: 'Koperasi Nelayan Segara Lebih', type: PartnerType.OTHER, regency: '51.04', village: '51.04.03.2004', contactName: 'I Wayan Kariasa', address: 'Jl. Pantai Lebih, Lebih, Gianyar' },
  { key: 'lpk', name: 'LPK Bali Duta Kapal Pesiar', type: PartnerType.OTHER, regency: '51.04', village: '51.04.01.2004', contactName: 'Ni Kadek Ariani', address: 'Jl. Raya Sukawati No. 5, Sukawati, Gianyar', email: 'info@baliduta.or.id' },
  {
    key: 'warung',
    name: 'UMKM Jaja Bali Ubud',
    type: PartnerType.UMKM,
    regency: '51.04',
    village: '51.04.05.1005',
    contactName: 'Ni Nyoman Wartini',
    address: 'Jl. Suweta No. 4, Ubud, Gianyar',
    status: PartnerStatus.SUSPENDED,
    statusReason: 'Laporan iuran tiga bulan berturut-turut tidak disampaikan',
  },
  { key: 'kuta', name: 'PT Kuta Segara Hospitality', type: PartnerType.BUSINESS, regency: '51.03', village: '51.03.01.1004', contactName: 'I Gede Wirawan', address: 'Jl. Legian No. 140, Legian, Kuta, Badung', email: 'people@kutasegara.co.id' },
  { key: 'abiansemal', name: 'UMKM Anyaman Bambu Abiansemal', type: PartnerType.UMKM, regency: '51.03', village: '51.03.03.2008', contactName: 'Ni Wayan Rusmini', address: 'Br. Aseman, Abiansemal, Badung' },
  { key: 'pecatu', name: 'Pemerintah Desa Pecatu', type: PartnerType.VILLAGE_GOVERNMENT, regency: '51.03', village: '51.03.05.2001', contactName: 'I Made Sujana', address: 'Kantor Perbekel Pecatu, Kuta Selatan, Badung' },
];

/** How a cohort's people are enrolled (see `enrollmentsOf`). */
type Profile = 'selfBpu' | 'employer' | 'hotel' | 'construction' | 'village' | 'fishers' | 'migrant' | 'lapsing' | 'regency';

/** People reached by one partner (or by none: registered by the regency), where they live and how they are covered. */
interface Cohort {
  partner: string | null;
  size: number;
  /** Village code prefixes (a village, a kecamatan, a regency) and their weights. */
  villages: ReadonlyArray<readonly [string, number]>;
  occupations: OccupationGroup;
  vulnerable: number;
  profile: Profile;
  ages?: [number, number];
  /** Share of the cohort also reported by another partner. */
  alsoTiedTo?: { partner: string; share: number };
  /** The first people of the cohort get one village each of this prefix, so that every village has some. */
  coverEvery?: string;
}

const COHORTS: readonly Cohort[] = [
  { partner: 'sanggar', size: 300, villages: [[MAS, 55], ['51.04.05', 30], ['51.04.01', 10], ['51.04', 5]], occupations: 'arts', vulnerable: 0.3, profile: 'selfBpu', alsoTiedTo: { partner: 'penyuluh', share: 0.08 } },
  { partner: 'usaha', size: 250, villages: [['51.04.03', 50], ['51.04.01', 20], ['51.04.02', 20], ['51.04', 10]], occupations: 'craft', vulnerable: 0.1, profile: 'employer' },
  { partner: 'penyuluh', size: 220, villages: [['51.04', 100]], occupations: 'informal', vulnerable: 0.6, profile: 'selfBpu' },
  { partner: 'peliatan', size: 80, villages: [['51.04.05.2006', 60], ['51.04.05', 40]], occupations: 'arts', vulnerable: 0.3, profile: 'selfBpu' },
  { partner: 'resort', size: 120, villages: [['51.04.05', 50], ['51.04.06', 25], ['51.04.07', 15], ['51.04', 10]], occupations: 'tourism', vulnerable: 0.02, profile: 'hotel', ages: [19, 55] },
  { partner: 'konstruksi', size: 90, villages: [['51.04.02', 40], ['51.04', 60]], occupations: 'construction', vulnerable: 0.15, profile: 'construction', ages: [19, 60] },
  { partner: 'perak', size: 70, villages: [['51.04.01.2005', 60], ['51.04.01', 40]], occupations: 'craft', vulnerable: 0.1, profile: 'employer' },
  { partner: 'lukisan', size: 60, villages: [[BATUAN, 70], ['51.04.01', 30]], occupations: 'arts', vulnerable: 0.25, profile: 'selfBpu' },
  { partner: 'bambu', size: 60, villages: [['51.04.06', 80], ['51.04', 20]], occupations: 'craft', vulnerable: 0.3, profile: 'selfBpu' },
  { partner: 'desaBatuan', size: 100, villages: [[BATUAN, 90], ['51.04.01.2012', 10]], occupations: 'informal', vulnerable: 0.7, profile: 'village' },
  { partner: 'desaKeramas', size: 60, villages: [['51.04.02.2003', 100]], occupations: 'informal', vulnerable: 0.7, profile: 'village' },
  { partner: 'nelayan', size: 70, villages: [['51.04.03.2004', 40], ['51.04.02.2003', 20], ['51.04.03', 30], ['51.04.01.2002', 10]], occupations: 'fishing', vulnerable: 0.5, profile: 'fishers' },
  { partner: 'lpk', size: 60, villages: [['51.04', 100]], occupations: 'migrant', vulnerable: 0, profile: 'migrant', ages: [20, 40] },
  { partner: 'warung', size: 25, villages: [['51.04.05.1005', 60], ['51.04.05', 40]], occupations: 'informal', vulnerable: 0.2, profile: 'lapsing' },
  { partner: 'kuta', size: 70, villages: [['51.03.01', 50], ['51.03.06', 30], ['51.03', 20]], occupations: 'tourism', vulnerable: 0, profile: 'hotel', ages: [19, 55] },
  { partner: 'abiansemal', size: 40, villages: [['51.03.03', 100]], occupations: 'craft', vulnerable: 0.2, profile: 'selfBpu' },
  { partner: 'pecatu', size: 50, villages: [['51.03.05.2001', 100]], occupations: 'informal', vulnerable: 0.6, profile: 'village' },
  { partner: null, size: 275, villages: [['51.04', 85], [MAS, 8], [BATUAN, 7]], occupations: 'informal', vulnerable: 0.55, profile: 'regency', coverEvery: '51.04' },
];

/** People reported twice under two NIKs (a typo in one): same name and birth date — possible duplicates. */
const DUPLICATE_PAIRS = 14;

const BPU_INCOMES: ReadonlyArray<readonly [number, number]> = [[1_000_000, 30], [1_500_000, 20], [2_000_000, 20], [2_500_000, 12], [3_000_000, 10], [4_000_000, 8]];
const RISK_CLASSES = { craft: [['LOW', 40], ['MEDIUM', 40], ['VERY_LOW', 10], ['HIGH', 10]], hotel: [['VERY_LOW', 60], ['LOW', 40]] } as const;
const PU_PROGRAMS: ReadonlyArray<readonly [Program[], number]> = [
  [[Program.JKK, Program.JKM], 10],
  [[Program.JKK, Program.JKM, Program.JHT], 35],
  [[Program.JKK, Program.JKM, Program.JHT, Program.JP], 35],
  [[Program.JKK, Program.JKM, Program.JHT, Program.JP, Program.JKP], 20],
];
/** The lowest BPU bracket: JKK's minimum + JKM = the Rp16,800 a month of a regency- or village-funded worker. */
const LOWEST_BRACKET = 1_000_000;

/**
 * PMI contributions are flat amounts (Permenaker 4/2023): JKK + JKM together Rp13,500 a month
 * beyond the contract's first period, JHT a chosen amount from Rp50,000. The migration seeds no
 * PMI rate; the demo adds these as an administrator would (dated, editable) when none exists.
 */
const PMI_RATES = [
  { program: Program.JKK, flat: 13_500, basis: 'Permenaker 4/2023 ps. 18(3): JKK + JKM Rp13.500 sebulan, dicatat pada JKK (data demo)' },
  { program: Program.JKM, flat: 0, basis: 'Permenaker 4/2023 ps. 18(3): sudah termasuk dalam iuran JKK (data demo)' },
  { program: Program.JHT, flat: 50_000, basis: 'Permenaker 4/2023: JHT pilihan Rp50.000–Rp600.000 sebulan, yang terendah (data demo)' },
] as const;
const PMI_RATES_FROM = '2023-03-01';

export interface ReferenceForDemo {
  /** Every village of Bali: id and code, ordered by code. */
  villages: ReadonlyArray<{ id: string; code: string }>;
  /** Kecamatan codes the NIK check knows (dotted). */
  kecamatanCodes: ReadonlySet<string>;
  rates: readonly ContributionRateParams[];
  partnerIds: ReadonlyMap<string, string>;
}

export interface DemoWorker extends CheckedWorker {
  villageId: string;
  createdAt: string;
}

export interface DemoEnrollment extends PricedEnrollment {
  nik: string;
  partnerId: string | null;
  status: EnrollmentStatus;
  createdAt: string;
  updatedAt: string;
}

export interface DemoRegistry {
  workers: DemoWorker[];
  ties: Array<{ partnerId: string; nik: string; at: string }>;
  enrollments: DemoEnrollment[];
}

/** A plan of one enrollment, before it is checked and priced. */
type Plan = EnrollmentFacts & { status: EnrollmentStatus; partner: string | null };

/** Builds the registry in memory; throws if any person or enrollment would break a rule. */
export function buildDemoRegistry(reference: ReferenceForDemo): DemoRegistry {
  const rng = new Rng(SEED);
  const villagesByCode = new Map(reference.villages.map((v) => [v.code, v]));
  const baliKecamatan = [...reference.kecamatanCodes].filter((code) => code.startsWith('51.')).sort();
  const isKnown = (code: string) => reference.kecamatanCodes.has(code);
  const usedNiks = new Set<string>();
  const workers: DemoWorker[] = [];
  const ties: DemoRegistry['ties'] = [];
  const enrollments: DemoEnrollment[] = [];
  const partnerId = (key: string) => {
    const id = reference.partnerIds.get(key);
    if (!id) throw new Error(`demo partner ${key} was not created`);
    return id;
  };
  let kpjCounter = 0;

  const newNik = (kecamatan6: string, birthDate: string, gender: Gender): string => {
    for (;;) {
      // Serials 0001–4999: the tests' NIKs use 5000 and above, the generator 8000 and above.
      const nik = composeNik(kecamatan6, birthDate, gender, rng.between(1, 4999));
      if (!usedNiks.has(nik)) {
        usedNiks.add(nik);
        return nik;
      }
    }
  };

  const addWorker = (facts: { fullName: string; birthDate: string; gender: Gender; nik: string; occupation: string; vulnerable: boolean; villageCode: string; createdAt: string; hasCover: boolean }) => {
    const checked = checkWorker(
      {
        nik: facts.nik,
        fullName: facts.fullName,
        birthDate: facts.birthDate,
        gender: facts.gender,
        occupation: facts.occupation,
        vulnerable: facts.vulnerable,
        phone: rng.chance(0.65) ? mobilePhone(rng) : null,
        kpj: facts.hasCover && rng.chance(0.7) ? `2${String(510_400_000 + (kpjCounter += 1) * 37).padStart(10, '0')}` : null,
      },
      isKnown,
      DEMO_AS_OF,
    );
    if (!checked.ok) throw new Error(`demo worker ${facts.fullName} breaks a rule: ${JSON.stringify(checked.problems)}`);
    const worker: DemoWorker = { ...checked.worker, villageId: villagesByCode.get(facts.villageCode)!.id, createdAt: facts.createdAt };
    workers.push(worker);
    return worker;
  };

  for (const cohort of COHORTS) {
    const pickVillage = villagePicker(cohort.villages, reference.villages);
    const cover = cohort.coverEvery ? reference.villages.filter((v) => v.code.startsWith(`${cohort.coverEvery}.`)).map((v) => v.code) : [];
    for (let n = 0; n < cohort.size; n += 1) {
      const gender: Gender = cohort.profile === 'construction' || cohort.occupations === 'fishing' ? (rng.chance(0.9) ? 'MALE' : 'FEMALE') : rng.chance(0.5) ? 'MALE' : 'FEMALE';
      const [minAge, maxAge] = cohort.ages ?? [18, 70];
      const birthDate = birthDateFor(rng, DEMO_AS_OF, minAge, maxAge);
      const villageCode = n < cover.length ? cover[n] : pickVillage(rng);
      // The kecamatan where the person was first registered: usually the one they live in.
      const firstRegistered = rng.chance(0.85) ? villageCode.slice(0, 8) : rng.pick(baliKecamatan);
      const nik = newNik(firstRegistered.replace(/\./g, ''), birthDate, gender);
      const vulnerable = rng.chance(cohort.vulnerable);
      const plans = enrollmentsOf(rng, cohort, { vulnerable, birthDate });
      const priced = plans.map((plan) => priceOrThrow(rng, plan, reference.rates, nik));
      assertNoOverlap(nik, priced);
      const firstCreated = priced.length ? priced.map((e) => e.createdAt).sort()[0] : null;
      const createdAt = firstCreated ? stamp(rng, addDays(firstCreated.slice(0, 10), -rng.between(0, 10))) : stamp(rng, monthBetween(rng, '2024-01', '2026-10'));
      addWorker({
        fullName: balineseName(rng, gender),
        birthDate,
        gender,
        nik,
        occupation: rng.pick(OCCUPATIONS[cohort.occupations]),
        vulnerable,
        villageCode,
        createdAt,
        hasCover: priced.some((e) => e.status !== EnrollmentStatus.PENDING),
      });
      if (cohort.partner) ties.push({ partnerId: partnerId(cohort.partner), nik, at: createdAt });
      if (cohort.alsoTiedTo && rng.chance(cohort.alsoTiedTo.share)) {
        ties.push({ partnerId: partnerId(cohort.alsoTiedTo.partner), nik, at: stamp(rng, addDays(createdAt.slice(0, 10), rng.between(20, 200))) });
      }
      for (const e of priced) enrollments.push({ ...e, nik, partnerId: e.partner ? partnerId(e.partner) : null });
    }
  }

  // Possible duplicates: one person reported a second time, by another partner, under a mistyped NIK.
  const codeOf = new Map(reference.villages.map((v) => [v.id, v.code]));
  const gianyarWorkers = workers.filter((w) => codeOf.get(w.villageId)!.startsWith('51.04.'));
  const reporters = ['penyuluh', 'usaha', 'sanggar', null] as const;
  const twinned = new Set<string>();
  while (twinned.size < DUPLICATE_PAIRS) {
    const original = rng.pick(gianyarWorkers);
    if (twinned.has(original.nik)) continue;
    twinned.add(original.nik);
    const nik = newNik(original.nik.slice(0, 6), original.birthDate, original.gender);
    const createdAt = stamp(rng, monthBetween(rng, '2025-01', '2026-10'));
    addWorker({
      fullName: rng.chance(0.5) ? original.fullName.toUpperCase() : original.fullName,
      birthDate: original.birthDate,
      gender: original.gender,
      nik,
      occupation: original.occupation ?? 'Petani',
      vulnerable: original.vulnerable,
      villageCode: codeOf.get(original.villageId)!,
      createdAt,
      hasCover: false,
    });
    const reporter = rng.pick(reporters);
    if (reporter) ties.push({ partnerId: partnerId(reporter), nik, at: createdAt });
  }
  return { workers, ties, enrollments };
}

/** Picks a village by weighted code prefixes; a prefix's weight is shared by its villages. */
function villagePicker(weights: Cohort['villages'], villages: ReferenceForDemo['villages']): (rng: Rng) => string {
  const entries: Array<[string, number]> = [];
  for (const [prefix, weight] of weights) {
    const matching = villages.filter((v) => v.code === prefix || v.code.startsWith(`${prefix}.`));
    if (matching.length === 0) throw new Error(`no village under ${prefix}`);
    for (const v of matching) entries.push([v.code, weight / matching.length]);
  }
  return (rng) => rng.weighted(entries);
}

/** A moment on a day during office hours in Bali (WITA, UTC+8), never after the demo's "as of" day. */
function stamp(rng: Rng, day: string): string {
  const on = day > DEMO_AS_OF ? DEMO_AS_OF : day;
  return `${on}T${String(rng.between(8, 16)).padStart(2, '0')}:${String(rng.int(60)).padStart(2, '0')}:00+08:00`;
}

/** The status an enrollment with these dates has on the demo's day (open-ended ones: as drawn). */
function statusOn(start: string, end: string | null, open: EnrollmentStatus): EnrollmentStatus {
  if (start > DEMO_AS_OF) return EnrollmentStatus.PENDING;
  if (end && end < DEMO_AS_OF) return EnrollmentStatus.ENDED;
  return open;
}

function openStatus(rng: Rng, start: string, lapsed = 0.2): EnrollmentStatus {
  if (start >= addMonths(DEMO_AS_OF, -1) && rng.chance(0.6)) return EnrollmentStatus.PENDING;
  return rng.chance(lapsed) ? EnrollmentStatus.LAPSED : EnrollmentStatus.ACTIVE;
}

/**
 * One person's enrollments, one after another in time (each starts after the one before ends), so
 * that no two cover the same program on the same day.
 */
function enrollmentsOf(rng: Rng, cohort: Cohort, person: { vulnerable: boolean; birthDate: string }): Plan[] {
  const partner = cohort.partner;
  const plans: Plan[] = [];
  const plan = (p: Omit<Plan, 'status'> & { status?: EnrollmentStatus }) => {
    plans.push({ ...p, endDate: p.endDate ?? null, status: p.status ?? statusOn(p.startDate, p.endDate ?? null, openStatus(rng, p.startDate)) });
  };
  const bpuPrograms = () => (rng.chance(0.3) ? [Program.JKK, Program.JKM, Program.JHT] : [Program.JKK, Program.JKM]);
  const bpuIncome = () => rng.weighted(BPU_INCOMES);
  /** A self-funded BPU period that has ended, starting between two months; returns its end. */
  const endedSelfBpu = (from: string, to: string): string => {
    const start = monthBetween(rng, from, to);
    const end = endOfMonth(start, rng.between(5, 17));
    plan({ category: Category.BPU, programs: bpuPrograms(), fundingSource: FundingSource.SELF, startDate: start, endDate: end, declaredIncome: bpuIncome(), partner, status: EnrollmentStatus.ENDED });
    return end;
  };
  /** Regency-funded JKK + JKM at the lowest bracket: the APBD Perubahan 2025 months, then 2026. */
  const budgetFunded = (funding: FundingSource, by: string | null) => {
    const base = { category: Category.BPU, programs: [Program.JKK, Program.JKM], fundingSource: funding, declaredIncome: LOWEST_BRACKET, partner: by };
    if (rng.chance(0.6)) plan({ ...base, startDate: '2025-10-01', endDate: '2025-12-31', status: EnrollmentStatus.ENDED });
    // Most for the whole of 2026; some from July; the latest proposals wait for BPJS to confirm them.
    const start = rng.weighted([['2026-01-01', 75], ['2026-07-01', 15], ['2026-11-01', 10]] as const);
    plan({ ...base, startDate: start, endDate: '2026-12-31', status: start === '2026-11-01' ? EnrollmentStatus.PENDING : EnrollmentStatus.ACTIVE });
  };
  const selfBpu = () => {
    if (rng.chance(0.1)) return;
    if (person.vulnerable && rng.chance(0.7)) {
      if (rng.chance(0.25)) endedSelfBpu('2022-01', '2023-12');
      budgetFunded(FundingSource.REGENCY_BUDGET, null);
      return;
    }
    const after = rng.chance(0.3) ? endedSelfBpu('2022-01', '2024-06') : null;
    const start = after ? addMonths(after, rng.between(1, 6)) : monthBetween(rng, '2023-01', '2026-12');
    plan({ category: Category.BPU, programs: bpuPrograms(), fundingSource: FundingSource.SELF, startDate: start, declaredIncome: bpuIncome(), partner });
  };
  const employed = (risk: ReadonlyArray<readonly [string, number]>, wage: [number, number]) => {
    let start = monthBetween(rng, '2022-01', '2026-12');
    if (rng.chance(0.2) && start > '2023-06-01') {
      // Worked here before under another contract: that one ended.
      const earlier = monthBetween(rng, '2021-03', '2022-12');
      const end = endOfMonth(earlier, rng.between(6, 11));
      plan({ category: Category.PU, programs: rng.weighted(PU_PROGRAMS), fundingSource: FundingSource.EMPLOYER, startDate: earlier, endDate: end, declaredIncome: wageOf(rng, wage), riskClass: rng.weighted(risk), partner, status: EnrollmentStatus.ENDED });
      if (start <= end) start = addMonths(end, 1);
    }
    // An employer stops paying less often than a self-employed worker does.
    const status = statusOn(start, null, openStatus(rng, start, 0.08));
    plan({ category: Category.PU, programs: rng.weighted(PU_PROGRAMS), fundingSource: FundingSource.EMPLOYER, startDate: start, declaredIncome: wageOf(rng, wage), riskClass: rng.weighted(risk), partner, status });
  };

  switch (cohort.profile) {
    case 'selfBpu':
      selfBpu();
      return plans;
    case 'employer':
      if (rng.chance(0.8)) employed(RISK_CLASSES.craft, [3_200_000, 6_000_000]);
      else selfBpu();
      return plans;
    case 'hotel':
      if (rng.chance(0.05)) return plans; // on probation: not yet reported
      employed(RISK_CLASSES.hotel, [3_300_000, 9_000_000]);
      return plans;
    case 'construction': {
      // One enrollment per project, each with its end; the next project starts after.
      let start = monthBetween(rng, '2024-06', '2026-06');
      for (let projects = rng.between(1, 3); projects > 0 && start <= '2027-03-01'; projects -= 1) {
        const end = endOfMonth(start, rng.between(2, 9));
        plan({ category: Category.JAKON, programs: [Program.JKK, Program.JKM], fundingSource: FundingSource.EMPLOYER, startDate: start, endDate: end, declaredIncome: contractValue(rng), partner, status: statusOn(start, end, EnrollmentStatus.ACTIVE) });
        start = addMonths(end, rng.between(1, 5));
      }
      return plans;
    }
    case 'village':
      if (rng.chance(0.15)) return plans;
      if (person.vulnerable) {
        budgetFunded(FundingSource.VILLAGE_BUDGET, partner);
      } else {
        // Work on a village project paid from the APBDes: construction cover for its months.
        const start = monthBetween(rng, '2025-03', '2026-12');
        const end = endOfMonth(start, rng.between(1, 3));
        plan({ category: Category.JAKON, programs: [Program.JKK, Program.JKM], fundingSource: FundingSource.VILLAGE_BUDGET, startDate: start, endDate: end, declaredIncome: contractValue(rng), partner, status: statusOn(start, end, EnrollmentStatus.ACTIVE) });
      }
      return plans;
    case 'fishers': {
      if (rng.chance(0.75)) {
        // The cooperative pays JKK + JKM for its members.
        const start = monthBetween(rng, '2023-01', '2026-11');
        plan({ category: Category.BPU, programs: [Program.JKK, Program.JKM], fundingSource: FundingSource.OTHER, startDate: start, declaredIncome: 1_500_000, partner });
      } else {
        selfBpu();
      }
      return plans;
    }
    case 'migrant': {
      // A contract abroad: cover for its months, before departure PENDING.
      let start = monthBetween(rng, '2023-04', '2026-06');
      for (let contracts = rng.between(1, 2); contracts > 0 && start <= '2027-01-01'; contracts -= 1) {
        const end = endOfMonth(start, rng.pick([5, 11, 23]));
        plan({
          category: Category.PMI,
          programs: rng.chance(0.4) ? [Program.JKK, Program.JKM, Program.JHT] : [Program.JKK, Program.JKM],
          fundingSource: rng.chance(0.7) ? FundingSource.SELF : FundingSource.OTHER,
          startDate: start,
          endDate: end,
          declaredIncome: rng.between(16, 50) * 500_000,
          partner,
          // Registered before departure: PENDING until the worker has left.
          status: start >= addMonths(DEMO_AS_OF, -1) ? EnrollmentStatus.PENDING : statusOn(start, end, EnrollmentStatus.ACTIVE),
        });
        start = addMonths(end, rng.between(1, 8));
      }
      return plans;
    }
    case 'lapsing': {
      const start = monthBetween(rng, '2023-06', '2025-12');
      const ended = rng.chance(0.2);
      const status = ended ? EnrollmentStatus.ENDED : rng.weighted([[EnrollmentStatus.LAPSED, 75], [EnrollmentStatus.ACTIVE, 25]]);
      plan({ category: Category.BPU, programs: [Program.JKK, Program.JKM], fundingSource: FundingSource.SELF, startDate: start, endDate: ended ? endOfMonth(start, rng.between(3, 9)) : null, declaredIncome: bpuIncome(), partner, status });
      return plans;
    }
    case 'regency':
      if (person.vulnerable) budgetFunded(FundingSource.REGENCY_BUDGET, null);
      return plans;
  }
}

function wageOf(rng: Rng, [min, max]: [number, number]): number {
  return Math.round((min + rng.next() * (max - min)) / 50_000) * 50_000;
}

/** A construction contract's value, within JAKON's first tier (up to Rp100 million). */
function contractValue(rng: Rng): number {
  return rng.between(40, 190) * 500_000;
}

function priceOrThrow(rng: Rng, plan: Plan, rates: readonly ContributionRateParams[], nik: string): Plan & PricedEnrollment & { createdAt: string; updatedAt: string } {
  const result = checkEnrollment(plan, rates);
  if (!result.ok) throw new Error(`demo enrollment of ${nik} breaks a rule: ${JSON.stringify(result.problems)} (${JSON.stringify(plan)})`);
  if (plan.status === EnrollmentStatus.ENDED && !plan.endDate) throw new Error(`demo enrollment of ${nik} ended without an end date`);
  // Reported some days before it starts (or, for one starting after the demo's day, by then).
  const createdAt = stamp(rng, addDays(plan.startDate, -rng.between(3, 25)));
  const changed = plan.status === EnrollmentStatus.ENDED ? addDays(plan.endDate!, 1) : plan.status === EnrollmentStatus.PENDING ? createdAt.slice(0, 10) : addDays(plan.startDate, 14);
  const updated = changed > DEMO_AS_OF ? DEMO_AS_OF : changed;
  const updatedAt = `${updated < createdAt.slice(0, 10) ? createdAt.slice(0, 10) : updated}T10:00:00+08:00`;
  return { ...plan, ...result.enrollment, status: plan.status, partner: plan.partner, createdAt, updatedAt };
}

function assertNoOverlap(nik: string, enrollments: ReadonlyArray<{ programs: Program[]; startDate: string; endDate: string | null }>): void {
  for (let a = 0; a < enrollments.length; a += 1) {
    for (let b = a + 1; b < enrollments.length; b += 1) {
      const [x, y] = [enrollments[a], enrollments[b]];
      const shared = x.programs.some((p) => y.programs.includes(p));
      const overlap = x.startDate <= (y.endDate ?? '9999-12-31') && y.startDate <= (x.endDate ?? '9999-12-31');
      if (shared && overlap) throw new Error(`demo enrollments of ${nik} overlap: ${JSON.stringify([x, y])}`);
    }
  }
}

/** NPPs of the demo partners: 8 digits starting with 0, outside the range the tests draw theirs from. */
function demoNpps(count: number): string[] {
  const rng = new Rng(SEED ^ 0x6e7070);
  const npps = new Set<string>();
  while (npps.size < count) npps.add(`0${String(rng.between(1_000_000, 9_999_999))}`);
  return [...npps];
}

/** Inserts the demo partner organisations; returns their ids by key. */
export async function insertDemoPartners(em: EntityManager): Promise<Map<string, string>> {
  const rng = new Rng(SEED ^ 0x706172);
  const npps = demoNpps(DEMO_PARTNERS.length);
  const rows = DEMO_PARTNERS.map((p, i) => ({
    key: p.key,
    name: p.name,
    type: p.type,
    status: p.status ?? PartnerStatus.ACTIVE,
    status_reason: p.statusReason ?? null,
    status_changed_at: p.status === PartnerStatus.SUSPENDED ? '2026-09-15T10:30:00+08:00' : null,
    regency_code: p.regency,
    village_code: p.village,
    contact_name: p.contactName,
    contact_phone: mobilePhone(rng),
    contact_email: p.email ?? null,
    address: p.address,
    npp: npps[i],
    created_at: stamp(rng, monthBetween(rng, '2023-01', '2023-12')),
  }));
  const inserted: Array<{ id: string; npp: string }> = await em.query(
    `INSERT INTO partner_organisations (name, type, status, status_reason, status_changed_at, regency_id, village_id,
                                        contact_name, contact_phone, contact_email, address, npp, created_at, updated_at)
     SELECT p.name, p.type, p.status, p.status_reason, p.status_changed_at, r.id, v.id,
            p.contact_name, p.contact_phone, p.contact_email, p.address, p.npp, p.created_at, p.created_at
     FROM jsonb_to_recordset($1::jsonb) AS p(name text, type text, status text, status_reason text, status_changed_at timestamptz,
                                             regency_code text, village_code text, contact_name text, contact_phone text,
                                             contact_email text, address text, npp text, created_at timestamptz)
     JOIN regencies r ON r.code = p.regency_code
     LEFT JOIN villages v ON v.code = p.village_code
     RETURNING id, npp`,
    [JSON.stringify(rows)],
  );
  if (inserted.length !== rows.length) throw new Error('a demo partner names a region that is not loaded');
  const idByNpp = new Map(inserted.map((row) => [row.npp, row.id]));
  return new Map(rows.map((row) => [row.key, idByNpp.get(row.npp)!]));
}

/** The PMI rates, added as an administrator would when the table has none (see PMI_RATES). */
async function ensurePmiRates(em: EntityManager): Promise<void> {
  await em.query(
    `INSERT INTO contribution_rates (program, category, flat_amount, valid_from, legal_basis)
     SELECT r.program, 'PMI', r.flat, $2::date, r.basis
     FROM jsonb_to_recordset($1::jsonb) AS r(program text, flat bigint, basis text)
     WHERE NOT EXISTS (SELECT 1 FROM contribution_rates WHERE category = 'PMI')`,
    [JSON.stringify(PMI_RATES), PMI_RATES_FROM],
  );
}

/** Every rate in the table, as the domain's arithmetic takes them. */
export async function readRates(em: EntityManager): Promise<ContributionRateParams[]> {
  const rows: Array<Record<string, string | null>> = await em.query(
    `SELECT id, program, category, bracket, percent::text, flat_amount::text, minimum_amount::text, maximum_base::text,
            valid_from::text, valid_to::text
     FROM contribution_rates ORDER BY program, category, bracket, valid_from`,
  );
  const number = (value: string | null) => (value === null ? null : Number(value));
  return rows.map((row) => ({
    id: row.id!,
    program: row.program as Program,
    category: row.category as Category,
    bracket: row.bracket,
    percent: number(row.percent),
    flatAmount: number(row.flat_amount),
    minimumAmount: number(row.minimum_amount),
    maximumBase: number(row.maximum_base),
    validFrom: row.valid_from!,
    validTo: row.valid_to,
  }));
}

/** Builds and writes the demo registry: workers, their partners, their enrollments, the duplicate flags. */
export async function loadDemoRegistry(em: EntityManager, partnerIds: ReadonlyMap<string, string>): Promise<{ workers: number; enrollments: number }> {
  await ensurePmiRates(em);
  // One after another: they share the transaction's connection.
  const villages: Array<{ id: string; code: string }> = await em.query(`SELECT id, code FROM villages WHERE code LIKE '51.%' ORDER BY code`);
  const codes: Array<{ code: string }> = await em.query(`SELECT code FROM region_codes WHERE code ~ '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}$'`);
  const rates = await readRates(em);
  const registry = buildDemoRegistry({ villages, kecamatanCodes: new Set(codes.map((c) => c.code)), rates, partnerIds });

  const inserted: Array<{ id: string; nik: string }> = await em.query(
    `INSERT INTO workers (nik, full_name, name_key, birth_date, gender, village_id, occupation, vulnerable, phone, kpj, created_at, updated_at)
     SELECT w.nik, w.full_name, w.name_key, w.birth_date, w.gender, w.village_id, w.occupation, w.vulnerable, w.phone, w.kpj, w.created_at, w.created_at
     FROM jsonb_to_recordset($1::jsonb) AS w(nik text, full_name text, name_key text, birth_date date, gender text, village_id uuid,
                                             occupation text, vulnerable boolean, phone text, kpj text, created_at timestamptz)
     RETURNING id, nik`,
    [
      JSON.stringify(
        registry.workers.map((w) => ({
          nik: w.nik,
          full_name: w.fullName,
          name_key: w.nameKey,
          birth_date: w.birthDate,
          gender: w.gender,
          village_id: w.villageId,
          occupation: w.occupation,
          vulnerable: w.vulnerable,
          phone: w.phone,
          kpj: w.kpj,
          created_at: w.createdAt,
        })),
      ),
    ],
  );
  const idOf = new Map(inserted.map((row) => [row.nik, row.id]));

  await em.query(
    `INSERT INTO worker_partners (partner_id, worker_id, first_reported_at, full_name)
     SELECT t.partner_id, t.worker_id, t.at, w.full_name
     FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS t (partner_id, worker_id, at) JOIN workers w ON w.id = t.worker_id`,
    [registry.ties.map((t) => t.partnerId), registry.ties.map((t) => idOf.get(t.nik)), registry.ties.map((t) => t.at)],
  );

  await em.query(
    `INSERT INTO enrollments (worker_id, partner_id, category, programs, funding_source, start_date, end_date, declared_income, risk_class,
                              monthly_contribution, contribution_breakdown, status, created_at, updated_at)
     SELECT e.worker_id, e.partner_id, e.category, e.programs, e.funding_source, e.start_date, e.end_date, e.declared_income, e.risk_class,
            e.monthly_contribution, e.contribution_breakdown, e.status, e.created_at, e.updated_at
     FROM jsonb_to_recordset($1::jsonb) AS e(worker_id uuid, partner_id uuid, category text, programs text[], funding_source text,
                                             start_date date, end_date date, declared_income bigint, risk_class text,
                                             monthly_contribution bigint, contribution_breakdown jsonb, status text,
                                             created_at timestamptz, updated_at timestamptz)`,
    [
      JSON.stringify(
        registry.enrollments.map((e) => ({
          worker_id: idOf.get(e.nik),
          partner_id: e.partnerId,
          ...enrollmentColumns(e),
          status: e.status,
          created_at: e.createdAt,
          updated_at: e.updatedAt,
        })),
      ),
    ],
  );

  // The flags, by the registry's own rule, for everyone who shares a name and birth date.
  const shared: Array<{ id: string }> = await em.query(
    `SELECT w.id FROM workers w
     JOIN (SELECT name_key, birth_date FROM workers GROUP BY name_key, birth_date HAVING count(*) > 1) d USING (name_key, birth_date)`,
  );
  await refreshPossibleDuplicates({ em } as unknown as RequestContext, shared.map((row) => row.id));
  return { workers: inserted.length, enrollments: registry.enrollments.length };
}
