import type { FieldReason } from './reasons';

/**
 * The worker registry's vocabularies and state rules, shared by the API (which enforces them)
 * and the portal (which offers only what is allowed).
 */
/** A worker's sex as the NIK encodes it (the type is nik.ts's `Gender`). */
export const Genders = { MALE: 'MALE', FEMALE: 'FEMALE' } as const;

/** Who pays an enrollment's contributions. */
export const FundingSource = {
  SELF: 'SELF',
  EMPLOYER: 'EMPLOYER',
  REGENCY_BUDGET: 'REGENCY_BUDGET',
  VILLAGE_BUDGET: 'VILLAGE_BUDGET',
  OTHER: 'OTHER',
} as const;
export type FundingSource = (typeof FundingSource)[keyof typeof FundingSource];
export const FUNDING_SOURCES: readonly FundingSource[] = Object.values(FundingSource);

export const EnrollmentStatus = { PENDING: 'PENDING', ACTIVE: 'ACTIVE', LAPSED: 'LAPSED', ENDED: 'ENDED' } as const;
export type EnrollmentStatus = (typeof EnrollmentStatus)[keyof typeof EnrollmentStatus];
export const ENROLLMENT_STATUSES: readonly EnrollmentStatus[] = Object.values(EnrollmentStatus);

/**
 * The allowed moves of an enrollment: registered (PENDING), confirmed by BPJS (ACTIVE), contributions
 * stopped (LAPSED), over (ENDED). A lapsed membership is paid up again (ACTIVE) or closed; an ended
 * one stays ended — a new period is a new enrollment.
 */
export const ENROLLMENT_TRANSITIONS: Readonly<Record<EnrollmentStatus, readonly EnrollmentStatus[]>> = {
  PENDING: ['ACTIVE', 'ENDED'],
  ACTIVE: ['LAPSED', 'ENDED'],
  LAPSED: ['ACTIVE', 'ENDED'],
  ENDED: [],
};

export function mayMoveEnrollment(from: EnrollmentStatus, to: EnrollmentStatus): boolean {
  return from === to || ENROLLMENT_TRANSITIONS[from].includes(to);
}

/** KPJ: the 11-digit BPJS Ketenagakerjaan participant number. */
export const KPJ_PATTERN = /^\d{11}$/;
/** NPP: the 8-digit employer registration number at BPJS Ketenagakerjaan. */
export const NPP_PATTERN = /^\d{8}$/;

/** Digits only, +62 kept as the leading 0 Indonesians write: the stored form of a phone number. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+62')) return `0${digits.slice(3)}`;
  if (digits.startsWith('62')) return `0${digits.slice(2)}`;
  return digits;
}

/** An Indonesian phone number as people type it: +62, 62 or 0, then 8–13 digits; spaces and dashes allowed. */
export function isPhone(phone: string): boolean {
  return /^[\d\s+()-]{9,24}$/.test(phone) && /^0\d{8,13}$/.test(normalisePhone(phone));
}

/**
 * The key two reports of one person share even when typed differently: case, spacing and
 * punctuation removed (the API computes the same in SQL for bulk writes).
 */
export function nameKey(fullName: string): string {
  return fullName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A stated reason (revealing a NIK, suspending a partner…): a few words, not a token. */
export const MIN_REASON_LENGTH = 10;
export function reasonIsEnough(reason: string): boolean {
  const trimmed = reason.trim();
  return trimmed.length >= MIN_REASON_LENGTH && trimmed.split(/\s+/).length >= 2;
}

/** Why a stated reason is refused, or null. */
export function reasonProblem(reason: string): FieldReason<'REASON_TOO_SHORT'> | null {
  return reasonIsEnough(reason) ? null : { code: 'REASON_TOO_SHORT', params: { min: MIN_REASON_LENGTH } };
}

/** What an audit event records. CREATE/UPDATE/DELETE are written for every change of a record. */
export const AuditAction = {
  CREATE: 'CREATE',
  UPDATE: 'UPDATE',
  DELETE: 'DELETE',
  SUSPEND: 'SUSPEND',
  REACTIVATE: 'REACTIVATE',
  /** A second report of a known NIK: the partner is linked to the existing person. */
  LINK: 'LINK',
  MARK_DISTINCT: 'MARK_DISTINCT',
  REVEAL_NIK: 'REVEAL_NIK',
  EXPORT: 'EXPORT',
  IMPORT: 'IMPORT',
  /** A budget's amount changed by an APBD Perubahan (the reason names the document). */
  AMEND: 'AMEND',
  SUBMIT: 'SUBMIT',
  WITHDRAW: 'WITHDRAW',
  /** A proposal decided: its items approved or refused, the cost committed. */
  DECIDE: 'DECIDE',
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];
export const AUDIT_ACTIONS: readonly AuditAction[] = Object.values(AuditAction);

/** Bali keeps WITA (UTC+8): "today" for birth dates, start dates and audit views. */
export const PROGRAM_TIME_ZONE = 'Asia/Makassar';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar day, `YYYY-MM-DD`, in a time zone (Bali's by default). */
export function todayIn(timeZone: string = PROGRAM_TIME_ZONE, now: Date = new Date()): string {
  // A formatter costs half a millisecond to build: one per time zone, kept.
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}
