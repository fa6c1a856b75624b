import type { FieldReason } from './reasons';

/** Account rules checked by both the API and the portal's forms. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordReason = FieldReason<'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG'>;

export function passwordProblem(password: string): PasswordReason | null {
  if (password.length < PASSWORD_MIN_LENGTH) return { code: 'PASSWORD_TOO_SHORT', params: { min: PASSWORD_MIN_LENGTH } };
  if (password.length > PASSWORD_MAX_LENGTH) return { code: 'PASSWORD_TOO_LONG', params: { max: PASSWORD_MAX_LENGTH } };
  return null;
}

/** A new password: the same strength rule, and not the password it replaces. */
export function newPasswordProblem(current: string, next: string): FieldReason<'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_UNCHANGED'> | null {
  return passwordProblem(next) ?? (next === current ? { code: 'PASSWORD_UNCHANGED' } : null);
}

// Deliberately simple: the address is confirmed by use, not by a regular expression.
export function emailProblem(email: string): FieldReason<'INVALID_EMAIL'> | null {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 254 ? null : { code: 'INVALID_EMAIL' };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
