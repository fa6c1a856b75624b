import { checkNik, nikAgreementProblems, withNikFacts, type Gender } from './nik';
import type { FieldReason } from './reasons';
import { isPhone, KPJ_PATTERN, nameKey, normalisePhone } from './registry';

/**
 * The rules a reported worker must pass — the single-record mutations and the bulk import apply
 * exactly these (one code path), so a row refused by one is refused by the other, for the same
 * reason. Pure: the region lookup and today's date are given.
 */
export interface WorkerFacts {
  nik: string;
  fullName: string;
  birthDate?: string | null;
  gender?: Gender | null;
  occupation?: string | null;
  vulnerable?: boolean | null;
  phone?: string | null;
  kpj?: string | null;
}

export interface CheckedWorker {
  nik: string;
  fullName: string;
  nameKey: string;
  birthDate: string;
  gender: Gender;
  occupation: string | null;
  vulnerable: boolean;
  phone: string | null;
  kpj: string | null;
}

type Problems = Record<string, FieldReason>;

export const MAX_NAME = 200;
export const MAX_OCCUPATION = 100;

export function checkWorker(
  facts: WorkerFacts,
  isKnownKecamatan: (code: string) => boolean,
  today: string,
): { ok: true; worker: CheckedWorker } | { ok: false; problems: Problems } {
  const problems: Problems = {};
  const nik = facts.nik.trim();
  const fullName = facts.fullName.trim().replace(/\s+/g, ' ');
  if (!fullName) problems.fullName = { code: 'REQUIRED' };
  else if (fullName.length > MAX_NAME) problems.fullName = { code: 'TOO_LONG', params: { max: MAX_NAME } };
  const occupation = facts.occupation?.trim() || null;
  if (occupation && occupation.length > MAX_OCCUPATION) problems.occupation = { code: 'TOO_LONG', params: { max: MAX_OCCUPATION } };
  const phone = facts.phone?.trim() || null;
  if (phone && !isPhone(phone)) problems.phone = { code: 'PHONE_FORMAT' };
  const kpj = facts.kpj?.trim() || null;
  if (kpj && !KPJ_PATTERN.test(kpj)) problems.kpj = { code: 'KPJ_FORMAT' };

  const nikCheck = checkNik(nik, isKnownKecamatan);
  let birthDate = facts.birthDate ?? null;
  let gender = facts.gender ?? null;
  if (!nikCheck.ok) {
    problems.nik = nikCheck.reason;
  } else {
    Object.assign(problems, nikAgreementProblems(nikCheck.facts, { birthDate, gender }, today));
    ({ birthDate, gender } = withNikFacts(nikCheck.facts, { birthDate, gender }, today));
    if (birthDate > today) problems.birthDate = { code: 'INVALID_DATE' };
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    worker: {
      nik,
      fullName,
      nameKey: nameKey(fullName),
      birthDate: birthDate!,
      gender: gender!,
      occupation,
      vulnerable: facts.vulnerable ?? false,
      phone: phone ? normalisePhone(phone) : null,
      kpj,
    },
  };
}
