import {
  checkNik,
  emailProblem,
  passwordProblem,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  regionCodeProblem,
  type RegionLevel,
} from '@lindung/domain';

// The rules are the shared ones in @lindung/domain (the API applies the same); these wrappers only
// turn a problem (a coded reason, or null) into a message key of the user's language.

export const regionCode = (level: RegionLevel) => (value: unknown) =>
  typeof value === 'string' && value !== '' && regionCodeProblem(value, level)
    ? `lindung.validation.region_code.${level}`
    : undefined;

export const password = (value: unknown) =>
  typeof value === 'string' && value !== '' && passwordProblem(value)
    ? { message: 'lindung.validation.password', args: { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH } }
    : undefined;

export const email = (value: unknown) =>
  typeof value === 'string' && value !== '' && emailProblem(value.trim()) ? 'lindung.validation.email' : undefined;

/** A NIK's form (16 digits, a real birth date, a serial from 0001); the API adds the region check. */
export const nik = (value: unknown) => {
  if (typeof value !== 'string' || value === '') return undefined;
  const check = checkNik(value.trim());
  return check.ok ? undefined : `lindung.reason.${check.reason.code}`;
};

export const nonNegative = (value: unknown) =>
  typeof value === 'number' && value < 0 ? 'lindung.validation.non_negative' : undefined;

export const wholeNumber = (value: unknown) =>
  typeof value === 'number' && !Number.isInteger(value) ? 'lindung.validation.whole_number' : undefined;

export const wholeRupiah = (value: unknown) =>
  typeof value === 'number' && !Number.isInteger(value) ? 'lindung.validation.whole_rupiah' : undefined;

export const bracket = (value: unknown) =>
  typeof value === 'string' && value !== '' && !/^[A-Z0-9_]{1,40}$/.test(value) ? 'lindung.validation.bracket' : undefined;

/** A contribution rate is a percentage or a flat amount, never both, never neither (as the API checks). */
export const percentOrFlat = (values: { percent?: number | null; flatAmount?: number | null }) => {
  const hasPercent = values.percent != null;
  const hasFlat = values.flatAmount != null;
  if (hasPercent === hasFlat) {
    return { percent: 'lindung.validation.percent_or_flat', flatAmount: 'lindung.validation.percent_or_flat' };
  }
  return {};
};
