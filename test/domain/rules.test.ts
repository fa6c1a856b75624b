import { canAccess, parentRegionCode, regionCodeProblem, regionLevel, villageType } from '@lindung/domain';

// The shared rules the API and the portal both use; pure functions, tested on their own (the NIK's
// in nik.test.ts, the reasons' in reasons.test.ts).
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

  it('should give REGION_CODE with the level for a code of the wrong form', () => {
    expect(regionCodeProblem('51.04', 'REGENCY')).toBeNull();
    expect(regionCodeProblem('5104', 'REGENCY')).toEqual({ code: 'REGION_CODE', params: { level: 'REGENCY' } });
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
    ['PARTNER', 'PartnerOrganisation', 'edit', true],
    ['PARTNER', 'PartnerOrganisation', 'create', false],
    ['PARTNER', 'Worker', 'create', true],
    ['PARTNER', 'AuditEvent', 'list', false],
    ['VILLAGE_HEAD', 'Worker', 'edit', false],
    ['REGENCY_OFFICIAL', 'AuditEvent', 'list', true],
    ['AUDITOR', 'Worker', 'delete', false],
    ['AUDITOR', 'User', 'show', true],
    ['AUDITOR', 'Regency', 'create', false],
    [null, 'Village', 'list', false],
    ['ADMIN', 'Unknown', 'list', false],
  ] as const)('%s on %s/%s should be %s', (role, resource, action, allowed) => {
    expect(canAccess(role, resource, action)).toBe(allowed);
  });
});
