import { canAccess, type Role } from '@lindung/domain';
import { Card, CardContent, CardHeader, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import type { ComponentType } from 'react';
import { Link, RecordContextProvider, SelectField, useGetList, useTranslate } from 'react-admin';
import { roleChoices } from '../common/choices';
import { useIntlLocale } from '../i18n/useIntlLocale';
import type { SessionUser } from '../session';
import { ScopeField } from '../resources/users/ScopeField';

/** A card of a role's home page: given who is signed in, shows what concerns them. */
export type HomeCard = ComponentType<{ user: SessionUser }>;

/** Who I am and what my scope is (by name). */
export const IdentityCard: HomeCard = ({ user }) => {
  const translate = useTranslate();
  return (
    <Card>
      <CardHeader title={translate('lindung.home.greeting', { name: user.fullName || user.email })} />
      <CardContent sx={{ pt: 0 }}>
        <RecordContextProvider value={user}>
          <Typography variant="body2" component="div">
            <SelectField source="role" choices={roleChoices} />
          </Typography>
          {/* The scope's name loads after the card: react-admin's progress bar (after a second) and
              the empty block it holds the bar's place with until then (a MuiBox span, 4 px high
              with a margin: 20 px more) both stay within the line, so the shortcuts below never
              move when the name arrives. */}
          <Typography
            variant="body2"
            component="div"
            sx={{ mt: 1, '& .MuiLinearProgress-root, & .MuiBox-root': { display: 'inline-block', width: '4em', my: 0, verticalAlign: 'middle' } }}
          >
            {translate('lindung.home.scope')}: <ScopeField link={false} />
          </Typography>
        </RecordContextProvider>
      </CardContent>
    </Card>
  );
};

interface Shortcut {
  /** A translation key. */
  label: string;
  to: (user: SessionUser) => string | null;
  resource: string;
  action: 'list' | 'show' | 'create';
}

const SHORTCUTS: Record<Role, Shortcut[]> = {
  ADMIN: [
    { label: 'lindung.worker.home.workers', to: () => '/Worker', resource: 'Worker', action: 'list' },
    { label: 'lindung.enrollment.home.enrollments', to: () => '/Enrollment', resource: 'Enrollment', action: 'list' },
    { label: 'lindung.home.shortcut.accounts', to: () => '/User', resource: 'User', action: 'list' },
    { label: 'lindung.home.shortcut.partners', to: () => '/PartnerOrganisation', resource: 'PartnerOrganisation', action: 'list' },
    { label: 'lindung.home.shortcut.rates', to: () => '/ContributionRate', resource: 'ContributionRate', action: 'list' },
    { label: 'lindung.home.shortcut.regions', to: () => '/Regency', resource: 'Regency', action: 'list' },
  ],
  REGENCY_OFFICIAL: [
    { label: 'lindung.worker.home.workers', to: () => '/Worker', resource: 'Worker', action: 'list' },
    { label: 'lindung.worker.home.duplicates', to: () => `/Worker?filter=${encodeURIComponent(JSON.stringify({ possibleDuplicate: true }))}`, resource: 'Worker', action: 'list' },
    { label: 'lindung.enrollment.home.enrollments', to: () => '/Enrollment', resource: 'Enrollment', action: 'list' },
    { label: 'lindung.home.shortcut.village_heads', to: () => `/User?filter=${encodeURIComponent(JSON.stringify({ role: 'VILLAGE_HEAD' }))}`, resource: 'User', action: 'list' },
    { label: 'lindung.home.shortcut.new_village_head', to: () => '/User/create', resource: 'User', action: 'create' },
    { label: 'lindung.home.shortcut.partners', to: () => '/PartnerOrganisation', resource: 'PartnerOrganisation', action: 'list' },
    { label: 'lindung.home.shortcut.my_regency', to: (user) => (user.regencyId ? `/Regency/${encodeURIComponent(user.regencyId)}/show` : null), resource: 'Regency', action: 'show' },
  ],
  VILLAGE_HEAD: [
    { label: 'lindung.worker.home.village_workers', to: () => '/Worker', resource: 'Worker', action: 'list' },
    { label: 'lindung.enrollment.home.enrollments', to: () => '/Enrollment', resource: 'Enrollment', action: 'list' },
    { label: 'lindung.home.shortcut.my_village', to: (user) => (user.villageId ? `/Village/${encodeURIComponent(user.villageId)}/show` : null), resource: 'Village', action: 'show' },
    { label: 'lindung.home.shortcut.village_partners', to: () => '/PartnerOrganisation', resource: 'PartnerOrganisation', action: 'list' },
    { label: 'lindung.home.shortcut.rates', to: () => '/ContributionRate', resource: 'ContributionRate', action: 'list' },
  ],
  PARTNER: [
    { label: 'lindung.worker.home.new_worker', to: () => '/Worker/create', resource: 'Worker', action: 'create' },
    { label: 'lindung.worker.home.our_workers', to: () => '/Worker', resource: 'Worker', action: 'list' },
    { label: 'lindung.enrollment.home.enrollments', to: () => '/Enrollment', resource: 'Enrollment', action: 'list' },
    { label: 'lindung.home.shortcut.my_organisation', to: (user) => (user.partnerId ? `/PartnerOrganisation/${encodeURIComponent(user.partnerId)}/show` : null), resource: 'PartnerOrganisation', action: 'show' },
    { label: 'lindung.import.shortcut', to: () => '/Import', resource: 'Import', action: 'list' },
    { label: 'lindung.home.shortcut.rates', to: () => '/ContributionRate', resource: 'ContributionRate', action: 'list' },
  ],
  AUDITOR: [
    { label: 'lindung.worker.home.workers', to: () => '/Worker', resource: 'Worker', action: 'list' },
    { label: 'lindung.enrollment.home.enrollments', to: () => '/Enrollment', resource: 'Enrollment', action: 'list' },
    { label: 'lindung.audit.shortcut', to: () => '/AuditEvent', resource: 'AuditEvent', action: 'list' },
    { label: 'lindung.home.shortcut.accounts', to: () => '/User', resource: 'User', action: 'list' },
    { label: 'lindung.home.shortcut.partners', to: () => '/PartnerOrganisation', resource: 'PartnerOrganisation', action: 'list' },
    { label: 'lindung.home.shortcut.rates', to: () => '/ContributionRate', resource: 'ContributionRate', action: 'list' },
  ],
};

/** What I can do here: plain links, only to what my role may open. */
export const ShortcutsCard: HomeCard = ({ user }) => {
  const translate = useTranslate();
  const shortcuts = SHORTCUTS[user.role].flatMap((shortcut) => {
    const to = shortcut.to(user);
    return to && canAccess(user.role, shortcut.resource, shortcut.action) ? [{ ...shortcut, to }] : [];
  });
  return (
    <Card>
      <CardHeader title={translate('lindung.home.shortcuts')} />
      {/* Links, not list items: a nav, so that assistive technology reads no broken list. */}
      <List dense disablePadding component="nav" aria-label={translate('lindung.home.shortcuts')}>
        {shortcuts.map((shortcut) => (
          <ListItemButton key={shortcut.label} component={Link} to={shortcut.to} data-home-shortcut="">
            <ListItemText primary={translate(shortcut.label)} />
          </ListItemButton>
        ))}
      </List>
    </Card>
  );
};

interface FigureSpec {
  resource: string;
  label: string;
  /** A field the list may be sorted by (the count needs none, the API asks for a valid one). */
  sortField: string;
  /** Narrows reference data to the caller's regency (regions are readable everywhere). */
  byRegency?: boolean;
  /** Counts only these records (the active enrollments, say). */
  filter?: Record<string, unknown>;
}

/** How many records of a resource I can see: react-admin's count, within my scope. */
const Figure = ({ resource, label, sortField, byRegency, filter: only, user }: FigureSpec & { user: SessionUser }) => {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const filter = { ...only, ...(byRegency && user.regencyId ? { regencyId: user.regencyId } : {}) };
  const { total, isPending } = useGetList(resource, { pagination: { page: 1, perPage: 1 }, sort: { field: sortField, order: 'ASC' }, filter });
  return (
    <Stack sx={{ minWidth: 120 }}>
      <Typography variant="h4" component="p" data-figure={resource}>
        {isPending || total == null ? '…' : new Intl.NumberFormat(locale).format(total)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate(label)}
      </Typography>
    </Stack>
  );
};

const FIGURES: FigureSpec[] = [
  { resource: 'Worker', label: 'lindung.worker.home.figure', sortField: 'fullName' },
  { resource: 'Enrollment', label: 'lindung.enrollment.home.figure', sortField: 'startDate', filter: { status: 'ACTIVE' } },
  { resource: 'Village', label: 'lindung.home.figure.villages', sortField: 'name', byRegency: true },
  { resource: 'PartnerOrganisation', label: 'lindung.home.figure.partners', sortField: 'name' },
  { resource: 'User', label: 'lindung.home.figure.accounts', sortField: 'email' },
];

/** Figures from what exists today, counted within my scope. */
export const FiguresCard: HomeCard = ({ user }) => {
  const translate = useTranslate();
  const figures = FIGURES.filter((figure) => canAccess(user.role, figure.resource, 'list'));
  return (
    <Card>
      <CardHeader title={translate('lindung.home.figures')} />
      <CardContent sx={{ pt: 0, display: 'flex', flexWrap: 'wrap', gap: 3 }}>
        {figures.map((figure) => (
          <Figure key={figure.resource} {...figure} user={user} />
        ))}
      </CardContent>
    </Card>
  );
};
