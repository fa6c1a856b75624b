/** Account rules checked by both the API and the portal's forms. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  return null;
}

/** A new password: the same strength rule, and not the password it replaces. */
export function newPasswordProblem(current: string, next: string): string | null {
  return passwordProblem(next) ?? (next === current ? 'must differ from the current password' : null);
}

// Deliberately simple: the address is confirmed by use, not by a regular expression.
export function emailProblem(email: string): string | null {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 254 ? null : 'must be an email address';
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
