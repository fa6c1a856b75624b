import {
  emailProblem,
  passwordProblem,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  regionCodeProblem,
  type RegionLevel,
} from '@lindung/domain';

// The rules are the shared ones in @lindung/domain (the API applies the same); these wrappers only
// turn a problem into a message key of the user's language.

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

export const nonNegative = (value: unknown) =>
  typeof value === 'number' && value < 0 ? 'lindung.validation.non_negative' : undefined;
