import { NumberField, type DateFieldProps, type NumberFieldProps } from 'react-admin';
import { useIntlLocale } from '../i18n/useIntlLocale';
import { DateTimeField, DayField } from './dates';

/** A NumberField formatted for the chosen language (id-ID groups thousands with a dot: 198.628). */
export const LocaleNumberField = (props: NumberFieldProps) => {
  const locales = useIntlLocale();
  return <NumberField locales={locales} {...props} />;
};

/**
 * A date of the record in the user's language: with `showTime`, a moment as DateTimeField shows it
 * (`25/11/2026 09.30 WITA`, in the display zone); without, a calendar day as DayField (`25/11/2026`).
 * Kept for the pages written before common/dates.tsx; new code uses DateTimeField and DayField.
 */
export const LocaleDateField = ({ showTime, source, label, emptyText, record, className }: DateFieldProps & { source: string }) => {
  const shared = { source, label, emptyText, record, className };
  return showTime ? <DateTimeField {...shared} /> : <DayField {...shared} />;
};
