// The client's CommonJS build: its ESM build imports @apollo/client 3 by named exports, which Node's ESM loader refuses.
const buildGraphQLProvider = require('ra-data-graphql-simple').default;

(async () => {

const dataProvider = await buildGraphQLProvider({
  clientOptions: {
    uri: `${process.env.LINDUNG_API_URL}/graphql`,
    headers: { authorization: `Bearer ${process.env.TOKEN}` },
  },
});
const page = { pagination: { page: 1, perPage: 10 }, sort: { field: 'name', order: 'ASC' } };
const list = (resource, filter = {}) => dataProvider.getList(resource, { ...page, filter });
const gianyar = process.env.GIANYAR;
const [regencies, districts, villages, gianyarDistricts, gianyarVillages, one, mas] = await Promise.all([
  list('Regency'),
  list('District'),
  list('Village'),
  dataProvider.getManyReference('District', { ...page, target: 'regencyId', id: gianyar, filter: {} }),
  list('Village', { regencyId: gianyar }),
  dataProvider.getOne('Regency', { id: gianyar }),
  list('Village', { q: 'mas', regencyId: gianyar }),
]);
process.stdout.write(JSON.stringify({
  regencies: regencies.total,
  districts: districts.total,
  villages: villages.total,
  gianyarDistricts: gianyarDistricts.total,
  gianyarVillages: gianyarVillages.total,
  gianyar: { code: one.data.code, workforceTarget: one.data.workforceTarget },
  firstPage: villages.data.length,
  masFound: mas.data.some((v) => v.name === 'Mas'),
}));
})();
