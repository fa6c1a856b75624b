import { ENROLLMENT_STATUSES, FUNDING_SOURCES, PROGRAMS, type EnrollmentStatus, type Program } from '@lindung/domain';
import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { choicesOf } from '../workers/registry';

export const enrollmentStatusChoices = choicesOf(ENROLLMENT_STATUSES, 'lindung.enrollment.status');
export const fundingSourceChoices = choicesOf(FUNDING_SOURCES, 'lindung.enrollment.funding_source');

/** Programs in their usual order (JKK, JKM, JHT, JP, JKP). */
export const inProgramOrder = (programs: readonly Program[]) => PROGRAMS.filter((program) => programs.includes(program));

/** The programs of an enrollment: chips by their short names, or (in a phone's line) the names joined. */
export const ProgramsField = ({ chips = true }: { source?: string; label?: string; chips?: boolean }) => {
  const record = useRecordContext<{ programs?: Program[] }>();
  const programs = inProgramOrder(record?.programs ?? []);
  if (!chips) return <>{programs.join(' + ')}</>;
  return (
    <Stack direction="row" component="span" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {programs.map((program) => (
        <Chip key={program} size="small" label={program} component="span" />
      ))}
    </Stack>
  );
};

/** Filled green when active, outlined otherwise: the status in words, never by colour alone. */
const STATUS_LOOK: Record<EnrollmentStatus, { color: 'default' | 'success' | 'error'; variant: 'filled' | 'outlined' }> = {
  PENDING: { color: 'default', variant: 'outlined' },
  ACTIVE: { color: 'success', variant: 'filled' },
  LAPSED: { color: 'error', variant: 'outlined' },
  ENDED: { color: 'default', variant: 'filled' },
};

/** `inLine`: on a phone's line, after the name. */
export const EnrollmentStatusField = ({ inLine = false }: { source?: string; label?: string; inLine?: boolean }) => {
  const record = useRecordContext<{ status?: EnrollmentStatus }>();
  const translate = useTranslate();
  if (!record?.status) return null;
  const look = STATUS_LOOK[record.status] ?? STATUS_LOOK.PENDING;
  return (
    <Chip
      size="small"
      component="span"
      sx={inLine ? { ml: 1 } : undefined}
      color={look.color}
      variant={look.variant}
      label={translate(`lindung.enrollment.status.${record.status}`, { _: record.status })}
      data-status={record.status}
    />
  );
};
