/**
 * NIK (Nomor Induk Kependudukan), the 16-digit national ID: province (2) + regency/city (2) +
 * kecamatan (2) of first registration + birth date DDMMYY (a woman's day +40) + serial (4, from 0001).
 * The region is where the person was first registered, not where they live: never derive a
 * worker's village from it.
 */
import type { FieldReason } from './reasons';

export type Gender = 'MALE' | 'FEMALE';

export interface NikFacts {
  /** Kecamatan code of first registration, dotted (`51.04.05`). */
  kecamatanCode: string;
  gender: Gender;
  /** Day and month of birth; the two-digit year leaves the century to `birthDateFromNik`. */
  birthDay: number;
  birthMonth: number;
  birthYearTwoDigits: number;
  serial: number;
}

/** What can be wrong with a NIK on its own (the form, and with a lookup the region). */
export type NikReason = FieldReason<'NIK_FORMAT' | 'NIK_DATE' | 'NIK_SERIAL' | 'NIK_REGION'>;

export type NikCheck = { ok: true; facts: NikFacts } | { ok: false; reason: NikReason };

/** A woman's birth day is written +40: 41–71. */
const FEMALE_DAY_OFFSET = 40;

/**
 * Checks a NIK's form: 16 digits, a real date, a serial from 0001. `isKnownKecamatan` (given by the
 * API, which holds Indonesia's region codes) adds the region check; the portal checks the form only.
 */
export function checkNik(nik: string, isKnownKecamatan?: (dottedCode: string) => boolean): NikCheck {
  if (!/^\d{16}$/.test(nik)) return refused({ code: 'NIK_FORMAT' });
  const kecamatanCode = `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`;
  const rawDay = Number(nik.slice(6, 8));
  const birthMonth = Number(nik.slice(8, 10));
  const birthYearTwoDigits = Number(nik.slice(10, 12));
  const serial = Number(nik.slice(12, 16));
  const gender: Gender = rawDay > FEMALE_DAY_OFFSET ? 'FEMALE' : 'MALE';
  const birthDay = gender === 'FEMALE' ? rawDay - FEMALE_DAY_OFFSET : rawDay;
  // The century is unknown here: Feb 29 is possible in any year ending 00 (2000) or divisible by 4.
  if (!isRealDate(birthDay, birthMonth, birthYearTwoDigits % 4 === 0)) return refused({ code: 'NIK_DATE' });
  if (serial === 0) return refused({ code: 'NIK_SERIAL' });
  if (isKnownKecamatan && !isKnownKecamatan(kecamatanCode)) {
    return refused({ code: 'NIK_REGION', params: { code: kecamatanCode } });
  }
  return { ok: true, facts: { kecamatanCode, gender, birthDay, birthMonth, birthYearTwoDigits, serial } };
}

function refused(reason: NikReason): NikCheck {
  return { ok: false, reason };
}

function isRealDate(day: number, month: number, leap: boolean): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/**
 * The full birth date (YYYY-MM-DD) a NIK encodes, as of `today` (YYYY-MM-DD): the NIK gives only
 * two digits of the year, so the century is the latest that puts the birth on or before today — a
 * `…85` is 1985, a `…10` is 2010, and a date later this year than today was a century ago. Where
 * that year has no 29 February (1900), an earlier century that has one is taken.
 */
export function birthDateFromNik(facts: NikFacts, today: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be YYYY-MM-DD, not ${today}`);
  const todayYear = Number(today.slice(0, 4));
  let year = todayYear - ((((todayYear - facts.birthYearTwoDigits) % 100) + 100) % 100);
  // Five centuries back reach a leap 29 February from any year ending in a multiple of 4.
  for (let tries = 0; tries < 5; tries += 1, year -= 100) {
    const date = `${pad(year, 4)}-${pad(facts.birthMonth, 2)}-${pad(facts.birthDay, 2)}`;
    if (isRealDate(facts.birthDay, facts.birthMonth, isLeapYear(year)) && date <= today) return date;
  }
  throw new Error(`NIK facts without a possible birth date: ${JSON.stringify(facts)}`);
}

/** A person's birth date and sex as given alongside a NIK (a form, a CSV row). */
export interface NikPersonFacts {
  birthDate?: string | null;
  gender?: Gender | null;
}

export type NikAgreementReason = FieldReason<'NIK_BIRTH_DATE_MISMATCH' | 'NIK_GENDER_MISMATCH'>;

/**
 * Where the birth date or sex given disagree with what the NIK encodes, per field (`birthDate`,
 * `gender`). Only the day, month and last two year digits are compared: the NIK says nothing of
 * the century, so a person of 100 is not refused.
 */
export function nikAgreementProblems(
  facts: NikFacts,
  given: NikPersonFacts,
  today: string,
): { birthDate?: FieldReason<'NIK_BIRTH_DATE_MISMATCH'>; gender?: FieldReason<'NIK_GENDER_MISMATCH'> } {
  const problems: { birthDate?: FieldReason<'NIK_BIRTH_DATE_MISMATCH'>; gender?: FieldReason<'NIK_GENDER_MISMATCH'> } = {};
  if (given.birthDate && !sameEncodedDate(facts, given.birthDate)) {
    problems.birthDate = { code: 'NIK_BIRTH_DATE_MISMATCH', params: { encoded: birthDateFromNik(facts, today) } };
  }
  if (given.gender && given.gender !== facts.gender) {
    problems.gender = { code: 'NIK_GENDER_MISMATCH', params: { encoded: facts.gender } };
  }
  return problems;
}

/** The first disagreement between the NIK and the birth date or sex given (birth date first), or null. */
export function nikAgreementProblem(facts: NikFacts, given: NikPersonFacts, today: string): NikAgreementReason | null {
  const problems = nikAgreementProblems(facts, given, today);
  return problems.birthDate ?? problems.gender ?? null;
}

function sameEncodedDate(facts: NikFacts, birthDate: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  return day === facts.birthDay && month === facts.birthMonth && year % 100 === facts.birthYearTwoDigits;
}

/**
 * The birth date and sex of a person: the ones given, each absent one taken from the NIK (a
 * clerk may leave them empty; the NIK holds them). Check agreement first with nikAgreementProblem.
 */
export function withNikFacts(facts: NikFacts, given: NikPersonFacts, today: string): { birthDate: string; gender: Gender } {
  return {
    birthDate: given.birthDate || birthDateFromNik(facts, today),
    gender: given.gender || facts.gender,
  };
}

/** Masks a NIK for roles that do not need it: first 6 and last 4 digits shown (CONTRACT §4). */
export function maskNik(nik: string): string {
  return nik.length === 16 ? `${nik.slice(0, 6)}******${nik.slice(12)}` : '****************';
}
