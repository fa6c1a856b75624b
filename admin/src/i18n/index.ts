import polyglotI18nProvider from 'ra-i18n-polyglot';
import id from './id';

export const DEFAULT_LOCALE = 'id';

export const LOCALES = [
  { locale: 'id', name: 'Bahasa Indonesia' },
  { locale: 'en', name: 'English' },
];

/** Indonesian is loaded with the app; English on demand (react-admin demo's lazy-locale pattern). */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? import('./en').then((messages) => messages.default) : id),
  DEFAULT_LOCALE,
  LOCALES,
);

/** The Intl locale used for numbers and dates: `198.628` in Indonesian, `198,628` in English. */
export function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : 'id-ID';
}
