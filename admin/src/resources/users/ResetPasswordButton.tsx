import LockResetIcon from '@mui/icons-material/LockReset';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Form,
  required,
  TextInput,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { useSubmitFailure } from '../../common/formErrors';
import { password } from '../../common/validators';
import { requestSignedIn } from '../../session';

const RESET_PASSWORD = `mutation ResetPassword($userId: ID!, $temporaryPassword: String!) {
  resetPassword(userId: $userId, temporaryPassword: $temporaryPassword) { id mustChangePassword }
}`;

const SERVER_FIELDS = { temporaryPassword: () => 'lindung.account.new_password_invalid' };

/**
 * Sets a temporary password the holder must change at the next sign-in, ending the account's
 * sessions. Shown to whoever may edit the account (an admin; an official for its village heads).
 */
export const ResetPasswordButton = () => {
  const record = useRecordContext<RaRecord & { email?: string; fullName?: string | null }>();
  const { canAccess } = useCanAccess({ resource: 'User', action: 'edit', record });
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const failed = useSubmitFailure(SERVER_FIELDS);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  if (!record || !canAccess) return null;

  const submit = async (values: { temporaryPassword?: string }) => {
    setSaving(true);
    try {
      await requestSignedIn(RESET_PASSWORD, { userId: record.id, temporaryPassword: values.temporaryPassword ?? '' });
    } catch (error) {
      setSaving(false);
      return failed(error);
    }
    setSaving(false);
    setOpen(false);
    notify('lindung.user.reset_password_done', { type: 'success' });
    refresh();
    return undefined;
  };

  return (
    <>
      <Button label="lindung.user.reset_password" onClick={() => setOpen(true)}>
        <LockResetIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="reset-password-title" fullWidth maxWidth="xs">
        <Form onSubmit={submit} noValidate>
          <DialogTitle id="reset-password-title">
            {translate('lindung.user.reset_password_title', { name: record.fullName || record.email })}
          </DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{translate('lindung.user.reset_password_help')}</DialogContentText>
            <TextInput
              source="temporaryPassword"
              label="lindung.user.temporary_password"
              autoComplete="off"
              validate={[required(), password]}
              fullWidth
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
            <Button label="lindung.user.reset_password_confirm" type="submit" variant="contained" disabled={saving} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
