import {
  CONFLICT_REASONS,
  conflictText,
  FIELD_RULES,
  fieldReason,
  reasonText,
  type ConflictDetail,
  type ConflictReason,
  type ConflictReasonParams,
  type FieldReason,
  type FieldRule,
  type FieldRuleParams,
} from '@lindung/domain';
import reasonsEn from '../../admin/src/i18n/reasons.en';
import reasonsId from '../../admin/src/i18n/reasons.id';
import { conflictMessage, fieldReasonMessage, type ReasonCatalogue, type Translate } from '../../admin/src/i18n/reasons';

// Every reason the API gives is a code the portal words in both languages; a code without words
// (or words that leave a %{placeholder} unfilled) fails here, not in front of a clerk.

/** Parameters for every code: typed by the codes, so a new code needs a sample here too. */
const FIELD_SAMPLES: { [R in FieldRule]: FieldRuleParams[R] } = {
  REQUIRED: undefined,
  NOT_A_STRING: undefined,
  NOT_A_BOOLEAN: undefined,
  NOT_A_NUMBER: { maxDecimals: 3 },
  NOT_A_WHOLE_NUMBER: undefined,
  MUST_BE_WHOLE_RUPIAH: undefined,
  OUT_OF_RANGE: { min: 1, max: 1000 },
  TOO_LONG: { max: 200 },
  TOO_SHORT: { min: 2 },
  TOO_MANY_ITEMS: { max: 1000 },
  NOT_ONE_LINE: undefined,
  NUL_CHARACTER: undefined,
  INVALID_FORMAT: undefined,
  INVALID_VALUE: { allowed: ['ASC', 'DESC'] },
  INVALID_EMAIL: undefined,
  INVALID_DATE: undefined,
  DATE_BEFORE: { field: 'validFrom' },
  DATE_IN_FUTURE: undefined,
  NOT_AN_ID: undefined,
  ALREADY_IN_USE: undefined,
  NOT_VISIBLE: { type: 'Regency', id: '00000000-0000-0000-0000-000000000000' },
  REGION_CODE: { level: 'DISTRICT' },
  CODE_OUTSIDE_PARENT: { parentCode: '51.04', level: 'REGENCY' },
  PROVINCE_CODE_MISMATCH: { expected: '51' },
  PROVINCE_UNKNOWN: { code: '99' },
  NOT_IN_REGENCY: undefined,
  PASSWORD_TOO_SHORT: { min: 12 },
  PASSWORD_TOO_LONG: { max: 256 },
  PASSWORD_UNCHANGED: undefined,
  PASSWORD_WRONG: undefined,
  NOT_USED_BY_ROLE: { role: 'ADMIN' },
  REQUIRED_FOR_ROLE: { role: 'VILLAGE_HEAD' },
  REGENCY_NOT_DERIVED: undefined,
  PERCENT_OR_FLAT: undefined,
  MINIMUM_NEEDS_PERCENT: undefined,
  RATE_OVERLAP: { program: 'JKK', category: 'PU', bracket: 'VERY_LOW' },
  BRACKET_FORMAT: undefined,
  NIK_FORMAT: undefined,
  NIK_DATE: undefined,
  NIK_SERIAL: undefined,
  NIK_REGION: { code: '51.99.99' },
  NIK_BIRTH_DATE_MISMATCH: { encoded: '1985-03-12' },
  NIK_GENDER_MISMATCH: { encoded: 'FEMALE' },
  KPJ_FORMAT: undefined,
  NPP_FORMAT: undefined,
  PHONE_FORMAT: undefined,
  PROGRAMS_MISSING: { programs: ['JKK', 'JKM'] },
  PROGRAM_NOT_ALLOWED: { programs: ['JP', 'JKP'], category: 'BPU' },
  PROGRAM_TWICE: undefined,
  INCOME_REQUIRED: undefined,
  RATE_MISSING: { programs: ['JHT'] },
  REASON_TOO_SHORT: { min: 10 },
  CSV_UNKNOWN_COLUMN: { columns: ['nama', 'alamat'] },
  CSV_MISSING_COLUMN: { columns: ['nik'] },
  CSV_TOO_LARGE: { maxRows: 5000, maxBytes: 5_000_000 },
  CSV_EMPTY: undefined,
  NOT_A_DUPLICATE: undefined,
  OVERLAPS_ENROLLMENT: undefined,
  WORKER_NOT_IN_VILLAGE: { workerIds: ['w-1'] },
  LISTED_TWICE: { ids: ['w-1'] },
  ITEMS_UNDECIDED: { itemIds: ['i-1', 'i-2'] },
  NOT_AN_ITEM: { itemIds: ['i-9'] },
  ITEM_BLOCKED: { items: [{ itemId: 'i-1', flags: ['ALREADY_COVERED'] }] },
  REFUSAL_NEEDS_REASON: { itemIds: ['i-3'], min: 10 },
  AWARDEE_FOR_CATEGORY: { category: 'UMKM' },
};

