import { Typography } from '@mui/material';
import { EditButton, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, DayField } from '../../common/dates';
import { LocaleNumberField } from '../../common/fields';
import { useIntlLocale } from '../../i18n/useIntlLocale';

const Actions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

/** The figure against the regency's workforce target: "65,6 % dari 198.628". */
const CoverageRate = (_: { label?: string }) => {
  const record = useRecordContext<{ regencyId?: string; protectedWorkers?: number }>();
  const translate = useTranslate();
  const locale = useIntlLocale();
  const { data: regency } = useGetOne('Regency', { id: record?.regencyId ?? '' }, { enabled: Boolean(record?.regencyId) });
  if (!record || !regency) return null;
  const target = regency.workforceTarget as number | null | undefined;
  if (!target) return <Typography variant="body2">{translate('lindung.coverage_report.no_target')}</Typography>;
  return (
    <Typography variant="body2" data-coverage-rate="">
      {translate('lindung.coverage_report.rate_value', {
        rate: new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format((record.protectedWorkers ?? 0) / target),
        target: new Intl.NumberFormat(locale).format(target),
      })}
    </Typography>
  );
};

export const CoverageReportShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <ReferenceField source="regencyId" reference="Regency" />
      <DayField source="asOf" format="long" />
      <LocaleNumberField source="protectedWorkers" />
      <CoverageRate label="resources.CoverageReport.fields.rate" />
      <TextField source="source" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
