import { Alert, Card, CardContent, CardHeader, CircularProgress, Stack } from '@mui/material';
import {
  EmailField,
  RecordContextProvider,
  ResourceContextProvider,
  SelectField,
  SimpleShowLayout,
  TextField,
  Title,
  useAuthenticated,
  useTranslate,
} from 'react-admin';
import { roleChoices } from '../../common/choices';
import { DateTimeField } from '../../common/dates';
import { ScopeField } from '../users/ScopeField';
import { ChangePasswordForm } from './ChangePasswordForm';
import { messageOf } from '../../common/formErrors';
import { useMe } from './me';

/** My account: who I am, what I may see (by name), when I last signed in, and a new password. */
export const AccountPage = () => {
  useAuthenticated();
  const translate = useTranslate();
  const { me, error } = useMe();

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 2, maxWidth: 720 }}>
      <Title title="lindung.account.title" />
      <Card>
        <CardHeader title={translate('lindung.account.details')} />
        <CardContent sx={{ pt: 0 }}>
          {error ? (
            <Alert severity="error">{translate(messageOf(error))}</Alert>
          ) : !me ? (
            // react-admin's <Loading /> draws a progress bar without a name (axe aria-progressbar-name).
            <CircularProgress aria-label={translate('ra.page.loading')} />
          ) : (
            <ResourceContextProvider value="User">
              <RecordContextProvider value={me}>
                <SimpleShowLayout sx={{ p: 0 }}>
                  <TextField source="fullName" emptyText="—" />
                  <EmailField source="email" />
                  <SelectField source="role" choices={roleChoices} />
                  <ScopeField label="lindung.user.scope" />
                  {/* In words, as a sentence reads it: "25 November 2025 pukul 09.30 WITA". */}
                  <DateTimeField source="lastLoginAt" label="lindung.account.last_sign_in" format="long" emptyText="—" />
                </SimpleShowLayout>
              </RecordContextProvider>
            </ResourceContextProvider>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader title={translate('lindung.account.change_password')} subheader={translate('lindung.account.change_password_help')} />
        <CardContent sx={{ pt: 0 }}>
          <ChangePasswordForm />
        </CardContent>
      </Card>
    </Stack>
  );
};
