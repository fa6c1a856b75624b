import type { AwardCriterion } from '@lindung/domain';
import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useIntlLocale } from '../../i18n/useIntlLocale';
import { formatCriterionValue } from '../awards/awardFields';

/** The target in the criterion's unit ("100,00 %", "10 poin persentase", "4", "ada"). */
export const TargetField = (_: { label?: string; source?: string }) => {
  const record = useRecordContext<{ criterion?: AwardCriterion; target?: number }>();
  const translate = useTranslate();
  const locale = useIntlLocale();
  if (!record?.criterion || typeof record.target !== 'number') return null;
  return (
    <Typography component="span" variant="body2">
      {formatCriterionValue(record.criterion, record.target, locale, translate)}
    </Typography>
  );
};

/** What the criterion measures, under its name. */
export const CriterionHelp = (_: { label?: string }) => {
  const record = useRecordContext<{ criterion?: AwardCriterion }>();
  const translate = useTranslate();
  if (!record?.criterion) return null;
  return (
    <Typography variant="body2" color="text.secondary">
      {translate(`lindung.award.criterion_help.${record.criterion}`)}
    </Typography>
  );
};
