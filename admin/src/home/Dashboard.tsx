import { canAccess, hasPermission, Permission, type Role } from '@lindung/domain';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useId, type ReactNode } from 'react';
import { Link, useStore, useTranslate } from 'react-admin';
import type { SessionUser } from '../session';
import {
  BudgetBars,
  CATEGORY_COLOURS,
  CountBars,
  CoverageGauge,
  Donut,
  HiddenTable,
  TrendChart,
  useGaugeColours,
  type DonutDatum,
} from './charts';
import {
  DEFAULT_REGENCY_CODE,
  useBudgets,
  useCoverage,
  useCoverageTrend,
  useEndingCover,
  useRegencies,
  useVillageProposals,
  useWaitingProposals,
  type BudgetSummary,
  type CoverageStats,
  type ProposalStatusName,
} from './dashboardData';
import { useDashboardFormat, type DashboardFormat } from './format';

/**
 * The dashboard each role opens first (issue 9): a regency official (and ADMIN or AUDITOR, for the
 * regency they choose) sees the coverage gauge, target against protected workers, the trend by
 * month, kecamatan, partner types and funding sources, the budget, the proposals waiting and the
 * cover ending soon; a village head sees its village; a partner its own contribution. Loaded on
 * demand by Home.tsx (it brings recharts).
 */
export default function Dashboard({ user }: { user: SessionUser }) {
  switch (user.role) {
    case 'REGENCY_OFFICIAL':
      return user.regencyId ? <RegencyDashboard regencyId={user.regencyId} role={user.role} /> : <NoScope />;
    case 'ADMIN':
    case 'AUDITOR':
      return <ChosenRegencyDashboard role={user.role} />;
    case 'VILLAGE_HEAD':
      return user.regencyId ? <VillageDashboard regencyId={user.regencyId} villageId={user.villageId} role={user.role} /> : <NoScope />;
    case 'PARTNER':
      return user.regencyId ? <PartnerDashboard regencyId={user.regencyId} /> : <NoScope />;
    default:
      return null;
  }
}

// ——— The pieces every card uses ———

const Grid = ({ children }: { children: ReactNode }) => (
  <Box data-dashboard="" sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' } }}>
    {children}
  </Box>
);

/** A card of the dashboard: a section named by its heading (h2: the page title is the h1). */
const DashCard = ({ title, wide, children, name }: { title: string; wide?: boolean; children: ReactNode; name: string }) => {
  const id = useId();
  return (
    <Card component="section" aria-labelledby={id} data-dashboard-card={name} sx={{ minWidth: 0, gridColumn: wide ? '1 / -1' : undefined }}>
      <CardHeader title={title} slotProps={{ title: { component: 'h2', variant: 'h6', id } }} />
      <CardContent sx={{ pt: 0 }}>{children}</CardContent>
    </Card>
  );
};

interface Loadable<T> {
  data: T | undefined;
  isPending: boolean;
  isError: boolean;
  refetch: () => unknown;
}

/** While a card's figures load: a named progress bar; if they fail: a sentence and a retry. */
function Loaded<T>({ query, children }: { query: Loadable<T>; children: (data: T) => ReactNode }) {
  const translate = useTranslate();
  if (query.isError) {
    return (
      <Alert
        severity="warning"
        action={
          <Button color="inherit" size="small" onClick={() => void query.refetch()}>
            {translate('lindung.dashboard.retry')}
          </Button>
        }
      >
        {translate('lindung.dashboard.unavailable')}
      </Alert>
    );
  }
  if (query.isPending || query.data === undefined) {
    return <LinearProgress aria-label={translate('lindung.dashboard.loading')} sx={{ my: 2 }} />;
  }
  return <>{children(query.data)}</>;
}

const NoScope = () => {
  const translate = useTranslate();
  return <Alert severity="info">{translate('lindung.dashboard.no_scope')}</Alert>;
};

const Swatch = ({ colour }: { colour: string }) => (
  <Box component="span" aria-hidden="true" sx={{ display: 'inline-block', flex: 'none', width: 12, height: 12, borderRadius: '2px', bgcolor: colour, mr: 1 }} />
);

