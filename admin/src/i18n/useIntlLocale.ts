import { useLocaleState } from 'react-admin';
import { intlLocale } from './index';

/** The Intl locale of the language the user chose, for NumberField / DateField `locales`. */
export function useIntlLocale(): string {
  const [locale] = useLocaleState();
  return intlLocale(locale);
}
