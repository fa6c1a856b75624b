import { PartnerStatus } from '@lindung/domain';
import { Chip, type Theme } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/**
 * A partner organisation's status as a chip: green while active, orange once suspended. The words
 * carry the meaning (the colour only repeats it), and both colours keep text readable (≥ 4.5:1).
 */
/** Dark green on a light page, light green on a dark one: readable in both themes. */
const activeColor = (theme: Theme) => (theme.palette.mode === 'dark' ? theme.palette.success.light : theme.palette.success.dark);
const activeLook = { color: activeColor, borderColor: activeColor };

export const PartnerStatusChip = (_: { label?: string }) => {
  const record = useRecordContext<{ status?: string }>();
  const translate = useTranslate();
  if (!record?.status) return null;
  const suspended = record.status === PartnerStatus.SUSPENDED;
  return (
    <Chip
      size="small"
      variant={suspended ? 'filled' : 'outlined'}
      color={suspended ? 'warning' : 'success'}
      label={translate(`lindung.partner_status.${record.status}`, { _: record.status })}
      sx={suspended ? { color: 'common.black' } : activeLook}
    />
  );
};
