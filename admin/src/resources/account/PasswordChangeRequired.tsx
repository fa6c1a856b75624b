import LockResetIcon from '@mui/icons-material/LockReset';
import { Avatar, Box, Button, Card, CardContent, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useLogout, useNavigate, useTranslate } from 'react-admin';
import { takeDestination } from '../../loginRedirect';
import { readSession } from '../../session';
import { ChangePasswordForm } from './ChangePasswordForm';

/**
 * After an administrator reset the password, the portal asks for a new one before anything else
 * (the API refuses everything else meanwhile); then it goes where the user was going.
 */
export const PasswordChangeRequired = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const logout = useLogout();
  const queryClient = useQueryClient();
  const session = readSession();

  if (!session) return <Navigate to="/login" replace />;
  if (!session.user.mustChangePassword) return <Navigate to="/" replace />;

  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'flex-start',
        justifyContent: 'center',
        backgroundImage: 'radial-gradient(circle at 50% 14em, #313264 0%, #00023b 60%, #00023b 100%)',
      }}
    >
      <Card sx={{ mt: '6em', width: 460, maxWidth: 'calc(100vw - 32px)' }}>
        <CardContent>
          <Box sx={{ display: 'flex', justifyContent: 'center', mb: 1 }}>
            <Avatar>
              <LockResetIcon />
            </Avatar>
          </Box>
          <Typography variant="h5" component="h1" align="center" gutterBottom>
            {translate('lindung.account.required_title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('lindung.account.required_help', { email: session.user.email })}
          </Typography>
          <ChangePasswordForm
            temporary
            onChanged={() => {
              // react-admin remembers the access checks it made while every operation was refused;
              // a stale "no" would still send the next page to access-denied, so they are dropped.
              queryClient.removeQueries({ queryKey: ['auth'] });
              navigate(takeDestination() ?? '/', { replace: true });
            }}
          />
          <Box sx={{ mt: 2, textAlign: 'right' }}>
            <Button size="small" onClick={() => logout()}>
              {translate('ra.auth.logout')}
            </Button>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
};
