import {
  CATEGORIES,
  FUNDING_SOURCES,
  PROGRAMS,
  type Category,
  type FieldReason,
  type FundingSource,
  type Gender,
  type Program,
} from '@lindung/domain';
import { parse } from 'csv-parse/sync';

/**
 * Reading an import file into typed rows, cell by cell: the CSV's own format (CONTRACT §6 header
 * names, `,` or `;`, UTF-8 with or without BOM, dates `YYYY-MM-DD` or `DD/MM/YYYY`). What a value
 * means for the registry is checked afterwards by the same domain rules as the single-record
 * mutations.
 */
export const REQUIRED_COLUMNS = ['nik', 'full_name', 'village_code', 'category', 'programs', 'start_date', 'declared_income', 'funding_source'] as const;
/** CONTRACT §6's optional columns, and three more a partner system may have (risk class for PU, phone, KPJ). */
export const OPTIONAL_COLUMNS = ['birth_date', 'gender', 'occupation', 'vulnerable', 'end_date', 'risk_class', 'phone', 'kpj'] as const;
export const COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

export const MAX_ROWS = 50_000;
export const MAX_BYTES = 10 * 1024 * 1024;

export interface ParsedRow {
  /** The spreadsheet row number: the header is row 1. */
  row: number;
  nik: string;
  fullName: string;
  birthDate: string | null;
  gender: Gender | null;
  villageCode: string;
  occupation: string | null;
  vulnerable: boolean | null;
  category: Category;
  programs: Program[];
  fundingSource: FundingSource;
  startDate: string;
  endDate: string | null;
  declaredIncome: number;
  riskClass: string | null;
  phone: string | null;
  kpj: string | null;
}

export interface CellProblem {
  row: number;
  /** The CSV column at fault. */
  field: string;
  reason: FieldReason;
}

export type FileProblem = { field: 'csv'; reason: FieldReason };

/** The file's records as header → cell, or the reason the file as a whole cannot be read. */
export function readCsv(csv: string): { ok: true; records: Array<Record<string, string>> } | { ok: false; problem: FieldReason } {
  if (Buffer.byteLength(csv, 'utf8') > MAX_BYTES) return { ok: false, problem: { code: 'CSV_TOO_LARGE', params: { maxRows: MAX_ROWS, maxBytes: MAX_BYTES } } };
  let rows: string[][];
  try {
    // Records as arrays, named below: csv-parse's `columns` builds each object key by key, twice as slow.
    rows = parse(csv, { bom: true, delimiter: [',', ';'], skip_empty_lines: true, trim: true, to_line: MAX_ROWS + 2 });
  } catch {
    return { ok: false, problem: { code: 'INVALID_FORMAT' } };
  }
  const header = (rows[0] ?? []).map((name) => name.trim().toLowerCase());
  const records = rows.slice(1).map((cells) => {
    const record: Record<string, string> = {};
    for (let i = 0; i < header.length; i += 1) record[header[i]] = cells[i];
    return record;
  });
  const unknown = header.filter((name) => !COLUMNS.includes(name));
  if (unknown.length) return { ok: false, problem: { code: 'CSV_UNKNOWN_COLUMN', params: { columns: unknown } } };
  const missing = REQUIRED_COLUMNS.filter((name) => !header.includes(name));
  if (missing.length) return { ok: false, problem: { code: 'CSV_MISSING_COLUMN', params: { columns: missing } } };
  if (records.length === 0) return { ok: false, problem: { code: 'CSV_EMPTY' } };
  if (records.length > MAX_ROWS) return { ok: false, problem: { code: 'CSV_TOO_LARGE', params: { maxRows: MAX_ROWS, maxBytes: MAX_BYTES } } };
  return { ok: true, records };
}

