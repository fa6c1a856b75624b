import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { regencyId, tokenOf } from '../support/api';

// An unmodified ra-data-graphql-simple data provider, as the portal and partner systems use it.
// It runs in a plain Node process: the client is ESM-first, which jest's module system does not load.
describe('unmodified ra-data-graphql-simple client', () => {
  it('should read the counts of Bali and Gianyar through getList, getOne and getManyReference', async () => {
    const output = execFileSync(process.execPath, [path.join(__dirname, '../support/ra-client.cjs')], {
      env: { ...process.env, TOKEN: await tokenOf('auditor'), GIANYAR: await regencyId('51.04') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(JSON.parse(output)).toEqual({
      regencies: 9,
      districts: 57,
      villages: 716,
      gianyarDistricts: 7,
      gianyarVillages: 70,
      gianyar: { code: '51.04', workforceTarget: 198628 },
      firstPage: 10,
      masFound: true,
    });
  });
});