/** A large figure with its words below: the village's or the partner's protected workers. */
const BigFigure = ({ value, label, name }: { value: string; label: string; name: string }) => (
  <Box sx={{ mb: 2 }}>
    <Typography variant="h3" component="p" data-dashboard-figure={name} sx={{ whiteSpace: 'nowrap' }}>
      {value}
    </Typography>
    <Typography variant="body2" color="text.secondary">
      {label}
    </Typography>
  </Box>
);

/** The legend of a donut, which is also its figures in words: colour, name, workers, share. */
const DonutWithLegend = ({ data, format }: { data: DonutDatum[]; format: DashboardFormat }) => {
  const translate = useTranslate();
  const total = data.reduce((sum, datum) => sum + datum.value, 0);
  if (total === 0) return <Typography variant="body2">{translate('lindung.dashboard.empty')}</Typography>;
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
      <Box sx={{ flex: '0 0 auto', width: { xs: '100%', sm: 200 } }}>
        <Donut data={data} format={format} />
      </Box>
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, flex: 1, minWidth: 0 }}>
        {data.map((datum) => (
          <Box component="li" key={datum.key} data-dashboard-share={datum.key} sx={{ display: 'flex', alignItems: 'baseline', gap: 1, py: 0.5 }}>
            <Swatch colour={datum.fill} />
            <Typography variant="body2" component="span" sx={{ flex: 1, minWidth: 0 }}>
              {datum.label}
            </Typography>
            <Typography variant="body2" component="span" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
              {format.number(datum.value)}
            </Typography>
            <Typography variant="body2" component="span" color="text.secondary" sx={{ whiteSpace: 'nowrap', minWidth: '4.5em', textAlign: 'right' }}>
              {format.percent(datum.value / total)}
            </Typography>
          </Box>
        ))}
      </Box>
    </Stack>
  );
};

function partnerTypeShares(coverage: CoverageStats, translate: (key: string) => string): DonutDatum[] {
  return [...coverage.byPartnerType]
    .sort((a, b) => b.protectedWorkers - a.protectedWorkers)
    .map((row, index) => ({
      key: row.type ?? 'NONE',
      label: row.type ? translate(`lindung.partner_type.${row.type}`) : translate('lindung.dashboard.partner_type.none'),
      value: row.protectedWorkers,
      fill: CATEGORY_COLOURS[index % CATEGORY_COLOURS.length],
    }));
}

function fundingShares(coverage: CoverageStats, translate: (key: string) => string): DonutDatum[] {
  return [...coverage.byFundingSource]
    .sort((a, b) => b.protectedWorkers - a.protectedWorkers)
    .map((row, index) => ({
      key: row.fundingSource,
      label: translate(`lindung.enrollment.funding_source.${row.fundingSource}`),
      value: row.protectedWorkers,
      fill: CATEGORY_COLOURS[index % CATEGORY_COLOURS.length],
    }));
}

// ——— Cards ———

type CoverageQuery = ReturnType<typeof useCoverage>;

/** Official and live coverage against the 100 % target. */
const GaugeCard = ({ coverage }: { coverage: CoverageQuery }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const colours = useGaugeColours();
  return (
    <DashCard name="gauge" title={translate('lindung.dashboard.gauge.title')}>
      <Loaded query={coverage}>
        {(stats) => {
          const target = stats.workforceTarget;
          return (
            <>
              {target ? <CoverageGauge official={stats.official?.rate ?? null} live={stats.live.rate} /> : null}
              <Stack spacing={1.5} sx={{ mt: 1 }}>
                <Box>
                  <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: 1 }}>
                    <Swatch colour={colours.official} />
                    <Typography variant="subtitle1" component="p" sx={{ flex: 1 }}>
                      {translate('lindung.dashboard.gauge.official')}
                    </Typography>
                    <Typography variant="h4" component="p" data-coverage-rate="official" sx={{ whiteSpace: 'nowrap' }}>
                      {stats.official?.rate != null ? format.percent(stats.official.rate) : '—'}
                    </Typography>
                  </Box>
                  <Typography variant="body2" color="text.secondary">
                    {stats.official
                      ? translate('lindung.dashboard.gauge.official_detail', {
                          protected: format.number(stats.official.protectedWorkers),
                          target: target != null ? format.number(target) : '—',
                          day: format.day(stats.official.asOf),
                          source: stats.official.source,
                        })
                      : translate('lindung.dashboard.gauge.no_official')}
                  </Typography>
                </Box>
                <Box>
                  <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: 1 }}>
                    <Swatch colour={colours.live} />
                    <Typography variant="subtitle1" component="p" sx={{ flex: 1 }}>
                      {translate('lindung.dashboard.gauge.live')}
                    </Typography>
                    <Typography variant="h5" component="p" data-coverage-rate="live" sx={{ whiteSpace: 'nowrap' }}>
                      {stats.live.rate != null ? format.percent(stats.live.rate) : '—'}
                    </Typography>
                  </Box>
                  <Typography variant="body2" color="text.secondary">
                    {translate('lindung.dashboard.gauge.live_detail', { protected: format.number(stats.live.protectedWorkers) })}
                  </Typography>
                </Box>
                <Typography variant="body2">
                  {target ? translate('lindung.dashboard.gauge.target', { target: format.number(target) }) : translate('lindung.dashboard.gauge.no_target')}
                </Typography>
              </Stack>
            </>
          );
        }}
      </Loaded>
    </DashCard>
  );
};