const CONFLICT_SAMPLES: { [R in ConflictReason]: ConflictReasonParams[R] } = {
  IN_USE: { dependant: 'Village', count: 13 },
  HAS_CHILDREN: undefined,
  SELF_LOCKOUT: undefined,
  PASSWORD_CHANGED: undefined,
  PARTNER_SUSPENDED: undefined,
  ENROLLMENT_OVERLAP: undefined,
  STATUS_TRANSITION: { from: 'ENDED', to: 'ACTIVE' },
  WORKER_ALREADY_REPORTED: undefined,
  IDEMPOTENCY_KEY_REUSED: undefined,
  BUDGET_EXCEEDED: { remaining: 16_800, required: 201_600 },
  BUDGET_BELOW_COMMITTED: { committed: 403_200 },
  NO_BUDGET: { fiscalYear: 2027 },
  PROPOSAL_STATUS: { status: 'APPROVED', action: 'WITHDRAW' },
  OWN_PROPOSAL: undefined,
  PROPOSAL_EMPTY: undefined,
  FISCAL_YEAR_ENDED: { fiscalYear: 2025 },
};

const fieldSample = (code: FieldRule) => ({ code, params: FIELD_SAMPLES[code] }) as FieldReason;
const conflictSample = (code: ConflictReason) => ({ code, params: CONFLICT_SAMPLES[code] }) as ConflictDetail;

/** Polyglot's lookup and interpolation, enough to render the catalogues as the portal does. */
function translatorOf(catalogue: ReasonCatalogue): Translate {
  const messages = { lindung: { reason: catalogue.reason, reason_words: catalogue.reason_words, error: { conflict: catalogue.conflict } } };
  return (key, options = {}) => {
    const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
    const phrase = typeof found === 'string' ? found : typeof options._ === 'string' ? options._ : key;
    return phrase.replace(/%\{(\w+)\}/g, (whole, name: string) => (name in options ? String(options[name]) : whole));
  };
}

const LANGUAGES = [
  ['en', reasonsEn, 'en-GB'],
  ['id', reasonsId, 'id-ID'],
] as const;

