import { checkEnrollment } from '@lindung/domain';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatRupiah } from '../../common/money';
import { fieldLabel } from '../../i18n/reasons';
import { useIntlLocale } from '../../i18n/useIntlLocale';
import { useReasonWords } from '../workers/registry';
import { enrollmentFacts, type EnrollmentValues, type RateRecord } from './enrollmentRules';

interface ContributionPreviewProps {
  values: EnrollmentValues;
  rates: readonly RateRecord[] | null;
  ratesPending: boolean;
  ratesFailed: boolean;
}

/**
 * The monthly contribution as the form is filled in: checkEnrollment (packages/domain) over the
 * rates in force on the start date — the API's own arithmetic — in rupiah, per program and in
 * total; or what is missing, in the user's words. Announced politely as it changes.
 */
export const ContributionPreview = ({ values, rates, ratesPending, ratesFailed }: ContributionPreviewProps) => {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const words = useReasonWords('Enrollment');
  const facts = enrollmentFacts(values);

  let body;
  if (!facts) {
    body = <Typography variant="body2" color="text.secondary">{translate('lindung.enrollment.contribution_incomplete')}</Typography>;
  } else if (ratesFailed) {
    body = <Typography variant="body2" color="text.secondary">{translate('lindung.enrollment.contribution_unavailable')}</Typography>;
  } else if (ratesPending || !rates) {
    body = <Typography variant="body2" color="text.secondary">{translate('lindung.enrollment.contribution_loading')}</Typography>;
  } else {
    const result = checkEnrollment(facts, rates);
    if (result.ok) {
      const { monthlyContribution, contributionBreakdown } = result.enrollment;
      body = (
        <>
          <Typography variant="h5" component="p" data-contribution-total="">
            {formatRupiah(monthlyContribution, locale)}
          </Typography>
          <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 0, listStyle: 'none' }} data-contribution-breakdown="">
            {contributionBreakdown.map((part) => (
              <Typography component="li" variant="body2" key={part.program} sx={{ display: 'flex', justifyContent: 'space-between', gap: 2, maxWidth: '24rem' }}>
                <span>{translate(`lindung.program.${part.program}`)}</span>
                <span>{formatRupiah(part.amount, locale)}</span>
              </Typography>
            ))}
          </Box>
        </>
      );
    } else {
      const context = { translate, intlLocale: locale, resource: 'Enrollment' };
      body = (
        <>
          <Typography variant="body2">{translate('lindung.enrollment.contribution_problem')}</Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-contribution-problems="">
            {Object.entries(result.problems).map(([field, reason]) => (
              <Typography component="li" variant="body2" key={field}>
                {fieldLabel(field, context)}: {words(reason)}
              </Typography>
            ))}
          </Box>
        </>
      );
    }
  }

  return (
    <Box
      component="section"
      aria-live="polite"
      aria-labelledby="contribution-preview-title"
      data-contribution-preview=""
      sx={{ width: '100%', maxWidth: '100%', p: 2, mb: 2, borderRadius: 1, border: 1, borderColor: 'divider', boxSizing: 'border-box' }}
    >
      <Typography variant="subtitle2" component="h2" id="contribution-preview-title">
        {translate('lindung.enrollment.contribution')}
      </Typography>
      {body}
    </Box>
  );
};
