import { failure, ok, regencyId, districtId, tokenOf, type DemoAccount } from '../support/api';

const ALL_ROLES: DemoAccount[] = ['admin', 'pejabatGianyar', 'perbekelMas', 'mitraSanggar', 'auditor'];
const NON_ADMIN: DemoAccount[] = ['pejabatGianyar', 'perbekelMas', 'mitraSanggar', 'auditor'];

const COUNTS = `query($r: ID) {
  regencies: _allRegenciesMeta { count }
  districts: _allDistrictsMeta(filter: { regencyId: $r }) { count }
  villages: _allVillagesMeta(filter: { regencyId: $r }) { count }
}`;
const VILLAGES = `query($page: Int, $perPage: Int, $sortField: String, $sortOrder: String, $filter: VillageFilter) {
  allVillages(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) { id code name type districtId regencyId }
  _allVillagesMeta(page: $page, perPage: $perPage, filter: $filter) { count }
}`;

describe('Bali reference data', () => {
  it('should hold 9 regencies, 57 districts and 716 villages', async () => {
    const data = await ok(COUNTS, {}, await tokenOf('auditor'));
    expect([data.regencies.count, data.districts.count, data.villages.count]).toEqual([9, 57, 716]);
  });

  it('should hold Gianyar with 7 districts, 70 villages (64 desa, 6 kelurahan) and its workforce target', async () => {
    const token = await tokenOf('auditor');
    const gianyar = await regencyId('51.04');
    const data = await ok(COUNTS, { r: gianyar }, token);
    expect([data.districts.count, data.villages.count]).toEqual([7, 70]);
    const kelurahan = await ok(VILLAGES, { filter: { regencyId: gianyar, type: 'KELURAHAN' } }, token);
    expect(kelurahan._allVillagesMeta.count).toBe(6);
    const regency = await ok(`query($id: ID!) { Regency(id: $id) { code name province provinceCode workforceTarget population } }`, { id: gianyar }, token);
    expect(regency.Regency).toEqual({ code: '51.04', name: 'Kabupaten Gianyar', province: 'Bali', provinceCode: '51', workforceTarget: 198628, population: 504845 });
  });
});

