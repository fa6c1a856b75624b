import { PASSWORD_MIN_LENGTH } from '@lindung/domain';
import { Box, Button, CircularProgress } from '@mui/material';
import { useState } from 'react';
import { Form, PasswordInput, required, useNotify, useTranslate } from 'react-admin';
import { useSubmitFailure } from '../../common/formErrors';
import { password } from '../../common/validators';
import { updateSessionUser } from '../../session';
import { requestPasswordChange } from './passwordChange';

interface Values {
  currentPassword?: string;
  newPassword?: string;
  confirmPassword?: string;
}

// The strength rule is the shared one (common/validators → @lindung/domain), as at account creation.
const differsFromCurrent = (value: unknown, values: Values) =>
  typeof value === 'string' && value !== '' && value === values.currentPassword ? 'lindung.validation.password_unchanged' : undefined;
const matchesNew = (value: unknown, values: Values) =>
  typeof value === 'string' && value !== '' && value !== values.newPassword ? 'lindung.validation.password_mismatch' : undefined;

const SERVER_FIELDS = {
  currentPassword: () => 'lindung.account.wrong_current_password',
  newPassword: (problem: string) => (/differ/.test(problem) ? 'lindung.validation.password_unchanged' : 'lindung.account.new_password_invalid'),
};

interface Props {
  /** After an administrator reset: the current password is the temporary one. */
  temporary?: boolean;
  onChanged?: () => void;
}

/** Change my password: this session continues, the account's other sessions end. */
export const ChangePasswordForm = ({ temporary = false, onChanged }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const failed = useSubmitFailure(SERVER_FIELDS);
  const [saving, setSaving] = useState(false);
  // A new key empties the form after a change.
  const [generation, setGeneration] = useState(0);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await requestPasswordChange(values.currentPassword ?? '', values.newPassword ?? '');
    } catch (error) {
      setSaving(false);
      return failed(error);
    }
    setSaving(false);
    updateSessionUser({ mustChangePassword: false });
    notify('lindung.account.password_changed', { type: 'success' });
    setGeneration((n) => n + 1);
    onChanged?.();
    return undefined;
  };

  return (
    <Form key={generation} onSubmit={submit} noValidate>
      <Box sx={{ display: 'flex', flexDirection: 'column', maxWidth: 420 }}>
        <PasswordInput
          source="currentPassword"
          label={temporary ? 'lindung.account.temporary_password' : 'lindung.account.current_password'}
          autoComplete="current-password"
          validate={required()}
        />
        <PasswordInput
          source="newPassword"
          label="lindung.account.new_password"
          autoComplete="new-password"
          validate={[required(), password, differsFromCurrent]}
          helperText={translate('lindung.account.new_password_help', { min: PASSWORD_MIN_LENGTH })}
        />
        <PasswordInput
          source="confirmPassword"
          label="lindung.account.confirm_password"
          autoComplete="new-password"
          validate={[required(), matchesNew]}
        />
        <Box sx={{ mt: 1 }}>
          <Button type="submit" variant="contained" disabled={saving} startIcon={saving ? <CircularProgress size={16} /> : undefined}>
            {translate('lindung.account.change_password')}
          </Button>
        </Box>
      </Box>
    </Form>
  );
};