/** One record's cells as typed values, or the cells that cannot be read. */
export function parseRecord(record: Record<string, string>, row: number): { ok: true; value: ParsedRow } | { ok: false; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const fail = (field: string, reason: FieldReason) => problems.push({ row, field, reason });
  const cell = (name: string) => record[name]?.trim() ?? '';
  const optional = (name: string) => cell(name) || null;

  for (const name of REQUIRED_COLUMNS) if (!cell(name)) fail(name, { code: 'REQUIRED' });
  const birthDate = optional('birth_date') ? dateOf(cell('birth_date')) : null;
  if (optional('birth_date') && !birthDate) fail('birth_date', { code: 'INVALID_DATE' });
  const startDate = cell('start_date') ? dateOf(cell('start_date')) : null;
  if (cell('start_date') && !startDate) fail('start_date', { code: 'INVALID_DATE' });
  const endDate = optional('end_date') ? dateOf(cell('end_date')) : null;
  if (optional('end_date') && !endDate) fail('end_date', { code: 'INVALID_DATE' });
  const gender = optional('gender') ? genderOf(cell('gender')) : null;
  if (optional('gender') && !gender) fail('gender', { code: 'INVALID_VALUE', params: { allowed: ['MALE', 'FEMALE'] } });
  const vulnerable = optional('vulnerable') ? booleanOf(cell('vulnerable')) : null;
  if (optional('vulnerable') && vulnerable === undefined) fail('vulnerable', { code: 'NOT_A_BOOLEAN' });
  const category = cell('category').toUpperCase() as Category;
  if (cell('category') && !CATEGORIES.includes(category)) fail('category', { code: 'INVALID_VALUE', params: { allowed: CATEGORIES } });
  const programs = cell('programs').split('|').map((p) => p.trim().toUpperCase()).filter(Boolean) as Program[];
  const unknownPrograms = programs.filter((p) => !PROGRAMS.includes(p));
  if (unknownPrograms.length) fail('programs', { code: 'INVALID_VALUE', params: { allowed: PROGRAMS } });
  const fundingSource = cell('funding_source').toUpperCase() as FundingSource;
  if (cell('funding_source') && !FUNDING_SOURCES.includes(fundingSource)) fail('funding_source', { code: 'INVALID_VALUE', params: { allowed: FUNDING_SOURCES } });
  const declaredIncome = rupiahOf(cell('declared_income'));
  if (cell('declared_income') && declaredIncome === null) fail('declared_income', { code: 'MUST_BE_WHOLE_RUPIAH' });

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      row,
      nik: cell('nik'),
      fullName: cell('full_name'),
      birthDate,
      gender,
      villageCode: cell('village_code'),
      occupation: optional('occupation'),
      vulnerable: vulnerable ?? null,
      category,
      programs,
      startDate: startDate!,
      endDate,
      declaredIncome: declaredIncome!,
      riskClass: optional('risk_class')?.toUpperCase() ?? null,
      phone: optional('phone'),
      kpj: optional('kpj'),
      fundingSource,
    },
  };
}

/** Dates already read: a file repeats its start dates, and its birth dates fall on a few thousand days. */
const datesRead = new Map<string, string | null>();

/** `YYYY-MM-DD` or `DD/MM/YYYY` (as Indonesians write it) → `YYYY-MM-DD`, if a real day. */
export function dateOf(text: string): string | null {
  let value = datesRead.get(text);
  if (value === undefined) {
    if (datesRead.size >= 100_000) datesRead.clear();
    datesRead.set(text, (value = readDate(text)));
  }
  return value;
}

function readDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const local = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2].padStart(2, '0'), local[1].padStart(2, '0')] : [];
  if (!year) return null;
  const value = `${year}-${month}-${day}`;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}

function genderOf(text: string): Gender | null {
  const value = text.toUpperCase();
  if (['MALE', 'M', 'L', 'LAKI-LAKI'].includes(value)) return 'MALE';
  if (['FEMALE', 'F', 'P', 'PEREMPUAN'].includes(value)) return 'FEMALE';
  return null;
}

function booleanOf(text: string): boolean | undefined {
  const value = text.toLowerCase();
  if (['true', '1', 'ya', 'yes', 'y'].includes(value)) return true;
  if (['false', '0', 'tidak', 'no', 'n'].includes(value)) return false;
  return undefined;
}

/** Whole rupiah: digits, optionally grouped by thousands with `.` (Indonesian) or `,`. */
function rupiahOf(text: string): number | null {
  const plain = /^\d+$/.test(text) ? text : /^\d{1,3}([.,]\d{3})+$/.test(text) ? text.replace(/[.,]/g, '') : null;
  const value = plain === null ? NaN : Number(plain);
  return Number.isSafeInteger(value) ? value : null;
}
