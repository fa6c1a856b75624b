import { Button, CardContent, CircularProgress } from '@mui/material';
import { useState } from 'react';
import { Form, PasswordInput, required, TextInput, useLogin, useNotify, useTranslate } from 'react-admin';
import { LoginError } from '../authProvider';
import { waitPhrase } from '../i18n/wait';

interface Credentials {
  email: string;
  password: string;
}

/** react-admin's login form, signing in with an email (inputs `name="email"` and `name="password"`). */
export const LoginForm = () => {
  const [loading, setLoading] = useState(false);
  const login = useLogin();
  const notify = useNotify();
  const translate = useTranslate();

  const submit = (values: Partial<Credentials>) => {
    setLoading(true);
    login(values)
      .catch((error: unknown) => {
        const key = error instanceof Error ? error.message : 'ra.auth.sign_in_error';
        const messageArgs = error instanceof LoginError ? error.messageArgs : {};
        // `wait` (for the throttling and busy-server messages) in words of the current language.
        const wait = waitPhrase(translate, messageArgs.retryAfterSeconds);
        notify(key, { type: 'error', messageArgs: { _: translate('ra.auth.sign_in_error'), ...messageArgs, wait } });
      })
      .finally(() => setLoading(false));
  };

  return (
    <Form onSubmit={submit} noValidate>
      <CardContent sx={{ width: 320, pb: '16px !important' }}>
        <TextInput
          autoFocus
          source="email"
          type="email"
          label="lindung.auth.email"
          autoComplete="username"
          validate={required()}
        />
        <PasswordInput
          source="password"
          label="lindung.auth.password"
          autoComplete="current-password"
          validate={required()}
        />
        <Button variant="contained" type="submit" color="primary" disabled={loading} fullWidth sx={{ mt: 2 }}>
          {loading ? <CircularProgress size={19} thickness={3} /> : translate('lindung.auth.sign_in')}
        </Button>
      </CardContent>
    </Form>
  );
};
