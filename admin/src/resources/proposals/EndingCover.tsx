import { Alert, AlertTitle, Box, Link as MuiLink } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { LinkBase, useTranslate } from 'react-admin';
import { formatDay } from '../../common/dates';
import { useIntlLocale } from '../../i18n/useIntlLocale';
import { requestSignedIn } from '../../session';

const ENDING = `query EndingCover($withinDays: Int) { endingCover(withinDays: $withinDays) { villageId villageName enrollments firstEnd } }`;
/** The window: cover that ends within the next 60 days is the next cycle's to renew. */
const WITHIN_DAYS = 60;

interface VillageEnding {
  villageId: string;
  villageName: string;
  enrollments: number;
  firstEnd: string;
}

/**
 * Per village (within the caller's scope), the regency-funded cover that ends within 60 days:
 * who is due for re-validation. Nothing shows when nothing ends soon.
 */
export const EndingCover = () => {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const { data } = useQuery({
    queryKey: ['endingCover', WITHIN_DAYS],
    queryFn: () => requestSignedIn<{ endingCover: VillageEnding[] }>(ENDING, { withinDays: WITHIN_DAYS }),
    staleTime: 5 * 60_000,
  });
  const villages = data?.endingCover ?? [];
  if (villages.length === 0) return null;
  return (
    <Alert severity="info" variant="outlined" sx={{ mt: 1 }} data-ending-cover="">
      <AlertTitle component="h2" sx={{ fontSize: '1rem' }}>
        {translate('lindung.proposal.ending.title', { days: WITHIN_DAYS })}
      </AlertTitle>
      {translate('lindung.proposal.ending.summary', {
        smart_count: villages.reduce((sum, village) => sum + village.enrollments, 0),
        villages: translate('lindung.proposal.ending.villages', { smart_count: villages.length }),
      })}
      <Box component="details" open={villages.length <= 3} sx={{ mt: 0.5, '& summary': { cursor: 'pointer', fontWeight: 'medium' } }}>
        <summary>{translate('lindung.proposal.ending.per_village')}</summary>
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {villages.map((village) => (
            <li key={village.villageId}>
              <MuiLink
                component={LinkBase}
                to={`/Enrollment?filter=${encodeURIComponent(JSON.stringify({ villageId: village.villageId, fundingSource: 'REGENCY_BUDGET', status: 'ACTIVE' }))}`}
              >
                {village.villageName}
              </MuiLink>
              {': '}
              {translate('lindung.proposal.ending.line', {
                smart_count: village.enrollments,
                date: formatDay(village.firstEnd, locale, { format: 'long' }),
              })}
            </li>
          ))}
        </Box>
      </Box>
    </Alert>
  );
};
