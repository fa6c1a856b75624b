import { MIN_REASON_LENGTH, reasonIsEnough } from '@lindung/domain';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useId, useState, type ReactNode } from 'react';
import { Button, Form, required, TextInput } from 'react-admin';
import { useSubmitFailure } from '../../common/formErrors';
import { useReasonWords } from './registry';

/** A stated reason, as the API wants it (packages/domain reasonIsEnough): a few words, not a token. */
export const reasonValidator = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' && !reasonIsEnough(value)
    ? { message: 'lindung.reason.REASON_TOO_SHORT', args: { min: MIN_REASON_LENGTH } }
    : undefined;

/** The form starts empty, not with the page's record. */
const NO_RECORD = {};

interface ReasonDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  /** Already translated. */
  help: string;
  reasonHelp: string;
  confirmLabel: string;
  /** Calls the API; a thrown error's field problems go under the reason, others are notified. */
  onSubmit: (reason: string) => Promise<void>;
  /** Shown instead of the form once `done` (a revealed NIK). */
  done?: ReactNode;
}

/**
 * A dialog asking why, for the audited actions (revealing a NIK, marking two people as different):
 * checked as the API checks it, with the API's own refusals under the field or notified.
 */
export const ReasonDialog = ({ open, onClose, title, help, reasonHelp, confirmLabel, onSubmit, done }: ReasonDialogProps) => {
  const words = useReasonWords();
  const failed = useSubmitFailure({ reason: (problem, reason) => (reason ? words(reason) : problem) });
  const [saving, setSaving] = useState(false);
  const titleId = useId();

  const submit = async (values: { reason?: string }) => {
    setSaving(true);
    try {
      await onSubmit((values.reason ?? '').trim());
    } catch (error) {
      return failed(error);
    } finally {
      setSaving(false);
    }
    return undefined;
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="xs">
      <DialogTitle id={titleId}>{title}</DialogTitle>
      {done ? (
        <>
          <DialogContent>{done}</DialogContent>
          <DialogActions>
            <Button label="ra.action.close" onClick={onClose} variant="contained" />
          </DialogActions>
        </>
      ) : (
        <Form onSubmit={submit} record={NO_RECORD} noValidate>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{help}</DialogContentText>
            <TextInput
              source="reason"
              label="resources.Worker.fields.reason"
              multiline
              minRows={2}
              autoComplete="off"
              validate={[required(), reasonValidator]}
              helperText={reasonHelp}
              fullWidth
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={onClose} />
            <Button label={confirmLabel} type="submit" variant="contained" disabled={saving} />
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
};