const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('reason codes', () => {
  it.each(LANGUAGES)('should have %s words for every field rule and no others', (_language, catalogue) => {
    expect(Object.keys(catalogue.reason).sort()).toEqual([...FIELD_RULES].sort());
    for (const code of FIELD_RULES) expect(catalogue.reason[code].trim()).not.toBe('');
  });

  it.each(LANGUAGES)('should have %s words for every conflict reason and no others', (_language, catalogue) => {
    expect(Object.keys(catalogue.conflict).sort()).toEqual([...CONFLICT_REASONS].sort());
    for (const code of CONFLICT_REASONS) expect(catalogue.conflict[code].trim()).not.toBe('');
  });

  it('should take the same arguments in both languages', () => {
    for (const code of FIELD_RULES) expect([code, placeholders(reasonsId.reason[code])]).toEqual([code, placeholders(reasonsEn.reason[code])]);
    for (const code of CONFLICT_REASONS) expect([code, placeholders(reasonsId.conflict[code])]).toEqual([code, placeholders(reasonsEn.conflict[code])]);
  });

  it.each(LANGUAGES)('should render every code in %s with its parameters, leaving no placeholder', (_language, catalogue, intlLocale) => {
    const context = { translate: translatorOf(catalogue), intlLocale };
    for (const code of FIELD_RULES) {
      const message = fieldReasonMessage(fieldSample(code), context);
      expect([code, message]).toEqual([code, expect.not.stringMatching(/%\{|undefined|null|\[object/)]);
      expect(message).not.toBe('');
    }
    for (const code of CONFLICT_REASONS) {
      const message = conflictMessage(conflictSample(code), context);
      expect([code, message]).toEqual([code, expect.not.stringMatching(/%\{|undefined|null|\[object/)]);
    }
  });

  it('should give every code English words for API clients', () => {
    for (const code of FIELD_RULES) expect([code, reasonText(fieldSample(code))]).toEqual([code, expect.stringMatching(/^[^%]*\w[^%]*$/)]);
    for (const code of CONFLICT_REASONS) expect([code, conflictText(conflictSample(code))]).toEqual([code, expect.stringMatching(/\w/)]);
  });

  it('should keep the API’s English words that clients already read', () => {
    expect(reasonText(fieldReason('NUL_CHARACTER'))).toBe('must not contain NUL characters');
    expect(reasonText(fieldReason('ALREADY_IN_USE'))).toBe('is already in use');
    expect(reasonText(fieldReason('PASSWORD_UNCHANGED'))).toBe('must differ from the current password');
    expect(reasonText(fieldReason('PASSWORD_WRONG'))).toBe('is not your current password');
    expect(reasonText(fieldReason('REGION_CODE', { level: 'REGENCY' }))).toBe('must be a Kemendagri regency code (e.g. 51.04)');
    expect(reasonText(fieldReason('OUT_OF_RANGE', { max: 1000 }))).toBe('must be at most 1000');
    expect(reasonText(fieldReason('RATE_OVERLAP', { program: 'JKK', category: 'PU', bracket: null }))).toMatch(/^overlaps another PU JKK rate in force/);
  });

  it('should not know codes that are not declared', () => {
    const context = { translate: translatorOf(reasonsEn), intlLocale: 'en-GB' };
    expect(fieldReasonMessage({ code: 'SOMETHING_NEW' }, context)).toBeNull();
    expect(conflictMessage({ code: 'SOMETHING_NEW' }, context)).toBeNull();
  });
});

describe('reasons in the portal’s words', () => {
  const id = { translate: translatorOf(reasonsId), intlLocale: 'id-ID' };
  const en = { translate: translatorOf(reasonsEn), intlLocale: 'en-GB' };

  it('should say what is wrong with a NIK in words a clerk understands', () => {
    expect(fieldReasonMessage(fieldReason('NIK_FORMAT'), id)).toBe('NIK harus 16 angka');
    expect(fieldReasonMessage(fieldReason('NIK_REGION', { code: '51.99.99' }), id)).toBe('6 angka pertama NIK (51.99.99) bukan kode kecamatan yang dikenal');
    expect(fieldReasonMessage(fieldReason('NIK_GENDER_MISMATCH', { encoded: 'FEMALE' }), id)).toBe('Tidak sesuai dengan jenis kelamin pada NIK (perempuan)');
    expect(fieldReasonMessage(fieldReason('NIK_BIRTH_DATE_MISMATCH', { encoded: '1985-03-12' }), id)).toBe('Tidak sesuai dengan tanggal lahir pada NIK (12 Maret 1985)');
    expect(fieldReasonMessage(fieldReason('NIK_BIRTH_DATE_MISMATCH', { encoded: '1985-03-12' }), en)).toBe('Does not match the birth date in the NIK (12 March 1985)');
  });

  it('should join program lists and choices the language’s way', () => {
    expect(fieldReasonMessage(fieldReason('PROGRAMS_MISSING', { programs: ['JKK', 'JKM'] }), id)).toBe('Harus mencakup JKK dan JKM');
    expect(fieldReasonMessage(fieldReason('PROGRAMS_MISSING', { programs: ['JKK', 'JKM'] }), en)).toBe('Must include JKK and JKM');
    expect(fieldReasonMessage(fieldReason('PROGRAM_NOT_ALLOWED', { programs: ['JP', 'JKP'], category: 'BPU' }), id)).toBe(
      'JP dan JKP tidak tersedia untuk kategori BPU',
    );
    expect(fieldReasonMessage(fieldReason('INVALID_VALUE', { allowed: ['ASC', 'DESC'] }), id)).toBe('Harus ASC atau DESC');
  });

  it('should write numbers, ranges and sizes in the language’s format', () => {
    expect(fieldReasonMessage(fieldReason('OUT_OF_RANGE', { min: 1, max: 1000 }), id)).toBe('Harus antara 1 dan 1.000');
    expect(fieldReasonMessage(fieldReason('OUT_OF_RANGE', { min: 0 }), en)).toBe('Must be at least 0');
    expect(fieldReasonMessage(fieldReason('NOT_A_NUMBER', {}), en)).toBe('Must be a number');
    expect(fieldReasonMessage(fieldReason('CSV_TOO_LARGE', { maxRows: 5000, maxBytes: 5_000_000 }), id)).toBe(
      'Berkas terlalu besar: paling banyak 5.000 baris dan 5 MB',
    );
    expect(fieldReasonMessage(fieldReason('REGION_CODE', { level: 'VILLAGE' }), id)).toBe(
      'Harus berupa kode desa/kelurahan Kemendagri (mis. 51.04.05.2002)',
    );
  });

  it('should name statuses in a refused transition', () => {
    expect(conflictMessage({ code: 'STATUS_TRANSITION', params: { from: 'ENDED', to: 'ACTIVE' } }, id)).toBe(
      'Status tidak dapat diubah dari berakhir menjadi aktif.',
    );
  });
});
