import { useMemo } from 'react';
import { useTranslate } from 'react-admin';
import { formatRupiah } from '../common/money';
import { formatDay } from '../common/dates';
import { useIntlLocale } from '../i18n/useIntlLocale';

/**
 * The dashboard's figures as Indonesians write them, in the user's language: `130.300` and
 * `65,60 %` in Indonesian, `130,300` and `65.60%` in English; rupiah as `Rp1.000.000`; a month as
 * `Sep 2025`; a day as `30/09/2025`.
 */
export function useDashboardFormat() {
  const locale = useIntlLocale();
  const translate = useTranslate();
  return useMemo(() => {
    const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    const twoDecimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const monthShort = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    return {
      locale,
      number: (value: number) => whole.format(value),
      /** Axis ticks: `130 rb`, `2 M` in Indonesian; `130K`, `2bn` in English. */
      compact: (value: number) => compact.format(value),
      /** A fraction (0.656) as a percentage with two decimals: `65,60 %` / `65.60%`. */
      percent: (fraction: number) => translate('lindung.dashboard.percent', { value: twoDecimals.format(fraction * 100) }),
      rupiah: (amount: number) => formatRupiah(amount, locale),
      /** Rupiah on an axis: `Rp2 M` / `Rp2bn`. */
      rupiahCompact: (amount: number) => `Rp${compact.format(amount)}`,
      /** `YYYY-MM` as `Sep 2025`. */
      month: (yearMonth: string) => month.format(new Date(`${yearMonth}-01T00:00:00Z`)),
      /** `YYYY-MM` as `Sep`, for a narrow axis. */
      monthShort: (yearMonth: string) => monthShort.format(new Date(`${yearMonth}-01T00:00:00Z`)),
      day: (value: string) => formatDay(value, locale),
    };
  }, [locale, translate]);
}

export type DashboardFormat = ReturnType<typeof useDashboardFormat>;
