import fs from 'node:fs';
import path from 'node:path';
import {
  birthDateFromNik,
  checkNik,
  maskNik,
  nikAgreementProblem,
  nikAgreementProblems,
  reasonText,
  withNikFacts,
  type NikFacts,
} from '@lindung/domain';

// The NIK rules the API applies to every worker (and the portal to its forms, without the region).
const kecamatanCodes = new Set(
  fs
    .readFileSync(path.join(__dirname, '../../api/data/indonesia-kecamatan.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0]),
);
const known = (code: string) => kecamatanCodes.has(code);

function factsOf(nik: string): NikFacts {
  const check = checkNik(nik, known);
  if (!check.ok) throw new Error(`${nik} should be valid: ${check.reason.code}`);
  return check.facts;
}

describe('checkNik', () => {
  it('should read region, birth date and sex from a man’s NIK', () => {
    expect(checkNik('5104051203850001', known)).toEqual({
      ok: true,
      facts: { kecamatanCode: '51.04.05', gender: 'MALE', birthDay: 12, birthMonth: 3, birthYearTwoDigits: 85, serial: 1 },
    });
  });

  it.each([
    ['5104055203850002', 12, 3],
    ['5104054101900001', 1, 1],
    ['5104057101900001', 31, 1],
  ])('should read a woman’s birth day from day + 40 in %s', (nik, birthDay, birthMonth) => {
    expect(factsOf(nik)).toMatchObject({ gender: 'FEMALE', birthDay, birthMonth });
  });

  it.each([
    ['510405120385000', 'fifteen digits'],
    ['51040512038500011', 'seventeen digits'],
    ['51040512038500a1', 'a letter'],
    ['5104 0512 0385 0001', 'spaces'],
    ['', 'nothing'],
  ])('should refuse %s (%s) as NIK_FORMAT', (nik) => {
    expect(checkNik(nik, known)).toEqual({ ok: false, reason: { code: 'NIK_FORMAT' } });
  });

  it.each([
    ['5104053102850001', '31 February'],
    ['5104053002850001', '30 February'],
    ['5104050001850001', 'day 00'],
    ['5104053501850001', 'day 35 (neither a man’s day nor a woman’s +40)'],
    ['5104054001850001', 'day 40'],
    ['5104057201850001', 'day 72: a woman’s 32nd'],
    ['5104057102850001', 'day 71 in February: a woman’s 31 February'],
    ['5104051213850001', 'month 13'],
    ['5104051200850001', 'month 00'],
  ])('should refuse %s (%s) as NIK_DATE', (nik) => {
    expect(checkNik(nik, known)).toEqual({ ok: false, reason: { code: 'NIK_DATE' } });
  });

  it('should accept 29 February only in a year that can be a leap year', () => {
    expect(checkNik('5104052902840001', known).ok).toBe(true);
    expect(checkNik('5104052902000001', known).ok).toBe(true);
    expect(checkNik('5104056902840001', known).ok).toBe(true);
    expect(checkNik('5104052902850001', known)).toEqual({ ok: false, reason: { code: 'NIK_DATE' } });
  });

  it('should refuse serial 0000 as NIK_SERIAL', () => {
    expect(checkNik('5104051203850000', known)).toEqual({ ok: false, reason: { code: 'NIK_SERIAL' } });
  });

  it('should refuse an unknown kecamatan with its code when a lookup is given, and not without one', () => {
    expect(checkNik('5199991203850001', known)).toEqual({ ok: false, reason: { code: 'NIK_REGION', params: { code: '51.99.99' } } });
    expect(checkNik('5199991203850001').ok).toBe(true);
  });

  it('should check the form before the region (a malformed NIK is not looked up)', () => {
    const lookup = jest.fn(() => false);
    expect(checkNik('5199993102850001', lookup)).toEqual({ ok: false, reason: { code: 'NIK_DATE' } });
    expect(lookup).not.toHaveBeenCalled();
  });

  it('should accept the kecamatan codes of former editions (a NIK keeps its first registration)', () => {
    const former = fs
      .readFileSync(path.join(__dirname, '../../api/data/indonesia-kecamatan.csv'), 'utf8')
      .split('\n')
      .find((line) => /^\d{2}\.\d{2}\.\d{2},.*,0$/.test(line))!
      .split(',')[0];
    expect(checkNik(`${former.replace(/\./g, '')}0101900001`, known).ok).toBe(true);
  });

  it('should word each refusal in English for API clients', () => {
    const refusals = ['510405', '5104053102850001', '5104051203850000', '5199991203850001'].map((nik) => {
      const check = checkNik(nik, known);
      return check.ok ? null : reasonText(check.reason);
    });
    expect(refusals).toEqual([
      'must be exactly 16 digits',
      'birth date part (digits 7–12) is not a real date',
      'serial (last 4 digits) must start at 0001',
      'region 51.99.99 (digits 1–6) is not a known kecamatan',
    ]);
  });
});

describe('birthDateFromNik', () => {
  it.each([
    ['5104051203850001', '2026-05-01', '1985-03-12', 'a past century year'],
    ['5104051203100001', '2026-05-01', '2010-03-12', 'this century'],
    ['5104051203260001', '2026-05-01', '2026-03-12', 'earlier this year'],
    ['5104050105260001', '2026-05-01', '2026-05-01', 'today'],
    ['5104050205260001', '2026-05-01', '1926-05-02', 'later this year than today: a century ago'],
    ['5104051208270001', '2026-05-01', '1927-08-12', 'a year after this one: a century ago'],
    ['5104055203850002', '2026-05-01', '1985-03-12', 'a woman (day + 40)'],
    ['5104052902000001', '2026-05-01', '2000-02-29', '29 February 2000'],
    ['5104051203990001', '2000-01-01', '1999-03-12', 'the year before a century turns'],
  ])('should read %s on %s as %s (%s)', (nik, today, birthDate) => {
    expect(birthDateFromNik(factsOf(nik), today)).toBe(birthDate);
  });

  it('should refuse a malformed today', () => {
    expect(() => birthDateFromNik(factsOf('5104051203850001'), '01/05/2026')).toThrow(/YYYY-MM-DD/);
  });
});

describe('NIK agreement with the birth date and sex given', () => {
  const today = '2026-05-01';
  const man = factsOf('5104051203850001');

  it('should find nothing when both agree or are absent', () => {
    expect(nikAgreementProblem(man, { birthDate: '1985-03-12', gender: 'MALE' }, today)).toBeNull();
    expect(nikAgreementProblem(man, {}, today)).toBeNull();
    expect(nikAgreementProblem(man, { birthDate: null, gender: null }, today)).toBeNull();
  });

  it('should not refuse a person of a century ago (the NIK does not say the century)', () => {
    expect(nikAgreementProblem(man, { birthDate: '1885-03-12' }, today)).toBeNull();
  });

  it('should refuse another birth date, saying the one the NIK encodes', () => {
    expect(nikAgreementProblem(man, { birthDate: '1985-03-13' }, today)).toEqual({
      code: 'NIK_BIRTH_DATE_MISMATCH',
      params: { encoded: '1985-03-12' },
    });
    expect(nikAgreementProblem(man, { birthDate: '1986-03-12' }, today)?.code).toBe('NIK_BIRTH_DATE_MISMATCH');
  });

  it('should refuse the other sex, saying the one the NIK encodes', () => {
    expect(nikAgreementProblem(man, { gender: 'FEMALE' }, today)).toEqual({ code: 'NIK_GENDER_MISMATCH', params: { encoded: 'MALE' } });
    expect(nikAgreementProblem(factsOf('5104055203850002'), { gender: 'MALE' }, today)).toEqual({
      code: 'NIK_GENDER_MISMATCH',
      params: { encoded: 'FEMALE' },
    });
  });

  it('should tell the birth date first, and both per field', () => {
    const given = { birthDate: '1990-01-01', gender: 'FEMALE' as const };
    expect(nikAgreementProblem(man, given, today)?.code).toBe('NIK_BIRTH_DATE_MISMATCH');
    expect(nikAgreementProblems(man, given, today)).toEqual({
      birthDate: { code: 'NIK_BIRTH_DATE_MISMATCH', params: { encoded: '1985-03-12' } },
      gender: { code: 'NIK_GENDER_MISMATCH', params: { encoded: 'MALE' } },
    });
  });

  it('should fill an absent birth date and sex from the NIK, keeping the ones given', () => {
    expect(withNikFacts(man, {}, today)).toEqual({ birthDate: '1985-03-12', gender: 'MALE' });
    expect(withNikFacts(man, { birthDate: '1885-03-12' }, today)).toEqual({ birthDate: '1885-03-12', gender: 'MALE' });
  });
});

describe('maskNik', () => {
  it('should mask all but the first 6 and last 4 digits', () => {
    expect(maskNik('5104051203850001')).toBe('510405******0001');
    expect(maskNik('123')).toBe('****************');
  });
});
