import { PROGRAM_TIME_ZONE } from '@lindung/domain';

/**
 * The audit trail's clock: Bali's, WITA (Asia/Makassar, UTC+8 all year, no daylight saving),
 * whatever the browser's own time zone — what an auditor in Denpasar and one travelling read alike.
 */
export const AUDIT_TIME_ZONE = PROGRAM_TIME_ZONE;
export const AUDIT_TIME_ZONE_LABEL = 'WITA';
/** WITA's offset, for reading a time typed in WITA back into an instant. */
const WITA_OFFSET = '+08:00';

type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;

function partsOf(date: Date): Parts | null {
  if (Number.isNaN(date.getTime())) return null;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: AUDIT_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const found = Object.fromEntries(parts.map((part) => [part.type, part.value])) as Partial<Parts>;
  return found.year && found.month && found.day && found.hour && found.minute ? (found as Parts) : null;
}

/** `25/11/2026 09:30 WITA`: day, month, year and 24-hour time in WITA. */
export function formatWita(value: string | Date | null | undefined): string {
  if (!value) return '';
  const parts = partsOf(new Date(value));
  if (!parts) return String(value);
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute} ${AUDIT_TIME_ZONE_LABEL}`;
}

/** An instant as the value of an `<input type="datetime-local">` showing WITA (`2026-11-25T09:30`). */
export function toWitaInput(value: unknown): string {
  if (value == null || value === '') return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return value;
  const parts = partsOf(new Date(value as string));
  return parts ? `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}` : '';
}

/** A `datetime-local` value read as WITA, as the ISO instant the API filters by; null when empty. */
export function fromWitaInput(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}${WITA_OFFSET}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
