import { AwardCriterion, todayIn } from '@lindung/domain';
import { Alert, Box, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useGetIdentity, useGetList, useTranslate } from 'react-admin';
import { useIsPhone } from '../../common/ResponsiveDataTable';
import { useIntlLocale } from '../../i18n/useIntlLocale';
import { requestSignedIn } from '../../session';
import { formatCriterionValue, formatPoints } from './awardFields';

const SCORE = `query AwardScore($regencyId: ID!, $year: Int!) {
  awardScore(regencyId: $regencyId, year: $year) { total maximum components { criterion value weight target points } }
}`;

interface Component {
  criterion: AwardCriterion;
  value: number;
  weight: number;
  target: number;
  points: number;
}
interface Score {
  total: number;
  maximum: number;
  components: Component[];
}

/** The regulation in force during the year, to name it in the explanation. */
function useRegulationTitle(regencyId: string | undefined, year: number): string | null {
  const { data } = useGetList(
    'Regulation',
    { filter: { regencyId }, pagination: { page: 1, perPage: 50 }, sort: { field: 'validFrom', order: 'DESC' } },
    { enabled: Boolean(regencyId) },
  );
  const found = (data ?? []).find(
    (regulation) => regulation.validFrom <= `${year}-12-31` && (!regulation.validTo || regulation.validTo >= `${year}-01-01`),
  );
  return found?.title ?? null;
}

/**
 * The explanation of a component in the user's language, from its figures (the API's own
 * explanation is English): what the value was, the share of the target it reached, and the
 * points that share of the weight gives.
 */
function useExplain(regulationTitle: string | null) {
  const translate = useTranslate();
  const locale = useIntlLocale();
  return (component: Component) => {
    const { criterion, value, target, weight, points } = component;
    const shown = formatCriterionValue(criterion, value, locale, translate);
    const first =
      criterion === AwardCriterion.REGULATION
        ? value >= 1
          ? regulationTitle
            ? translate('lindung.award.value.REGULATION_NAMED', { title: regulationTitle })
            : translate('lindung.award.value.REGULATION_YES')
          : translate('lindung.award.value.REGULATION_NO')
        : translate(`lindung.award.value.${criterion}`, { value: shown });
    const attained = target > 0 ? Math.min(Math.max(value / target, 0), 1) : 0;
    const second = translate('lindung.award.attained', {
      attained: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(attained),
      target: formatCriterionValue(criterion, target, locale, translate),
      weight: formatPoints(weight, locale),
      points: formatPoints(points, locale),
    });
    return `${first}; ${second}`;
  };
}

/**
 * A regency's self-assessment for a year (`awardScore`) as a table that explains itself: per
 * criterion its value, weight, target, points and how they were computed; the total against the
 * most the weights in force allow. The regency and year can be changed (an official's own regency
 * only: the API scopes it).
 */