describe('lists: pagination, sorting, filters, search', () => {
  it('should page with a 0-based page and a stable order', async () => {
    const token = await tokenOf('perbekelMas');
    const first = await ok(VILLAGES, { page: 0, perPage: 50, sortField: 'name' }, token);
    const second = await ok(VILLAGES, { page: 1, perPage: 50, sortField: 'name' }, token);
    expect(first.allVillages).toHaveLength(50);
    expect(first._allVillagesMeta.count).toBe(716);
    const ids = new Set([...first.allVillages, ...second.allVillages].map((v: { id: string }) => v.id));
    expect(ids.size).toBe(100);
    const names = first.allVillages.map((v: { name: string }) => v.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });

  it('should sort descending', async () => {
    const data = await ok(VILLAGES, { perPage: 3, sortField: 'code', sortOrder: 'DESC' }, await tokenOf('admin'));
    const codes = data.allVillages.map((v: { code: string }) => v.code);
    expect(codes).toEqual([...codes].sort().reverse());
    expect(codes[0].startsWith('51.71')).toBe(true);
  });

  it('should filter by district and by ids', async () => {
    const token = await tokenOf('admin');
    const ubud = await districtId('51.04.05');
    const data = await ok(VILLAGES, { perPage: 100, filter: { districtId: ubud } }, token);
    expect(data._allVillagesMeta.count).toBe(data.allVillages.length);
    expect(data.allVillages.every((v: { districtId: string }) => v.districtId === ubud)).toBe(true);
    expect(data.allVillages.map((v: { name: string }) => v.name)).toContain('Mas');
    const two = data.allVillages.slice(0, 2).map((v: { id: string }) => v.id);
    const byIds = await ok(VILLAGES, { filter: { ids: two } }, token);
    expect(byIds.allVillages.map((v: { id: string }) => v.id).sort()).toEqual([...two].sort());
  });

  it('should return every id a getMany names, past the default page of 25', async () => {
    const token = await tokenOf('admin');
    const ids = (await ok(`{ allVillages(perPage: 40) { id } }`, {}, token)).allVillages.map((v: { id: string }) => v.id);
    expect(ids).toHaveLength(40);
    const byIds = await ok(`query($ids: [ID!]) { allVillages(filter: { ids: $ids }) { id } }`, { ids }, token);
    expect(byIds.allVillages.map((v: { id: string }) => v.id).sort()).toEqual([...ids].sort());
  });

  it('should search case- and accent-insensitively', async () => {
    const token = await tokenOf('mitraSanggar');
    for (const q of ['mas', 'MAS', 'Mâs', 'mäs']) {
      const data = await ok(VILLAGES, { perPage: 50, filter: { q } }, token);
      expect(data.allVillages.map((v: { code: string }) => v.code)).toContain('51.04.05.2002');
    }
  });

  it('should rank the search: the exact name first, then names starting so, then the rest ("Mas" before Darmasaba)', async () => {
    const data = await ok(VILLAGES, { perPage: 50, sortField: 'code', filter: { q: 'Mas' } }, await tokenOf('admin'));
    const names = data.allVillages.map((v: { name: string }) => v.name);
    expect(names[0]).toBe('Mas');
    expect(names).toContain('Darmasaba');
    const prefixed = names.findIndex((name: string) => /^mas/i.test(name) && name !== 'Mas');
    if (prefixed >= 0) expect(prefixed).toBeLessThan(names.indexOf('Darmasaba'));
  });

  it("should find the villages of a kecamatan or a regency by its name ('ubud' lists Ubud's villages)", async () => {
    const token = await tokenOf('admin');
    const ubud = await ok(`query($d: ID) { _allVillagesMeta(filter: { districtId: $d }) { count } }`, { d: await districtId('51.04.05') }, token);
    const found = await ok(`{ allVillages(perPage: 100, filter: { q: "ubud" }) { code name } _allVillagesMeta(filter: { q: "ubud" }) { count } }`, {}, token);
    expect(found._allVillagesMeta.count).toBe(ubud._allVillagesMeta.count);
    expect(found.allVillages.every((v: { code: string }) => v.code.startsWith('51.04.05.'))).toBe(true);
    expect(found.allVillages[0].name).toBe('Ubud');
    const badung = await ok(`{ _allVillagesMeta(filter: { q: "BADUNG" }) { count } }`, {}, token);
    expect(badung._allVillagesMeta.count).toBeGreaterThanOrEqual(62);
  });

  it('should treat LIKE wildcards in the search as plain text', async () => {
    const data = await ok(VILLAGES, { filter: { q: '%' } }, await tokenOf('admin'));
    expect(data._allVillagesMeta.count).toBe(0);
  });

  it('should refuse an unknown sort field, a bad sort order and an oversized page with BAD_USER_INPUT', async () => {
    const token = await tokenOf('admin');
    const badSort = await failure(VILLAGES, { sortField: 'name; DROP TABLE villages' }, token);
    expect(badSort.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { sortField: expect.any(String) } });
    const badOrder = await failure(VILLAGES, { sortOrder: 'sideways' }, token);
    expect(badOrder.extensions.fields).toHaveProperty('sortOrder');
    const tooMany = await failure(VILLAGES, { perPage: 1001 }, token);
    expect(tooMany.extensions.fields).toHaveProperty('perPage');
    const negative = await failure(VILLAGES, { page: -1 }, token);
    expect(negative.extensions.fields).toHaveProperty('page');
    const badId = await failure(VILLAGES, { filter: { districtId: 'x' } }, token);
    expect(badId.extensions.fields).toHaveProperty(['filter.districtId']);
  });

  it('should answer NOT_FOUND for an unknown id', async () => {
    const error = await failure(`{ Village(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, await tokenOf('admin'));
    expect(error.extensions.code).toBe('NOT_FOUND');
  });
});

describe('region access by role', () => {
  it.each(ALL_ROLES)('should let %s read regencies, districts and villages', async (role) => {
    const data = await ok(COUNTS, {}, await tokenOf(role));
    expect(data.villages.count).toBe(716);
  });

  it.each(NON_ADMIN)('should forbid %s to create, update or delete regions', async (role) => {
    const token = await tokenOf(role);
    const ubud = await districtId('51.04.05');
    const mas = (await ok(`{ allVillages(filter: { code: "51.04.05.2002" }) { id } }`, {}, token)).allVillages[0].id;
    const attempts = [
      [`mutation($d: ID!) { createVillage(code: "51.04.05.2999", name: "X", districtId: $d) { id } }`, { d: ubud }],
      [`mutation($id: ID!) { updateVillage(id: $id, name: "Hacked") { id } }`, { id: mas }],
      [`mutation($id: ID!) { deleteVillage(id: $id) { id } }`, { id: mas }],
      [`mutation { createRegency(code: "51.99", name: "X") { id } }`, {}],
    ] as const;
    for (const [query, variables] of attempts) {
      expect((await failure(query, variables, token)).extensions.code).toBe('FORBIDDEN');
    }
    const unchanged = await ok(`query($id: ID!) { Village(id: $id) { name } }`, { id: mas }, token);
    expect(unchanged.Village.name).toBe('Mas');
  });

  it('should forbid anonymous callers to read regions', async () => {
    expect((await failure(COUNTS)).extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('region writes by ADMIN', () => {
  it('should create, update and delete a regency, district and village in one chain', async () => {
    const token = await tokenOf('admin');
    const regency = (await ok(`mutation { createRegency(code: "52.90", name: "Kabupaten Uji", workforceTarget: 1000) { id code province provinceCode workforceTarget } }`, {}, token)).createRegency;
    expect(regency).toMatchObject({ code: '52.90', province: 'Nusa Tenggara Barat', provinceCode: '52', workforceTarget: 1000 });
    const district = (await ok(`mutation($r: ID!) { createDistrict(code: "52.90.01", name: "Kecamatan Uji", regencyId: $r) { id regencyId } }`, { r: regency.id }, token)).createDistrict;
    const village = (await ok(`mutation($d: ID!) { createVillage(code: "52.90.01.1001", name: "Kelurahan Uji", districtId: $d) { id type regencyId } }`, { d: district.id }, token)).createVillage;
    expect(village).toMatchObject({ type: 'KELURAHAN', regencyId: regency.id });
    const renamed = (await ok(`mutation($id: ID!) { updateVillage(id: $id, name: "Desa Uji", code: "52.90.01.2001") { name type } }`, { id: village.id }, token)).updateVillage;
    expect(renamed).toEqual({ name: 'Desa Uji', type: 'DESA' });

    const inUse = await failure(`mutation($id: ID!) { deleteRegency(id: $id) { id } }`, { id: regency.id }, token);
    // Named: what still depends on it, and how many (the portal says "1 kecamatan still depend on it").
    expect(inUse.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IN_USE', params: { dependant: expect.stringMatching(/^(District|Village)$/), count: 1 } });
    expect(inUse.message).toMatch(/still referenced by 1 (District|Village) record/);
    const recode = await failure(`mutation($id: ID!) { updateRegency(id: $id, code: "52.91") { id } }`, { id: regency.id }, token);
    expect(recode.extensions).toMatchObject({ code: 'CONFLICT', reason: 'HAS_CHILDREN' });

    await ok(`mutation($id: ID!) { deleteVillage(id: $id) { id } }`, { id: village.id }, token);
    await ok(`mutation($id: ID!) { deleteDistrict(id: $id) { id } }`, { id: district.id }, token);
    const deleted = (await ok(`mutation($id: ID!) { deleteRegency(id: $id) { id code } }`, { id: regency.id }, token)).deleteRegency;
    expect(deleted).toEqual({ id: regency.id, code: '52.90' });
    expect((await failure(`query($id: ID!) { Regency(id: $id) { id } }`, { id: regency.id }, token)).extensions.code).toBe('NOT_FOUND');
  });

  it('should refuse bad region input with the field at fault and write nothing', async () => {
    const token = await tokenOf('admin');
    const gianyar = await regencyId('51.04');
    const ubud = await districtId('51.04.05');
    const cases: [string, Record<string, unknown>, string][] = [
      [`mutation { createRegency(code: "5104", name: "X") { id } }`, {}, 'code'],
      [`mutation { createRegency(code: "51.04", name: "Duplicate") { id } }`, {}, 'code'],
      [`mutation { createRegency(code: "51.95", name: "X", provinceCode: "52") { id } }`, {}, 'provinceCode'],
      [`mutation { createRegency(code: "51.96", name: "") { id } }`, {}, 'name'],
      [`mutation { createRegency(code: "51.97", name: "X", workforceTarget: -5) { id } }`, {}, 'workforceTarget'],
      [`mutation($r: ID!) { createDistrict(code: "51.03.09", name: "Wrong parent", regencyId: $r) { id } }`, { r: gianyar }, 'code'],
      [`mutation { createDistrict(code: "51.04.09", name: "No parent", regencyId: "00000000-0000-4000-8000-000000000000") { id } }`, {}, 'regencyId'],
      [`mutation($d: ID!) { createVillage(code: "51.04.05.3001", name: "Bad type digit", districtId: $d) { id } }`, { d: ubud }, 'code'],
    ];
    for (const [query, variables, field] of cases) {
      const error = await failure(query, variables, token);
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields).toHaveProperty([field]);
    }
    const counts = await ok(COUNTS, { r: gianyar }, token);
    expect([counts.districts.count, counts.villages.count]).toEqual([7, 70]);
  });
});
