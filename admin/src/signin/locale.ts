import { DEFAULT_LOCALE, LOCALES } from '../i18n';
import id from '../i18n/id';

/**
 * The language chosen on the sign-in page is react-admin's own `locale` preference, so the portal
 * opens in it: the same key its localStorageStore(undefined, 'Lindung') reads (`RaStoreLindung.locale`).
 */
const LOCALE_KEY = 'RaStoreLindung.locale';

export { LOCALES };

export function storedLocale(): string {
  try {
    const value = JSON.parse(localStorage.getItem(LOCALE_KEY) ?? 'null');
    return LOCALES.some((l) => l.locale === value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function storeLocale(locale: string): void {
  try {
    localStorage.setItem(LOCALE_KEY, JSON.stringify(locale));
  } catch {
    // storage not available: the choice lasts for this page only
  }
}

/** Indonesian ships with the page; English is fetched when chosen (as the portal's i18nProvider does). */
export async function messagesFor(locale: string): Promise<object> {
  return locale === 'en' ? (await import('../i18n/en')).default : id;
}