export const AwardScorePanel = ({ regencyId: initialRegency, year: initialYear }: { regencyId?: string | null; year?: number }) => {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const isPhone = useIsPhone();
  const { identity } = useGetIdentity();
  const [regencyId, setRegencyId] = useState<string>(initialRegency ?? '');
  const [yearText, setYearText] = useState(String(initialYear ?? Number(todayIn().slice(0, 4))));
  const chosenRegency = regencyId || (identity?.regencyId as string | undefined) || '';
  const year = Number(yearText);
  const validYear = Number.isInteger(year) && year >= 2000 && year <= 2100;
  const { data: regencies } = useGetList('Regency', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });
  const { data, isPending, error } = useQuery({
    queryKey: ['awardScore', chosenRegency, year],
    queryFn: () => requestSignedIn<{ awardScore: Score }>(SCORE, { regencyId: chosenRegency, year }),
    enabled: Boolean(chosenRegency) && validYear,
  });
  const explain = useExplain(useRegulationTitle(chosenRegency || undefined, year));
  const titleId = useId();
  const score = data?.awardScore;

  let body;
  if (!chosenRegency) body = <Typography variant="body2">{translate('lindung.award.score.choose_regency')}</Typography>;
  else if (error) body = <Alert severity="error">{translate('lindung.award.score.failed')}</Alert>;
  else if (isPending || !score) body = <Typography variant="body2">{translate('lindung.award.score.loading')}</Typography>;
  else if (score.components.length === 0) body = <Alert severity="info">{translate('lindung.award.score.no_weights')}</Alert>;
  else {
    const total = translate('lindung.award.score.total_value', { total: formatPoints(score.total, locale), maximum: formatPoints(score.maximum, locale) });
    body = isPhone ? (
      <Stack component="ul" spacing={1} sx={{ m: 0, p: 0, listStyle: 'none' }} data-award-score="">
        {score.components.map((component) => (
          <Box component="li" key={component.criterion} data-criterion={component.criterion} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
            <Typography variant="subtitle2" component="h3">
              {translate(`lindung.award.criterion.${component.criterion}`)}
            </Typography>
            <Typography variant="body2">
              {translate('lindung.award.score.points')}: {formatPoints(component.points, locale)} / {formatPoints(component.weight, locale)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {explain(component)}
            </Typography>
          </Box>
        ))}
        <Typography component="li" variant="subtitle1" sx={{ fontWeight: 'bold' }} data-award-total="">
          {translate('lindung.award.score.total')}: {total}
        </Typography>
      </Stack>
    ) : (
      <Table size="small" data-award-score="">
        <TableHead>
          <TableRow>
            {['criterion', 'value', 'weight', 'target', 'points', 'explanation'].map((column) => (
              <TableCell key={column} component="th" scope="col" align={['weight', 'points'].includes(column) ? 'right' : undefined}>
                {column === 'criterion' ? translate('resources.AwardWeight.fields.criterion') : translate(`lindung.award.score.${column}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {score.components.map((component) => (
            <TableRow key={component.criterion} data-criterion={component.criterion}>
              <TableCell component="th" scope="row">
                {translate(`lindung.award.criterion.${component.criterion}`)}
              </TableCell>
              <TableCell>{formatCriterionValue(component.criterion, component.value, locale, translate)}</TableCell>
              <TableCell align="right">{formatPoints(component.weight, locale)}</TableCell>
              <TableCell>{formatCriterionValue(component.criterion, component.target, locale, translate)}</TableCell>
              <TableCell align="right">{formatPoints(component.points, locale)}</TableCell>
              <TableCell>{explain(component)}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell component="th" scope="row" sx={{ fontWeight: 'bold' }}>
              {translate('lindung.award.score.total')}
            </TableCell>
            <TableCell colSpan={5} sx={{ fontWeight: 'bold' }} data-award-total="">
              {total}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    );
  }

  return (
    <Box component="section" aria-labelledby={titleId} sx={{ width: '100%' }} data-award-score-panel="">
      <Typography variant="h6" component="h2" id={titleId}>
        {translate('lindung.award.score.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('lindung.award.score.help')}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField
          select
          size="small"
          label={translate('lindung.award.score.regency')}
          value={chosenRegency}
          onChange={(event) => setRegencyId(event.target.value)}
          sx={{ minWidth: { sm: '16rem' } }}
        >
          {(regencies ?? []).map((regency) => (
            <MenuItem key={regency.id} value={regency.id}>
              {regency.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          type="number"
          label={translate('lindung.award.score.year')}
          helperText={translate('lindung.award.score.year_help')}
          value={yearText}
          onChange={(event) => setYearText(event.target.value)}
          slotProps={{ htmlInput: { min: 2000, max: 2100, step: 1, inputMode: 'numeric' } }}
          sx={{ maxWidth: { sm: '12rem' } }}
        />
      </Stack>
      {body}
    </Box>
  );
};
