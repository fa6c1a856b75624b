import { DateField, NumberField, type DateFieldProps, type NumberFieldProps } from 'react-admin';
import { useIntlLocale } from '../i18n/useIntlLocale';

/** A NumberField formatted for the chosen language (id-ID groups thousands with a dot: 198.628). */
export const LocaleNumberField = (props: NumberFieldProps) => {
  const locales = useIntlLocale();
  return <NumberField locales={locales} {...props} />;
};

export const LocaleDateField = (props: DateFieldProps) => {
  const locales = useIntlLocale();
  return <DateField locales={locales} {...props} />;
};
