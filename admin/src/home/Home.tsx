import type { Role } from '@lindung/domain';
import { Box, Card, CardContent, LinearProgress } from '@mui/material';
import { lazy, Suspense } from 'react';
import { Title, useAuthenticated, useTranslate } from 'react-admin';
import { readSession } from '../session';
import { FiguresCard, IdentityCard, ShortcutsCard, type HomeCard } from './cards';

/**
 * Each role's home page: a list of cards. A new card (the registry's figures, the cycle's
 * proposals waiting) is one component added to a role's list here, not a new page.
 */
const HOME_CARDS: Record<Role, HomeCard[]> = {
  ADMIN: [IdentityCard, ShortcutsCard, FiguresCard],
  REGENCY_OFFICIAL: [IdentityCard, ShortcutsCard, FiguresCard],
  VILLAGE_HEAD: [IdentityCard, ShortcutsCard, FiguresCard],
  PARTNER: [IdentityCard, ShortcutsCard, FiguresCard],
  AUDITOR: [IdentityCard, ShortcutsCard, FiguresCard],
};

/**
 * The coverage dashboard (issue 9), below the cards: loaded on demand (React.lazy), with the chart
 * library it brings, so neither is ever part of the sign-in page's download. Below, because it
 * grows as its figures arrive: above the cards it moved the shortcuts while the page loaded, and a
 * tap on a phone could land where a link had been a moment before.
 */
const Dashboard = lazy(() => import('./Dashboard'));

const DashboardLoading = () => {
  const translate = useTranslate();
  return (
    <Card>
      <CardContent>
        <LinearProgress aria-label={translate('lindung.dashboard.loading')} />
      </CardContent>
    </Card>
  );
};

export const Home = () => {
  useAuthenticated();
  const user = readSession()?.user;
  if (!user) return null;
  return (
    <Box sx={{ mt: 2, mb: 2 }}>
      <Title title="lindung.home.title" />
      <Box sx={{ display: 'grid', gap: 2, mb: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' } }}>
        {HOME_CARDS[user.role].map((HomeCardOfRole, index) => (
          <HomeCardOfRole key={index} user={user} />
        ))}
      </Box>
      <Suspense fallback={<DashboardLoading />}>
        <Dashboard user={user} />
      </Suspense>
    </Box>
  );
};