/** The workforce target beside the protected workers, official and live. */
const TargetCard = ({ coverage }: { coverage: CoverageQuery }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const colours = useGaugeColours();
  return (
    <DashCard name="target" title={translate('lindung.dashboard.target.title')}>
      <Loaded query={coverage}>
        {(stats) => {
          const rows = [
            ...(stats.workforceTarget != null ? [{ label: translate('lindung.dashboard.target.target'), value: stats.workforceTarget, fill: '#9e9e9e' }] : []),
            ...(stats.official ? [{ label: translate('lindung.dashboard.target.official'), value: stats.official.protectedWorkers, fill: colours.official }] : []),
            { label: translate('lindung.dashboard.target.live'), value: stats.live.protectedWorkers, fill: colours.live },
          ];
          return (
            <CountBars
              data={rows}
              format={format}
              caption={translate('lindung.dashboard.target.caption')}
              headings={[translate('lindung.dashboard.figure'), translate('lindung.dashboard.workers')]}
              labelWidth={120}
              barSize={22}
            />
          );
        }}
      </Loaded>
    </DashCard>
  );
};

/** Protected workers at the end of each of the last twelve months. */
const TrendCard = ({ regencyId }: { regencyId: string }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const colours = useGaugeColours();
  const trend = useCoverageTrend(regencyId);
  const liveLabel = translate('lindung.dashboard.trend.live');
  const officialLabel = translate('lindung.dashboard.trend.official');
  return (
    <DashCard name="trend" wide title={translate('lindung.dashboard.trend.title')}>
      <Loaded query={trend}>
        {(months) => {
          const points = months.map((month) => ({ month: month.month, live: month.protectedWorkers, official: month.officialProtectedWorkers }));
          return (
            <>
              <TrendChart data={points} format={format} liveLabel={liveLabel} officialLabel={officialLabel} />
              {points.some((point) => point.official != null) && (
                <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, mt: 1 }}>
                  <Typography variant="body2" component="span" sx={{ display: 'inline-flex', alignItems: 'center' }}>
                    <Swatch colour={colours.live} />
                    {translate('lindung.dashboard.trend.left_scale', { name: liveLabel })}
                  </Typography>
                  <Typography variant="body2" component="span" sx={{ display: 'inline-flex', alignItems: 'center' }}>
                    <Swatch colour={colours.official} />
                    {translate('lindung.dashboard.trend.right_scale', { name: officialLabel })}
                  </Typography>
                </Box>
              )}
              <HiddenTable
                caption={translate('lindung.dashboard.trend.caption')}
                columns={[translate('lindung.dashboard.month'), liveLabel, officialLabel]}
                rows={points.map((point) => [
                  format.month(point.month),
                  format.number(point.live),
                  point.official != null ? format.number(point.official) : translate('lindung.dashboard.trend.none'),
                ])}
              />
            </>
          );
        }}
      </Loaded>
    </DashCard>
  );
};

/** A place and its live protected workers: a kecamatan, a village. */
interface PlaceCount {
  name: string;
  protectedWorkers: number;
}

/** The places with the most protected workers first (by name among equals), at most `limit` of them. */
function largestPlaces(places: PlaceCount[], limit: number): PlaceCount[] {
  return [...places].sort((a, b) => b.protectedWorkers - a.protectedWorkers || a.name.localeCompare(b.name)).slice(0, limit);
}

