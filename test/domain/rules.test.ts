import fs from 'node:fs';
import path from 'node:path';
import { canAccess, checkNik, maskNik, parentRegionCode, regionLevel, villageType } from '@lindung/domain';

// The shared rules the API and the portal both use; pure functions, tested on their own.
const kecamatanCodes = new Set(
  fs
    .readFileSync(path.join(__dirname, '../../api/data/indonesia-kecamatan.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0]),
);
const known = (code: string) => kecamatanCodes.has(code);

describe('NIK', () => {
  it('should read region, birth date and sex from a man’s NIK', () => {
    expect(checkNik('5104051203850001', known)).toEqual({
      ok: true,
      facts: { kecamatanCode: '51.04.05', gender: 'MALE', birthDay: 12, birthMonth: 3, birthYearTwoDigits: 85, serial: 1 },
    });
  });

  it('should read a woman’s birth day from day + 40', () => {
    const result = checkNik('5104055203850002', known);
    expect(result.ok && result.facts).toMatchObject({ gender: 'FEMALE', birthDay: 12 });
  });

  it.each([
    ['510405120385000', 'must be exactly 16 digits'],
    ['51040512038500a1', 'must be exactly 16 digits'],
    ['5104053002850001', 'birth date part (digits 7–12) is not a real date'],
    ['5104057203850001', 'birth date part (digits 7–12) is not a real date'],
    ['5104051203850000', 'serial (last 4 digits) must start at 0001'],
    ['5199991203850001', 'region 51.99.99 (digits 1–6) is not a known kecamatan'],
  ])('should refuse %s: %s', (nik, reason) => {
    expect(checkNik(nik, known)).toEqual({ ok: false, reason });
  });

  it('should accept 29 February only in a year that can be a leap year', () => {
    expect(checkNik('5104052902840001', known).ok).toBe(true);
    expect(checkNik('5104052902850001', known).ok).toBe(false);
  });

  it('should accept the kecamatan codes of former editions (a NIK keeps its first registration)', () => {
    const former = fs
      .readFileSync(path.join(__dirname, '../../api/data/indonesia-kecamatan.csv'), 'utf8')
      .split('\n')
      .find((line) => /^\d{2}\.\d{2}\.\d{2},.*,0$/.test(line))!
      .split(',')[0];
    expect(checkNik(`${former.replace(/\./g, '')}0101900001`, known).ok).toBe(true);
  });

  it('should mask all but the first 6 and last 4 digits', () => {
    expect(maskNik('5104051203850001')).toBe('510405******0001');
  });
});

describe('region codes', () => {
  it('should tell the level, the parent and desa from kelurahan', () => {
    expect(regionLevel('51')).toBe('PROVINCE');
    expect(regionLevel('51.04')).toBe('REGENCY');
    expect(regionLevel('51.04.05')).toBe('DISTRICT');
    expect(regionLevel('51.04.05.2002')).toBe('VILLAGE');
    expect(regionLevel('51.04.05.3002')).toBeNull();
    expect(parentRegionCode('51.04.05.2002')).toBe('51.04.05');
    expect(villageType('51.04.05.2002')).toBe('DESA');
    expect(villageType('51.04.03.1006')).toBe('KELURAHAN');
  });
});

describe('portal access (canAccess)', () => {
  it.each([
    ['ADMIN', 'User', 'create', true],
    ['ADMIN', 'Village', 'delete', true],
    ['REGENCY_OFFICIAL', 'User', 'list', true],
    ['REGENCY_OFFICIAL', 'User', 'create', true],
    ['REGENCY_OFFICIAL', 'Village', 'edit', false],
    ['VILLAGE_HEAD', 'User', 'list', false],
    ['PARTNER', 'Village', 'list', true],
    ['PARTNER', 'PartnerOrganisation', 'show', true],
    ['PARTNER', 'PartnerOrganisation', 'edit', false],
    ['AUDITOR', 'User', 'show', true],
    ['AUDITOR', 'Regency', 'create', false],
    [null, 'Village', 'list', false],
    ['ADMIN', 'Unknown', 'list', false],
  ] as const)('%s on %s/%s should be %s', (role, resource, action, allowed) => {
    expect(canAccess(role, resource, action)).toBe(allowed);
  });
});
