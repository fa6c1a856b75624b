import { ok, villageId } from './api';

let serial = 5000 + Math.floor(Math.random() * 2000);

/**
 * A valid NIK that no other test (nor the demo data, whose serials stay below 5000) uses: first
 * registered in a Bali kecamatan, encoding the birth date and sex given.
 */
export function newNik(birthDate = '1990-03-12', gender: 'MALE' | 'FEMALE' = 'MALE', kecamatan = '510405'): string {
  serial += 1;
  const [year, month, day] = birthDate.split('-');
  const encodedDay = String(Number(day) + (gender === 'FEMALE' ? 40 : 0)).padStart(2, '0');
  return `${kecamatan}${encodedDay}${month}${year.slice(2)}${String(serial).padStart(4, '0')}`;
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
