import { hasPermission, MIN_REASON_LENGTH, Permission, type Role } from '@lindung/domain';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useGetIdentity, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { ReasonDialog } from './ReasonDialog';
import { requestSignedIn } from '../../session';

const REVEAL_NIK = `mutation RevealNik($workerId: ID!, $reason: String!) { revealNik(workerId: $workerId, reason: $reason) }`;

/**
 * For the roles shown masked NIKs that may read one whole for a reason (an official, an auditor):
 * asks why, calls revealNik (audited, limited per hour) and shows the NIK in the dialog only — it is
 * not kept anywhere in the page.
 */
export const RevealNikButton = () => {
  const record = useRecordContext<RaRecord & { fullName?: string }>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [nik, setNik] = useState<string | null>(null);
  if (!record || !hasPermission(identity?.role as Role | undefined, Permission.NikReveal)) return null;

  const close = () => {
    setOpen(false);
    setNik(null);
  };
  const reveal = async (reason: string) => {
    const data = await requestSignedIn<{ revealNik: string }>(REVEAL_NIK, { workerId: record.id, reason });
    setNik(data.revealNik);
  };

  return (
    <>
      <Button label="lindung.worker.reveal_nik" onClick={() => setOpen(true)}>
        <VisibilityIcon />
      </Button>
      <ReasonDialog
        open={open}
        onClose={close}
        title={translate('lindung.worker.reveal_nik_title', { name: record.fullName })}
        help={translate('lindung.worker.reveal_nik_help')}
        reasonHelp={translate('lindung.worker.reveal_reason_help', { min: MIN_REASON_LENGTH })}
        confirmLabel="lindung.worker.reveal_confirm"
        onSubmit={reveal}
        done={
          nik && (
            <>
              <Typography variant="body2" color="text.secondary">
                {translate('lindung.worker.revealed_nik')}
              </Typography>
              <Typography variant="h5" component="p" data-revealed-nik="" sx={{ fontFamily: 'monospace', letterSpacing: '0.05em', overflowWrap: 'anywhere' }}>
                {nik}
              </Typography>
            </>
          )
        }
      />
    </>
  );
};