interface PlaceBarsCardProps {
  /** The card's `data-dashboard-card` name. */
  name: string;
  title: string;
  coverage: CoverageQuery;
  /** The places to show, read from the coverage figures. */
  placesOf: (stats: CoverageStats) => PlaceCount[];
  /** The hidden table's caption and the heading of its first column (already translated). */
  caption: string;
  placeHeading: string;
  labelWidth: number;
  /** Only the largest places, and how many more there are in words (a translation key with smart_count). */
  limit?: { shown: number; more: string };
}

/** Live protected workers per place (the kecamatan of a regency, the villages where a partner's workers live). */
const PlaceBarsCard = ({ name, title, coverage, placesOf, caption, placeHeading, labelWidth, limit }: PlaceBarsCardProps) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  return (
    <DashCard name={name} title={title}>
      <Loaded query={coverage}>
        {(stats) => {
          const places = placesOf(stats);
          if (places.length === 0) return <Typography variant="body2">{translate('lindung.dashboard.empty')}</Typography>;
          const shown = limit ? largestPlaces(places, limit.shown) : places;
          return (
            <>
              <CountBars
                data={shown.map((place) => ({ label: place.name, value: place.protectedWorkers }))}
                format={format}
                caption={caption}
                headings={[placeHeading, translate('lindung.dashboard.workers')]}
                labelWidth={labelWidth}
              />
              {limit && places.length > shown.length && (
                <Typography variant="body2" color="text.secondary">
                  {translate(limit.more, { smart_count: places.length - shown.length })}
                </Typography>
              )}
            </>
          );
        }}
      </Loaded>
    </DashCard>
  );
};

/** Live protected workers per kecamatan of the regency, in the API's order. */
const DistrictCard = ({ coverage }: { coverage: CoverageQuery }) => {
  const translate = useTranslate();
  return (
    <PlaceBarsCard
      name="districts"
      title={translate('lindung.dashboard.district.title')}
      coverage={coverage}
      placesOf={(stats) => stats.byDistrict}
      caption={translate('lindung.dashboard.district.caption')}
      placeHeading={translate('lindung.dashboard.district.name')}
      labelWidth={96}
    />
  );
};

const PartnerTypeCard = ({ coverage }: { coverage: CoverageQuery }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  return (
    <DashCard name="partner-types" title={translate('lindung.dashboard.partner_type.title')}>
      <Loaded query={coverage}>{(stats) => <DonutWithLegend data={partnerTypeShares(stats, translate)} format={format} />}</Loaded>
    </DashCard>
  );
};

const FundingCard = ({ coverage, title }: { coverage: CoverageQuery; title?: string }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  return (
    <DashCard name="funding-sources" title={title ?? translate('lindung.dashboard.funding.title')}>
      <Loaded query={coverage}>{(stats) => <DonutWithLegend data={fundingShares(stats, translate)} format={format} />}</Loaded>
    </DashCard>
  );
};

/** The regency's budgets for vulnerable workers: committed against remaining, workers funded. */
const BudgetCard = ({ regencyId, title }: { regencyId: string; title?: string }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const colours = useGaugeColours();
  const budgets = useBudgets(regencyId);
  return (
    <DashCard name="budget" title={title ?? translate('lindung.dashboard.budget.title')}>
      <Loaded query={budgets}>
        {(rows) =>
          rows.length === 0 ? (
            <Typography variant="body2">{translate('lindung.dashboard.budget.none')}</Typography>
          ) : (
            <>
              <BudgetBars
                data={[...rows].sort((a, b) => a.fiscalYear - b.fiscalYear).map((budget) => ({ label: String(budget.fiscalYear), committed: budget.committed, remaining: budget.remaining }))}
                format={format}
                committedLabel={translate('lindung.dashboard.budget.committed')}
                remainingLabel={translate('lindung.dashboard.budget.remaining')}
              />
              <Stack spacing={1.5} sx={{ mt: 1 }}>
                {rows.map((budget) => (
                  <BudgetLines key={budget.id} budget={budget} format={format} colours={colours} />
                ))}
              </Stack>
            </>
          )
        }
      </Loaded>
    </DashCard>
  );
};

