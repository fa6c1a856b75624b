import { Box, Typography } from '@mui/material';
import { useId } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatRupiah } from '../../common/money';
import { useIntlLocale } from '../../i18n/useIntlLocale';

export interface BudgetRecord {
  id: string;
  regencyId: string;
  fiscalYear: number;
  name: string;
  amount: number;
  committed: number;
  remaining: number;
  targetWorkers?: number | null;
  workersFunded: number;
}

/** A share as a percentage in the language's format ("65,6 %", "65.6%"). */
const percentOf = (part: number, whole: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(whole > 0 ? part / whole : 0);

/**
 * A progress bar with its figures in words beside it (the bar only repeats them): an accessible
 * progressbar named by the words.
 */
const Progress = ({ value, text, testId }: { value: number; text: string; testId: string }) => {
  const labelId = useId();
  const bounded = Math.max(0, Math.min(100, value));
  return (
    <Box sx={{ minWidth: { xs: 0, sm: '9rem' }, maxWidth: '18rem' }} data-budget-progress={testId}>
      <Typography variant="body2" id={labelId} sx={{ mb: 0.5 }}>
        {text}
      </Typography>
      {/* A bar of its own rather than MUI's LinearProgress, which pages (and tests) read as "still loading". */}
      <Box
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(bounded)}
        sx={{ height: 8, borderRadius: 4, bgcolor: 'action.selected', overflow: 'hidden' }}
      >
        <Box sx={{ height: '100%', width: `${bounded}%`, bgcolor: 'primary.main', borderRadius: 4 }} />
      </Box>
    </Box>
  );
};

/** Committed against the amount. */
export const CommittedProgress = ({ textOnly = false }: { label?: string; source?: string; textOnly?: boolean }) => {
  const record = useRecordContext<BudgetRecord>();
  const translate = useTranslate();
  const locale = useIntlLocale();
  if (!record || typeof record.amount !== 'number') return null;
  const committed = record.committed ?? 0;
  const text = translate('lindung.budget.committed_progress', {
    committed: formatRupiah(committed, locale),
    amount: formatRupiah(record.amount, locale),
    percent: percentOf(committed, record.amount, locale),
  });
  // On a phone's line (inside a paragraph): the words alone.
  if (textOnly) return <>{text}</>;
  return <Progress testId="committed" value={record.amount > 0 ? (committed / record.amount) * 100 : 0} text={text} />;
};

/** Workers funded against the target (words only when there is no target). */
export const WorkersProgress = (_: { label?: string; source?: string }) => {
  const record = useRecordContext<BudgetRecord>();
  const translate = useTranslate();
  const locale = useIntlLocale();
  if (!record) return null;
  const number = (value: number) => new Intl.NumberFormat(locale).format(value);
  const funded = record.workersFunded ?? 0;
  if (!record.targetWorkers) {
    return <Typography variant="body2">{translate('lindung.budget.workers_no_target', { funded: number(funded) })}</Typography>;
  }
  return (
    <Progress
      testId="workers"
      value={(funded / record.targetWorkers) * 100}
      text={translate('lindung.budget.workers_progress', {
        funded: number(funded),
        target: number(record.targetWorkers),
        percent: percentOf(funded, record.targetWorkers, locale),
      })}
    />
  );
};
