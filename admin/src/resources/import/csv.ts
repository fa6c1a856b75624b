/**
 * The import file (importEnrollments): its columns, a template to start from, and what the page
 * tells about a chosen file before sending it (its size, its number of rows).
 */
export const IMPORT_COLUMNS = [
  'nik',
  'full_name',
  'birth_date',
  'gender',
  'village_code',
  'occupation',
  'vulnerable',
  'category',
  'programs',
  'start_date',
  'end_date',
  'declared_income',
  'funding_source',
] as const;

export const TEMPLATE_EXAMPLE_ROW = [
  '5104054407850001',
  'Ni Luh Sari',
  '1985-07-04',
  'FEMALE',
  '51.04.05.2002',
  'Penari',
  'true',
  'BPU',
  'JKK|JKM',
  '2026-01-01',
  '',
  '1000000',
  'SELF',
];

export const TEMPLATE_FILE_NAME = 'lindung-import-template.csv';

/** The template: the header and one example row, CRLF as spreadsheets write CSV. */
export function templateCsv(): string {
  return `${IMPORT_COLUMNS.join(',')}\r\n${TEMPLATE_EXAMPLE_ROW.join(',')}\r\n`;
}

/**
 * The template as a link's address. It starts with a byte-order mark, so that a spreadsheet opens
 * it as UTF-8 (names with accents); the page removes the mark again before sending a file.
 */
export function templateHref(): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${templateCsv()}`)}`;
}

/** The text as the API reads it: without a leading byte-order mark. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The number of data rows (records after the header), reading quotes as CSV does: a line break
 * inside a quoted field is part of the field, blank lines are not rows.
 */
export function countDataRows(text: string): number {
  let records = 0;
  let inQuotes = false;
  let recordHasContent = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      inQuotes = !inQuotes;
      recordHasContent = true;
    } else if ((char === '\n' || char === '\r') && !inQuotes) {
      if (recordHasContent) records++;
      recordHasContent = false;
      if (char === '\r' && text[i + 1] === '\n') i++;
    } else if (!/\s/.test(char) || inQuotes) {
      recordHasContent = true;
    }
  }
  if (recordHasContent) records++;
  return Math.max(0, records - 1);
}

/** A file size as people read it: `812 B`, `1,2 kB`, `1,5 MB` (in the user's language). */
export function formatBytes(bytes: number, locale: string): string {
  if (bytes < 1000) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'short' }).format(bytes);
  const [unit, divisor] = bytes >= 1_000_000 ? (['megabyte', 1_000_000] as const) : (['kilobyte', 1_000] as const);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / divisor);
}

/** A fresh idempotency key (a UUID v4): `crypto.randomUUID` where the page may use it, else built from random bytes. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