const BudgetLines = ({ budget, format, colours }: { budget: BudgetSummary; format: DashboardFormat; colours: ReturnType<typeof useGaugeColours> }) => {
  const translate = useTranslate();
  return (
    <Box data-dashboard-budget={budget.fiscalYear}>
      <Typography variant="subtitle2" component="p">
        {budget.name} · {format.rupiah(budget.amount)}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
        <Typography variant="body2" component="span" sx={{ display: 'inline-flex', alignItems: 'center' }}>
          <Swatch colour={colours.budgetCommitted} />
          {translate('lindung.dashboard.budget.committed')}: {format.rupiah(budget.committed)}
        </Typography>
        <Typography variant="body2" component="span" sx={{ display: 'inline-flex', alignItems: 'center' }}>
          <Swatch colour={colours.budgetRemaining} />
          {translate('lindung.dashboard.budget.remaining')}: {format.rupiah(budget.remaining)}
        </Typography>
      </Box>
      <Typography variant="body2" color="text.secondary">
        {budget.targetWorkers != null
          ? translate('lindung.dashboard.budget.funded_of', { funded: format.number(budget.workersFunded), target: format.number(budget.targetWorkers) })
          : translate('lindung.dashboard.budget.funded_only', { funded: format.number(budget.workersFunded) })}
      </Typography>
    </Box>
  );
};

const proposalsLink = (filter?: Record<string, unknown>) => `/Proposal${filter ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : ''}`;

/** Submitted proposals of the regency, oldest first: for an official, the ones to decide. */
const WaitingCard = ({ regencyId, role }: { regencyId: string; role: Role }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const waiting = useWaitingProposals(regencyId);
  const decides = hasPermission(role, Permission.ProposalDecide);
  return (
    <DashCard name="waiting" title={translate(decides ? 'lindung.dashboard.proposals.title' : 'lindung.dashboard.proposals.title_regency')}>
      <Loaded query={waiting}>
        {({ proposals, count }) => (
          <>
            <Typography variant="h4" component="p" data-dashboard-figure="waiting">
              {format.number(count)}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {count === 0 ? translate('lindung.dashboard.proposals.none') : translate('lindung.dashboard.proposals.count', { smart_count: count })}
            </Typography>
            {proposals.length > 0 && (
              <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
                {proposals.map((proposal) => (
                  <Box component="li" key={proposal.id} sx={{ py: 0.5, display: 'flex', flexWrap: 'wrap', columnGap: 1 }}>
                    <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
                      {proposal.village?.name ?? '—'}
                    </Typography>
                    <Typography variant="body2" component="span">
                      {proposal.fiscalYear} · {format.rupiah(proposal.totalCost)}
                    </Typography>
                    {proposal.submittedAt && (
                      <Typography variant="body2" component="span" color="text.secondary">
                        {translate('lindung.dashboard.proposals.submitted', { day: format.day(proposal.submittedAt) })}
                      </Typography>
                    )}
                  </Box>
                ))}
              </Box>
            )}
            {count > 0 && canAccess(role, 'Proposal', 'list') && (
              <Button component={Link} to={proposalsLink({ status: 'SUBMITTED' })} size="small" sx={{ mt: 1 }}>
                {translate('lindung.dashboard.proposals.open')}
              </Button>
            )}
          </>
        )}
      </Loaded>
    </DashCard>
  );
};

const ENDING_SHOWN = 8;

