import { hasPermission, MIN_REASON_LENGTH, PartnerStatus, Permission, reasonIsEnough, type Role } from '@lindung/domain';
import PauseCircleIcon from '@mui/icons-material/PauseCircleOutlined';
import PlayCircleIcon from '@mui/icons-material/PlayCircleOutlined';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useId, useState } from 'react';
import {
  Button,
  Form,
  required,
  TextInput,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { useSubmitFailure, type FieldWords } from '../../common/formErrors';
import { fieldReasonMessage } from '../../i18n/reasons';
import { useIntlLocale } from '../../i18n/useIntlLocale';
import { requestSignedIn } from '../../session';

const SUSPEND = `mutation SuspendPartnerOrganisation($id: ID!, $reason: String!) {
  suspendPartnerOrganisation(id: $id, reason: $reason) { id status statusReason statusChangedAt }
}`;
const REACTIVATE = `mutation ReactivatePartnerOrganisation($id: ID!, $reason: String!) {
  reactivatePartnerOrganisation(id: $id, reason: $reason) { id status statusReason statusChangedAt }
}`;

/** A stated reason: a few words, as the API requires (`reasonIsEnough`). */
const enoughReason = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' && !reasonIsEnough(value)
    ? { message: 'lindung.reason.REASON_TOO_SHORT', args: { min: MIN_REASON_LENGTH } }
    : undefined;

type PartnerRecord = RaRecord & { name?: string; status?: string };

/**
 * Suspends an active partner organisation, or reactivates a suspended one, for a stated reason
 * (kept with the organisation and in the audit trail). Shown to the roles holding PartnerSuspend
 * (an administrator; a regency official, within its regency — the API applies the scope).
 */
export const PartnerStatusButton = () => {
  const record = useRecordContext<PartnerRecord>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const intlLocale = useIntlLocale();
  const notify = useNotify();
  const refresh = useRefresh();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  // The server's words for the reason field, in the user's language.
  const reasonWords: FieldWords = (problem, reason) => (reason && fieldReasonMessage(reason, { translate, intlLocale })) || problem;
  const failed = useSubmitFailure({ reason: reasonWords });
  if (!record || !hasPermission(identity?.role as Role | undefined, Permission.PartnerSuspend)) return null;

  const suspending = record.status !== PartnerStatus.SUSPENDED;
  const action = suspending ? 'suspend' : 'reactivate';

  const submit = async (values: { reason?: string }) => {
    setSaving(true);
    try {
      await requestSignedIn(suspending ? SUSPEND : REACTIVATE, { id: record.id, reason: (values.reason ?? '').trim() });
    } catch (error) {
      setSaving(false);
      return failed(error);
    }
    setSaving(false);
    setOpen(false);
    notify(suspending ? 'lindung.partner.suspended' : 'lindung.partner.reactivated', { type: 'success' });
    refresh();
    return undefined;
  };

  return (
    <>
      <Button label={`lindung.partner.${action}`} onClick={() => setOpen(true)}>
        {suspending ? <PauseCircleIcon /> : <PlayCircleIcon />}
      </Button>
      <Dialog open={open} onClose={() => !saving && setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <Form onSubmit={submit} noValidate>
          <DialogTitle id={titleId}>{translate(`lindung.partner.${action}_title`, { name: record.name ?? '' })}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{translate(`lindung.partner.${action}_help`)}</DialogContentText>
            <TextInput
              source="reason"
              label="lindung.partner.reason"
              multiline
              minRows={3}
              autoComplete="off"
              validate={[required(), enoughReason]}
              helperText={translate('lindung.partner.reason_help', { min: MIN_REASON_LENGTH })}
              fullWidth
            />
          </DialogContent>
          <DialogActions>
            {/* Worded buttons on every screen (react-admin's Button is a bare icon on a phone). */}
            <MuiButton onClick={() => setOpen(false)} disabled={saving}>
              {translate('ra.action.cancel')}
            </MuiButton>
            <MuiButton type="submit" variant="contained" disabled={saving}>
              {translate(`lindung.partner.${action}`)}
            </MuiButton>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
