import { AuditAction } from '@lindung/domain';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useDateFormatters } from '../../common/dates';
import type { AuditEventRecord } from './auditFields';

export interface ChangeRow {
  field: string;
  from: unknown;
  to: unknown;
  /** Whether the event says what the value was before (an update, a deletion). */
  hasFrom: boolean;
  /** …and after (a creation, an update). */
  hasTo: boolean;
}

const isFromTo = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 2 &&
  'from' in value &&
  'to' in value;

/**
 * An event's `changes` as rows field → from → to: an update's `{ from, to }` pairs; a creation's
 * values (to), a deletion's (from); anything else the API recorded (an import's counts, an export's
 * filter) as a value. NIKs arrive masked.
 */
export function changeRows(action: string, changes: Record<string, unknown> | null | undefined): ChangeRow[] {
  if (!changes || typeof changes !== 'object') return [];
  return Object.entries(changes).map(([field, value]) => {
    if (isFromTo(value)) return { field, from: value.from, to: value.to, hasFrom: true, hasTo: true };
    if (action === AuditAction.DELETE) return { field, from: value, to: null, hasFrom: true, hasTo: false };
    return { field, from: null, to: value, hasFrom: false, hasTo: true };
  });
}

/** Fields whose values are codes with words in the catalogue (a partner's status, an account's role…). */
const CODE_WORDS: Record<string, string> = {
  'PartnerOrganisation.status': 'lindung.partner_status',
  'PartnerOrganisation.type': 'lindung.partner_type',
  'User.role': 'lindung.role',
  'Village.type': 'lindung.village_type',
  'Enrollment.category': 'lindung.category',
  'ContributionRate.category': 'lindung.category',
  'ContributionRate.program': 'lindung.program',
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** One value in words: empty as a dash, yes/no in the user's language, instants as every time is shown, the rest as written. */
function useValueText() {
  const translate = useTranslate();
  const { dateTime } = useDateFormatters();
  return (value: unknown, present: boolean, codeWords?: string): string => {
    if (!present || value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
    if (typeof value === 'string' && codeWords) return translate(`${codeWords}.${value}`, { _: value });
    if (typeof value === 'string') return ISO_INSTANT.test(value) ? dateTime(value) : value;
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) return value.join(', ');
    return JSON.stringify(value);
  };
}

const cellSx = { overflowWrap: 'anywhere', verticalAlign: 'top' } as const;

/**
 * The `changes` of an audit event as a table: each field (by its label on the record's type), what
 * it was and what it became (or, for values only written or removed, the value). Fixed column widths, so that a long value wraps instead of widening the
 * page on a phone.
 */
export const ChangesField = (_: { label?: string; source?: string }) => {
  const record = useRecordContext<AuditEventRecord>();
  const translate = useTranslate();
  const valueText = useValueText();
  if (!record) return null;
  const rows = changeRows(record.action, record.changes);
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('resources.AuditEvent.changes.none')}
      </Typography>
    );
  }
  const fieldLabel = (field: string) => translate(`resources.${record.entityType}.fields.${field}`, { _: field });
  const codeWords = (field: string) => CODE_WORDS[`${record.entityType}.${field}`];
  // A change of values reads field → from → to; what was only written, removed or recorded (an
  // export's filter, an import's counts) reads field → value.
  const fromTo = rows.some((row) => row.hasFrom && row.hasTo);
  const widths = fromTo ? ['30%', '35%', '35%'] : ['35%', '65%'];
  const headers = fromTo ? ['field', 'from', 'to'] : ['field', 'value'];
  return (
    <Table size="small" sx={{ tableLayout: 'fixed', width: '100%' }} aria-label={translate('resources.AuditEvent.fields.changes')}>
      <colgroup>
        {widths.map((width, index) => (
          <col key={index} style={{ width }} />
        ))}
      </colgroup>
      <TableHead>
        <TableRow>
          {headers.map((header) => (
            <TableCell key={header} component="th" scope="col">
              {translate(`resources.AuditEvent.changes.${header}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.field} data-change-field={row.field}>
            <TableCell component="th" scope="row" sx={cellSx}>
              {fieldLabel(row.field)}
            </TableCell>
            {fromTo ? (
              <>
                <TableCell sx={cellSx}>{valueText(row.from, row.hasFrom, codeWords(row.field))}</TableCell>
                <TableCell sx={cellSx}>{valueText(row.to, row.hasTo, codeWords(row.field))}</TableCell>
              </>
            ) : (
              <TableCell sx={cellSx}>{valueText(row.hasTo ? row.to : row.from, true, codeWords(row.field))}</TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