/** Per village, the regency-funded cover ending within 60 days: the next cycle's renewals. */
const EndingCard = () => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const ending = useEndingCover();
  return (
    <DashCard name="ending" title={translate('lindung.dashboard.ending.title')}>
      <Loaded query={ending}>
        {(villages) => {
          if (villages.length === 0) return <Typography variant="body2">{translate('lindung.dashboard.ending.none')}</Typography>;
          const shown = [...villages].sort((a, b) => b.enrollments - a.enrollments || a.firstEnd.localeCompare(b.firstEnd)).slice(0, ENDING_SHOWN);
          return (
            <>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell scope="col">{translate('lindung.dashboard.ending.village')}</TableCell>
                    <TableCell scope="col" align="right">
                      {translate('lindung.dashboard.ending.enrollments')}
                    </TableCell>
                    <TableCell scope="col" align="right">
                      {translate('lindung.dashboard.ending.first_end')}
                    </TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {shown.map((village) => (
                    <TableRow key={village.villageId}>
                      <TableCell component="th" scope="row">
                        {village.villageName}
                      </TableCell>
                      <TableCell align="right">{format.number(village.enrollments)}</TableCell>
                      <TableCell align="right">{format.day(village.firstEnd)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {villages.length > shown.length && (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                  {translate('lindung.dashboard.ending.more', { smart_count: villages.length - shown.length })}
                </Typography>
              )}
            </>
          );
        }}
      </Loaded>
    </DashCard>
  );
};

// ——— Each role's dashboard ———

/** A regency's whole picture: its official, or ADMIN and AUDITOR for the regency they chose. */
const RegencyDashboard = ({ regencyId, role }: { regencyId: string; role: Role }) => {
  const coverage = useCoverage(regencyId);
  return (
    <Grid>
      <GaugeCard coverage={coverage} />
      <TargetCard coverage={coverage} />
      <TrendCard regencyId={regencyId} />
      <DistrictCard coverage={coverage} />
      <PartnerTypeCard coverage={coverage} />
      <FundingCard coverage={coverage} />
      {hasPermission(role, Permission.BudgetRead) && <BudgetCard regencyId={regencyId} />}
      {hasPermission(role, Permission.ProposalRead) && <WaitingCard regencyId={regencyId} role={role} />}
      {/* Renewals are the official's to plan; the list is not by regency, so not for the global roles. */}
      {role === 'REGENCY_OFFICIAL' && <EndingCard />}
    </Grid>
  );
};

/** ADMIN and AUDITOR see every regency: they pick one (Gianyar first), remembered in this browser. */
const ChosenRegencyDashboard = ({ role }: { role: Role }) => {
  const translate = useTranslate();
  const regencies = useRegencies(true);
  const [chosen, setChosen] = useStore<string | null>('lindung.dashboard.regencyId', null);
  const choices = regencies.data ?? [];
  const known = choices.some((regency) => regency.id === chosen);
  const fallback = choices.find((regency) => regency.code === DEFAULT_REGENCY_CODE) ?? choices[0];
  const regencyId = known ? chosen : (fallback?.id ?? null);
  useEffect(() => {
    if (regencies.data && !known && fallback) setChosen(fallback.id);
  }, [regencies.data, known, fallback, setChosen]);
  return (
    <Stack spacing={2}>
      <Loaded query={regencies}>
        {(rows) => (
          <TextField
            select
            size="small"
            label={translate('lindung.dashboard.regency')}
            helperText={translate('lindung.dashboard.regency_help')}
            value={regencyId ?? ''}
            onChange={(event) => setChosen(event.target.value)}
            sx={{ maxWidth: 360 }}
            slotProps={{ select: { inputProps: { 'data-dashboard-regency': '' } } }}
          >
            {rows.map((regency) => (
              <MenuItem key={regency.id} value={regency.id}>
                {regency.name} ({regency.code})
              </MenuItem>
            ))}
          </TextField>
        )}
      </Loaded>
      {regencyId && <RegencyDashboard key={regencyId} regencyId={regencyId} role={role} />}
    </Stack>
  );
};

const STATUS_ORDER: ProposalStatusName[] = ['DRAFT', 'SUBMITTED', 'APPROVED', 'PARTIALLY_APPROVED', 'REJECTED', 'WITHDRAWN'];
const MY_PROPOSALS_SHOWN = 5;

/** A village head's own proposals: how many in each state, the latest with their outcome. */
const MyProposalsCard = ({ villageId, role }: { villageId: string; role: Role }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const proposals = useVillageProposals(villageId);
  return (
    <DashCard name="my-proposals" title={translate('lindung.dashboard.my_proposals.title')}>
      <Loaded query={proposals}>
        {(rows) => {
          if (rows.length === 0) return <Typography variant="body2">{translate('lindung.dashboard.my_proposals.none')}</Typography>;
          const counts = STATUS_ORDER.map((status) => ({ status, count: rows.filter((row) => row.status === status).length })).filter((entry) => entry.count > 0);
          return (
            <>
              <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mb: 1.5, display: 'flex', flexWrap: 'wrap', gap: 1 }}>
                {counts.map(({ status, count }) => (
                  <Box component="li" key={status} data-dashboard-status={status} sx={{ border: 1, borderColor: 'divider', borderRadius: 4, px: 1.5, py: 0.25 }}>
                    <Typography variant="body2" component="span">
                      {translate(`lindung.dashboard.proposal_status.${status}`)}: <strong>{format.number(count)}</strong>
                    </Typography>
                  </Box>
                ))}
              </Box>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell scope="col">{translate('lindung.dashboard.budget.year')}</TableCell>
                    <TableCell scope="col">{translate('lindung.dashboard.my_proposals.status')}</TableCell>
                    <TableCell scope="col" align="right">
                      {translate('lindung.dashboard.my_proposals.cost')}
                    </TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.slice(0, MY_PROPOSALS_SHOWN).map((proposal) => (
                    <TableRow key={proposal.id}>
                      <TableCell component="th" scope="row">
                        {proposal.fiscalYear}
                      </TableCell>
                      <TableCell>{translate(`lindung.dashboard.proposal_status.${proposal.status}`)}</TableCell>
                      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                        {proposal.status === 'PARTIALLY_APPROVED' ? `${format.rupiah(proposal.approvedCost)} / ${format.rupiah(proposal.totalCost)}` : format.rupiah(proposal.totalCost)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {canAccess(role, 'Proposal', 'list') && (
                <Button component={Link} to={proposalsLink()} size="small" sx={{ mt: 1 }}>
                  {translate('lindung.dashboard.my_proposals.open')}
                </Button>
              )}
            </>
          );
        }}
      </Loaded>
    </DashCard>
  );
};

/** A village head: its village's protected workers, its proposals, the regency's budget. */
const VillageDashboard = ({ regencyId, villageId, role }: { regencyId: string; villageId: string | null; role: Role }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const coverage = useCoverage(regencyId);
  const villageName = coverage.data?.byVillage.find((row) => row.villageId === villageId)?.name;
  return (
    <Grid>
      <DashCard name="village" title={villageName ? `${translate('lindung.dashboard.village.title')}: ${villageName}` : translate('lindung.dashboard.village.title')}>
        <Loaded query={coverage}>
          {(stats) => (
            <>
              <BigFigure name="live" value={format.number(stats.live.protectedWorkers)} label={translate('lindung.dashboard.village.live')} />
              {stats.official?.rate != null && (
                <Typography variant="body2" sx={{ mb: 2 }}>
                  {translate('lindung.dashboard.village.official', { rate: format.percent(stats.official.rate) })}
                </Typography>
              )}
              <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
                {translate('lindung.dashboard.funding.title')}
              </Typography>
              <DonutWithLegend data={fundingShares(stats, translate)} format={format} />
            </>
          )}
        </Loaded>
      </DashCard>
      {villageId && hasPermission(role, Permission.ProposalRead) && <MyProposalsCard villageId={villageId} role={role} />}
      {hasPermission(role, Permission.BudgetRead) && <BudgetCard regencyId={regencyId} title={translate('lindung.dashboard.village_budget.title')} />}
      <TrendCard regencyId={regencyId} />
    </Grid>
  );
};

const PARTNER_VILLAGES_SHOWN = 10;

/** A partner: the workers it enrolled who are protected today, by funding source and by village. */
const PartnerDashboard = ({ regencyId }: { regencyId: string }) => {
  const translate = useTranslate();
  const format = useDashboardFormat();
  const coverage = useCoverage(regencyId);
  return (
    <Grid>
      <DashCard name="contribution" title={translate('lindung.dashboard.partner.title')}>
        <Loaded query={coverage}>
          {(stats) => (
            <>
              <BigFigure name="live" value={format.number(stats.live.protectedWorkers)} label={translate('lindung.dashboard.partner.live')} />
              <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
                {translate('lindung.dashboard.funding.title')}
              </Typography>
              <DonutWithLegend data={fundingShares(stats, translate)} format={format} />
            </>
          )}
        </Loaded>
      </DashCard>
      <PlaceBarsCard
        name="villages"
        title={translate('lindung.dashboard.partner.villages')}
        coverage={coverage}
        placesOf={(stats) => stats.byVillage}
        caption={translate('lindung.dashboard.partner.villages_caption')}
        placeHeading={translate('lindung.dashboard.proposals.village')}
        labelWidth={110}
        // A partner's people may live in many villages: the largest ones, and how many more.
        limit={{ shown: PARTNER_VILLAGES_SHOWN, more: 'lindung.dashboard.partner.more' }}
      />
      <TrendCard regencyId={regencyId} />
    </Grid>
  );
};
