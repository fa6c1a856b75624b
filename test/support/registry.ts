import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ok, villageId } from './api';

/**
 * NIK serials for tests: 5000–7999 (the demo's stay below 5000, the generator's from 8000), in
 * blocks of 100 per kecamatan that each test file claims for itself — atomically, by creating a
 * directory in the run's data directory — so that no two files running at once, nor two files
 * one after another, ever make the same NIK (the registry would take the second for the first).
 */
const SERIAL_BASE = 5000;
const BLOCK = 100;
const BLOCKS = 30;
const serials = new Map<string, { next: number; end: number }>();

function nextSerial(kecamatan: string): number {
  let range = serials.get(kecamatan);
  if (!range || range.next >= range.end) {
    range = claimBlock(kecamatan);
    serials.set(kecamatan, range);
  }
  return range.next++;
}

function claimBlock(kecamatan: string): { next: number; end: number } {
  const claims = path.join(process.env.LINDUNG_DATA_DIR ?? os.tmpdir(), 'nik-blocks');
  fs.mkdirSync(claims, { recursive: true });
  for (let block = 0; block < BLOCKS; block += 1) {
    try {
      fs.mkdirSync(path.join(claims, `${kecamatan}-${block}`));
    } catch {
      continue; // another file's
    }
    const start = SERIAL_BASE + block * BLOCK;
    return { next: start, end: start + BLOCK };
  }
  throw new Error(`no NIK serials left for kecamatan ${kecamatan} in this run`);
}

/**
 * A valid NIK that no other test (nor the demo data) uses: first registered in a Bali kecamatan,
 * encoding the birth date and sex given.
 */
export function newNik(birthDate = '1990-03-12', gender: 'MALE' | 'FEMALE' = 'MALE', kecamatan = '510405'): string {
  const [year, month, day] = birthDate.split('-');
  const encodedDay = String(Number(day) + (gender === 'FEMALE' ? 40 : 0)).padStart(2, '0');
  return `${kecamatan}${encodedDay}${month}${year.slice(2)}${String(nextSerial(kecamatan)).padStart(4, '0')}`;
}

export const WORKER_FIELDS = 'id nik fullName birthDate gender villageId regencyId occupation vulnerable phone kpj possibleDuplicate';
export const ENROLLMENT_FIELDS =
  'id workerId partnerId category programs fundingSource startDate endDate declaredIncome riskClass monthlyContribution status contributionBreakdown { program amount }';

export const CREATE_WORKER = `mutation($nik: String!, $fullName: String!, $villageId: ID!, $birthDate: Date, $gender: Gender, $occupation: String,
  $vulnerable: Boolean, $phone: String, $kpj: String, $partnerId: ID) {
  createWorker(nik: $nik, fullName: $fullName, villageId: $villageId, birthDate: $birthDate, gender: $gender, occupation: $occupation,
    vulnerable: $vulnerable, phone: $phone, kpj: $kpj, partnerId: $partnerId) { ${WORKER_FIELDS} alreadyRegistered } }`;

export const CREATE_ENROLLMENT = `mutation($workerId: ID!, $partnerId: ID, $category: Category!, $programs: [Program!]!, $fundingSource: FundingSource!,
  $startDate: Date!, $endDate: Date, $declaredIncome: Money!, $riskClass: String) {
  createEnrollment(workerId: $workerId, partnerId: $partnerId, category: $category, programs: $programs, fundingSource: $fundingSource,
    startDate: $startDate, endDate: $endDate, declaredIncome: $declaredIncome, riskClass: $riskClass) { ${ENROLLMENT_FIELDS} } }`;

export interface WorkerShape {
  id: string;
  nik: string;
  fullName: string;
  birthDate: string;
  gender: string;
  villageId: string;
  regencyId: string;
  alreadyRegistered: boolean | null;
  [key: string]: unknown;
}

let nameCounter = 0;
/** Reports a new worker living in a village (Mas by default) as the given account. */
export async function reportWorker(token: string, values: Record<string, unknown> = {}, villageCode = '51.04.05.2002'): Promise<WorkerShape> {
  nameCounter += 1;
  const data = await ok(
    CREATE_WORKER,
    { nik: newNik(), fullName: `Pekerja Uji ${process.pid} ${nameCounter}`, villageId: await villageId(villageCode), occupation: 'Penari', ...values },
    token,
  );
  return data.createWorker;
}

/** Enrolls a worker in BPU JKK + JKM (self-funded, Rp1,000,000 declared) unless told otherwise. */
export async function enroll(token: string, workerId: string, values: Record<string, unknown> = {}) {
  const data = await ok(
    CREATE_ENROLLMENT,
    { workerId, category: 'BPU', programs: ['JKK', 'JKM'], fundingSource: 'SELF', startDate: '2026-01-01', declaredIncome: 1_000_000, ...values },
    token,
  );
  return data.createEnrollment;
}
