import { useRecordContext, type FieldProps } from 'react-admin';
import { Typography } from '@mui/material';
import { useIntlLocale } from '../i18n/useIntlLocale';

/** Rupiah as Indonesians write it: `Rp1.000.000` in id, `Rp1,000,000` in en (whole rupiah, no space). */
export function formatRupiah(amount: number, locale: string): string {
  return `Rp${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(amount)}`;
}

/** A Money field of the record, formatted in the user's language; empty when there is none. */
export const RupiahField = ({ source }: FieldProps & { source: string }) => {
  const record = useRecordContext();
  const locale = useIntlLocale();
  const value = record?.[source];
  return (
    <Typography component="span" variant="body2">
      {typeof value === 'number' ? formatRupiah(value, locale) : ''}
    </Typography>
  );
};
