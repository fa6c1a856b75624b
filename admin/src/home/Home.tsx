import type { Role } from '@lindung/domain';
import { Box } from '@mui/material';
import { Title, useAuthenticated } from 'react-admin';
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

export const Home = () => {
  useAuthenticated();
  const user = readSession()?.user;
  if (!user) return null;
  return (
    <Box sx={{ display: 'grid', gap: 2, mt: 2, mb: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
      <Title title="lindung.home.title" />
      {HOME_CARDS[user.role].map((Card, index) => (
        <Card key={index} user={user} />
      ))}
    </Box>
  );
};
