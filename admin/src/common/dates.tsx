import { PROGRAM_TIME_ZONE } from '@lindung/domain';
import { Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { useIntlLocale } from '../i18n/useIntlLocale';

/**
 * Dates and times as Indonesians write them: a day as `25/11/2026` (in English too: the en-GB
 * order), a moment as `25/11/2026 09.30 WITA` in Indonesian and `25/11/2026 09:30 WITA` in English,
 * always with its zone. Times are shown in Bali's zone (Asia/Makassar, WITA) unless the browser is
 * in another Indonesian zone — WIB (Asia/Jakarta, Asia/Pontianak) or WIT (Asia/Jayapura) — which is
 * then used; a browser anywhere else still gets WITA, labelled so. A time typed into a
 * `datetime-local` input (a filter's range) is read on that same clock: toDateTimeInput and
 * fromDateTimeInput, its `format` and `parse`.
 */

/** The portal's default zone: the program's regencies are in Bali (the program's calendar too). */
export const DEFAULT_TIME_ZONE = PROGRAM_TIME_ZONE;

/** Indonesia's zones by IANA name, with the abbreviation Indonesians use for each. */
const INDONESIAN_ZONES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export interface TimeZoneChoice {
  /** The IANA zone times are shown in. */
  timeZone: string;
  /** Its Indonesian abbreviation: WIB, WITA or WIT. */
  abbreviation: string;
}

/** The browser's own zone when it is an Indonesian one, else Asia/Makassar (WITA). */
export function displayTimeZone(browserZone: string | undefined = browserTimeZone()): TimeZoneChoice {
  const timeZone = browserZone && INDONESIAN_ZONES[browserZone] ? browserZone : DEFAULT_TIME_ZONE;
  return { timeZone, abbreviation: INDONESIAN_ZONES[timeZone] };
}

function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export type DateTimeFormat = 'short' | 'long';

export interface FormatDateTimeOptions {
  /** `short` (default): `25/11/2026 09.30 WITA`; `long`: `25 November 2026 pukul 09.30 WITA`. */
  format?: DateTimeFormat;
  /** The zone; defaults to displayTimeZone(). */
  zone?: TimeZoneChoice;
}

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  if (value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A moment (an ISO timestamp, a Date or epoch milliseconds) in the given Intl locale (`id-ID`,
 * `en-GB`: see i18n/intlLocale), in the display zone and labelled with it; '' when there is none.
 */
export function formatDateTime(value: unknown, locale: string, options: FormatDateTimeOptions = {}): string {
  const date = toDate(value);
  if (!date) return '';
  const { timeZone, abbreviation } = options.zone ?? displayTimeZone();
  if (options.format === 'long') {
    return `${new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(date)} ${abbreviation}`;
  }
  const day = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }).format(date);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);
  return `${day} ${time} ${abbreviation}`;
}

/** The wall-clock numbers of an instant in a zone (`2026`, `11`, `25`, `09`, `30`). */
type WallClock = Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;

function wallClock(date: Date, timeZone: string): WallClock | null {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const found = Object.fromEntries(parts.map((part) => [part.type, part.value])) as Partial<WallClock>;
  return found.year && found.month && found.day && found.hour && found.minute ? (found as WallClock) : null;
}

const INPUT_VALUE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A moment as the value of an `<input type="datetime-local">` (`2026-11-25T09:30`), on the display
 * zone's clock — the clock the portal's times are shown in, so a time read in a list can be typed
 * back into a filter; '' when there is none. A value already in the input's form is kept as typed.
 */
export function toDateTimeInput(value: unknown, zone: TimeZoneChoice = displayTimeZone()): string {
  if (typeof value === 'string' && INPUT_VALUE.test(value)) return value;
  const date = toDate(value);
  const clock = date && wallClock(date, zone.timeZone);
  return clock ? `${clock.year}-${clock.month}-${clock.day}T${clock.hour}:${clock.minute}` : '';
}

/**
 * A `datetime-local` value read on the display zone's clock, as the ISO instant the API filters by;
 * null when empty or not a time. Indonesia's zones keep one offset all year (no daylight saving),
 * so the zone's offset at the moment read as UTC is its offset at the moment meant.
 */
