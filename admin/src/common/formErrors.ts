import { useLogoutIfAccessDenied, useNotify } from 'react-admin';
import { graphQLErrorsOf, toHttpError } from '../errors';
import type { CodedReason } from '../i18n/reasons';

/**
 * For one field, its message (a translation key or words) from the server's English words and the
 * coded reason (absent from an older API).
 */
export type FieldWords = (problem: string, reason?: CodedReason) => string;

/**
 * BAD_USER_INPUT's `extensions.fields` as form errors (translation keys), for the fields this form
 * has words for; null when the error is not about those fields.
 */
export function fieldErrorsOf(error: unknown, words: Record<string, FieldWords>): Record<string, string> | null {
  const first = graphQLErrorsOf(error)[0];
  const fields = first?.extensions?.code === 'BAD_USER_INPUT' ? first.extensions.fields : undefined;
  if (!fields) return null;
  const reasons = first?.extensions?.reasons ?? {};
  const known = Object.entries(fields).filter(([field]) => words[field]);
  return known.length > 0 ? Object.fromEntries(known.map(([field, problem]) => [field, words[field](problem, reasons[field])])) : null;
}

/** What to tell the user about any other failure: a translation key, or words already translated. */
export function messageOf(error: unknown): string {
  if (graphQLErrorsOf(error).length === 0) return 'lindung.auth.server_unreachable';
  const converted = toHttpError(error);
  return converted instanceof Error ? converted.message : 'ra.notification.http_error';
}

/**
 * What a form that calls the API directly does when the call fails: the server's field problems
 * go under their fields (returned to the form), an ended session signs out, anything else is a
 * translated notification.
 */
export function useSubmitFailure(words: Record<string, FieldWords>) {
  const notify = useNotify();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  return async (error: unknown): Promise<Record<string, string> | undefined> => {
    const fields = fieldErrorsOf(error, words);
    if (fields) return fields;
    if (!(await logoutIfAccessDenied(error))) notify(messageOf(error), { type: 'error' });
    return undefined;
  };
}
