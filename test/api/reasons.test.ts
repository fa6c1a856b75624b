import { failure, ok, tokenOf } from '../support/api';

// Every BAD_USER_INPUT names, per field, the English words (`fields`) and a coded reason
// (`reasons`: { code, params }) the portal translates; every CONFLICT a typed `reason`.
const VILLAGES = `query($perPage: Int, $sortField: String, $sortOrder: String, $filter: VillageFilter) {
  allVillages(perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) { id } }`;
const CREATE_REGENCY = `mutation($code: String!, $name: String!, $provinceCode: String) {
  createRegency(code: $code, name: $name, provinceCode: $provinceCode) { id } }`;
const CREATE_DISTRICT = `mutation($code: String!, $name: String!, $regencyId: ID!) { createDistrict(code: $code, name: $name, regencyId: $regencyId) { id } }`;
const CREATE_RATE = `mutation($bracket: String, $percent: Float, $flatAmount: Money, $legalBasis: String, $validTo: Date) {
  createContributionRate(program: JKK, category: PU, bracket: $bracket, percent: $percent, flatAmount: $flatAmount,
    legalBasis: $legalBasis, validFrom: "2050-01-01", validTo: $validTo) { id } }`;
const CREATE_USER = `mutation($email: String!, $password: String!, $role: Role!, $villageId: ID) {
  createUser(email: $email, password: $password, role: $role, villageId: $villageId) { id } }`;

describe('coded reasons', () => {
  it('should code the list arguments’ class-validator failures, with their parameters', async () => {
    const admin = await tokenOf('admin');
    const error = await failure(VILLAGES, { perPage: 5000, sortOrder: 'UP', filter: { ids: ['nope'], q: 'x'.repeat(201) } }, admin);
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { perPage: 'must be between 1 and 1000', sortOrder: 'must be one of ASC, DESC' },
      reasons: {
        perPage: { code: 'OUT_OF_RANGE', params: { min: 1, max: 1000 } },
        sortOrder: { code: 'INVALID_VALUE', params: { allowed: ['ASC', 'DESC'] } },
        'filter.ids': { code: 'NOT_AN_ID' },
        'filter.q': { code: 'TOO_LONG', params: { max: 200 } },
      },
    });
    const sort = await failure(VILLAGES, { sortField: 'population' }, admin);
    expect(sort.extensions.reasons).toEqual({ sortField: { code: 'INVALID_VALUE', params: { allowed: expect.arrayContaining(['code', 'name']) } } });
  });

  it('should code domain rules and named patterns', async () => {
    const admin = await tokenOf('admin');
    const regency = await failure(CREATE_REGENCY, { code: '5104', name: '', provinceCode: '5' }, admin);
    expect(regency.extensions.reasons).toEqual({
      code: { code: 'REGION_CODE', params: { level: 'REGENCY' } },
      name: { code: 'REQUIRED' },
      provinceCode: { code: 'REGION_CODE', params: { level: 'PROVINCE' } },
    });
    expect(regency.extensions.fields).toMatchObject({ code: 'must be a Kemendagri regency code (e.g. 51.04)', name: 'is required' });

    const rate = await failure(CREATE_RATE, { bracket: 'low', percent: 0.12345, legalBasis: 'two\nlines' }, admin);
    expect(rate.extensions.reasons).toEqual({
      bracket: { code: 'BRACKET_FORMAT' },
      percent: { code: 'NOT_A_NUMBER', params: { maxDecimals: 3 } },
      legalBasis: { code: 'NOT_ONE_LINE' },
    });
    expect(rate.extensions.fields).toMatchObject({ percent: 'must be a number with at most 3 decimals' });
  });

  it('should code the services’ own rules', async () => {
    const admin = await tokenOf('admin');
    const both = await failure(CREATE_RATE, { percent: 1, flatAmount: 1000 }, admin);
    expect(both.extensions.reasons).toEqual({ percent: { code: 'PERCENT_OR_FLAT' }, flatAmount: { code: 'PERCENT_OR_FLAT' } });
    const backwards = await failure(CREATE_RATE, { percent: 1, validTo: '2049-12-31' }, admin);
    expect(backwards.extensions).toMatchObject({
      fields: { validTo: 'must not be before validFrom' },
      reasons: { validTo: { code: 'DATE_BEFORE', params: { field: 'validFrom' } } },
    });

    const outside = await failure(CREATE_DISTRICT, { code: '51.03.99', name: 'Luar', regencyId: await gianyarId(admin) }, admin);
    expect(outside.extensions.reasons).toEqual({ code: { code: 'CODE_OUTSIDE_PARENT', params: { parentCode: '51.04', level: 'REGENCY' } } });

    const user = await failure(CREATE_USER, { email: 'not-an-email', password: 'short', role: 'VILLAGE_HEAD' }, admin);
    expect(user.extensions.reasons).toEqual({
      email: { code: 'INVALID_EMAIL' },
      password: { code: 'PASSWORD_TOO_SHORT', params: { min: 12 } },
    });
    const unseen = await failure(CREATE_USER, { email: 'kades.baru@lindung.test', password: 'a-long-password', role: 'VILLAGE_HEAD', villageId: '00000000-0000-4000-8000-000000000000' }, admin);
    expect(unseen.extensions.reasons).toEqual({ villageId: { code: 'NOT_VISIBLE', params: { type: 'Village', id: '00000000-0000-4000-8000-000000000000' } } });
  });
});

async function gianyarId(token: string): Promise<string> {
  return (await ok(`{ allRegencies(filter: { code: "51.04" }) { id } }`, {}, token)).allRegencies[0].id;
}