export function fromDateTimeInput(value: unknown, zone: TimeZoneChoice = displayTimeZone()): string | null {
  const match = typeof value === 'string' ? INPUT_VALUE.exec(value) : null;
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const read = new Date(asUtc);
  // Date.UTC rolls 31 November over into December: such a day is not a time.
  if (read.getUTCMonth() !== month - 1 || read.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  const clock = wallClock(read, zone.timeZone);
  if (!clock) return null;
  const offset = Date.UTC(+clock.year, +clock.month - 1, +clock.day, +clock.hour, +clock.minute) - Math.floor(asUtc / 60_000) * 60_000;
  return new Date(asUtc - offset).toISOString();
}

/** The zone's name in words ("Waktu Indonesia Tengah", "Central Indonesia Time"), for a tooltip. */
export function timeZoneName(locale: string, zone: TimeZoneChoice = displayTimeZone()): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone: zone.timeZone, timeZoneName: 'long' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone.abbreviation;
}

/**
 * A calendar day: the Date scalar (`YYYY-MM-DD`, no zone) as `25/11/2026`, the same day wherever the
 * browser is; an ISO timestamp is shown as its day in the display zone. '' when there is none.
 */
export function formatDay(value: unknown, locale: string, options: { format?: DateTimeFormat; zone?: TimeZoneChoice } = {}): string {
  const calendarDay = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = calendarDay ? toDate(`${value}T00:00:00Z`) : toDate(value);
  if (!date) return '';
  const timeZone = calendarDay ? 'UTC' : (options.zone ?? displayTimeZone()).timeZone;
  const parts: Intl.DateTimeFormatOptions =
    options.format === 'long' ? { dateStyle: 'long' } : { day: '2-digit', month: '2-digit', year: 'numeric' };
  return new Intl.DateTimeFormat(locale, { ...parts, timeZone }).format(date);
}

/** formatDateTime and formatDay in the user's language and display zone. */
export function useDateFormatters() {
  const locale = useIntlLocale();
  const zone = displayTimeZone();
  return {
    locale,
    zone,
    dateTime: (value: unknown, format: DateTimeFormat = 'short') => formatDateTime(value, locale, { format, zone }),
    day: (value: unknown, format: DateTimeFormat = 'short') => formatDay(value, locale, { format, zone }),
    zoneName: () => timeZoneName(locale, zone),
  };
}

export interface DateTimeFieldProps extends FieldProps {
  source: string;
  /** `short` (default, for tables): `25/11/2026 09.30 WITA`; `long` (a sentence): `25 November 2026 pukul 09.30 WITA`. */
  format?: DateTimeFormat;
  /** Shown when the record has no value (a translation key or words); default nothing. */
  emptyText?: string;
}

const EmptyOr = ({ emptyText, className, children }: { emptyText?: string; className?: string; children?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Typography component="span" variant="body2" className={className}>
      {children ?? (emptyText ? translate(emptyText, { _: emptyText }) : '')}
    </Typography>
  );
};

/**
 * A timestamp of the record (createdAt, lastLoginAt, an audit event's time) in the user's language
 * and the display zone, labelled (WITA/WIB/WIT); the zone's name in words as its tooltip. A
 * `<time>` element carries the exact moment for assistive technology.
 */
export const DateTimeField = ({ format = 'short', emptyText, className, ...props }: DateTimeFieldProps) => {
  const value = useFieldValue(props);
  const { dateTime, zoneName } = useDateFormatters();
  const text = dateTime(value, format);
  if (!text) return <EmptyOr emptyText={emptyText} className={className} />;
  return (
    <EmptyOr className={className}>
      <time dateTime={toDate(value)!.toISOString()} title={zoneName()}>
        {text}
      </time>
    </EmptyOr>
  );
};

export interface DayFieldProps extends FieldProps {
  source: string;
  /** `short` (default): `25/11/2026`; `long`: `25 November 2026`. */
  format?: DateTimeFormat;
  emptyText?: string;
}

/** A calendar day of the record (the Date scalar: validFrom, a birth date) as `25/11/2026`. */
export const DayField = ({ format = 'short', emptyText, className, ...props }: DayFieldProps) => {
  const value = useFieldValue(props);
  const { day } = useDateFormatters();
  const text = day(value, format);
  if (!text) return <EmptyOr emptyText={emptyText} className={className} />;
  return (
    <EmptyOr className={className}>
      <time dateTime={typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined}>{text}</time>
    </EmptyOr>
  );
};
