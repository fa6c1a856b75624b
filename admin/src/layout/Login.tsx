import ShieldIcon from '@mui/icons-material/Shield';
import { Box, Typography } from '@mui/material';
import { LocalesMenuButton, Login as RaLogin, useTranslate } from 'react-admin';
import { LoginForm } from './LoginForm';

/**
 * react-admin's login page with our email form, the program's name and the language switch, all in
 * the page's main landmark (a screen reader's "main" jumps to the form; nothing lies outside).
 */
export const Login = () => {
  const translate = useTranslate();
  return (
    <Box component="main">
      <Box sx={{ position: 'fixed', top: 8, right: 8, zIndex: 1, color: 'common.white' }}>
        <LocalesMenuButton />
      </Box>
      <RaLogin avatarIcon={<ShieldIcon />}>
        <Box sx={{ textAlign: 'center', px: 2 }}>
          <Typography variant="h5" component="h1">
            {translate('lindung.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('lindung.tagline')}
          </Typography>
        </Box>
        <LoginForm />
      </RaLogin>
    </Box>
  );
};
