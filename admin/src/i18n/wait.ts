/** Anything with react-admin's `translate` signature (the i18n provider's, or useTranslate's). */
type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * How long to wait, in words for `%{wait}`: seconds up to two minutes, whole minutes (rounded up)
 * beyond — a 15-minute block reads "15 menit", not "900 detik" — and "beberapa saat" / "a moment"
 * when the server said nothing usable.
 */
export function waitPhrase(translate: Translate, retryAfterSeconds: unknown): string {
  const seconds = Number(retryAfterSeconds);
  if (!Number.isFinite(seconds) || seconds <= 0) return translate('lindung.time.a_moment');
  if (seconds < 120) return translate('lindung.time.seconds', { smart_count: Math.ceil(seconds) });
  return translate('lindung.time.minutes', { smart_count: Math.ceil(seconds / 60) });
}
