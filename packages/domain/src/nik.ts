/**
 * NIK (Nomor Induk Kependudukan), the 16-digit national ID: province (2) + regency/city (2) +
 * kecamatan (2) of first registration + birth date DDMMYY (a woman's day +40) + serial (4, from 0001).
 * The region is where the person was first registered, not where they live: never derive a
 * worker's village from it.
 */
export type Gender = 'MALE' | 'FEMALE';

export interface NikFacts {
  /** Kecamatan code of first registration, dotted (`51.04.05`). */
  kecamatanCode: string;
  gender: Gender;
  /** Day and month of birth; the two-digit year leaves the century to the caller. */
  birthDay: number;
  birthMonth: number;
  birthYearTwoDigits: number;
  serial: number;
}

export type NikCheck = { ok: true; facts: NikFacts } | { ok: false; reason: string };

/**
 * Checks a NIK's form: 16 digits, a real date, a serial from 0001. `isKnownKecamatan` (given by the
 * API, which holds Indonesia's region codes) adds the region check; the portal checks the form only.
 */
export function checkNik(nik: string, isKnownKecamatan?: (dottedCode: string) => boolean): NikCheck {
  if (!/^\d{16}$/.test(nik)) return { ok: false, reason: 'must be exactly 16 digits' };
  const kecamatanCode = `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`;
  const rawDay = Number(nik.slice(6, 8));
  const birthMonth = Number(nik.slice(8, 10));
  const birthYearTwoDigits = Number(nik.slice(10, 12));
  const serial = Number(nik.slice(12, 16));
  const gender: Gender = rawDay > 40 ? 'FEMALE' : 'MALE';
  const birthDay = gender === 'FEMALE' ? rawDay - 40 : rawDay;
  if (!isPossibleDayOfMonth(birthDay, birthMonth, birthYearTwoDigits)) {
    return { ok: false, reason: 'birth date part (digits 7–12) is not a real date' };
  }
  if (serial === 0) return { ok: false, reason: 'serial (last 4 digits) must start at 0001' };
  if (isKnownKecamatan && !isKnownKecamatan(kecamatanCode)) {
    return { ok: false, reason: `region ${kecamatanCode} (digits 1–6) is not a known kecamatan` };
  }
  return { ok: true, facts: { kecamatanCode, gender, birthDay, birthMonth, birthYearTwoDigits, serial } };
}

function isPossibleDayOfMonth(day: number, month: number, yearTwoDigits: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Feb 29 is possible in any year ending 00 (2000) or divisible by 4, the century being unknown.
  const leap = yearTwoDigits % 4 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** Masks a NIK for roles that do not need it: first 6 and last 4 digits shown (CONTRACT §4). */
export function maskNik(nik: string): string {
  return nik.length === 16 ? `${nik.slice(0, 6)}******${nik.slice(12)}` : '****************';
}
