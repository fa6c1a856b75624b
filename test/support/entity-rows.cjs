// Reads rows of every entity both ways — the scoped readers' readEntities and TypeORM's getMany —
// on the test run's database, outside and inside a transaction, and prints what differs (value,
// type or class of any property), with how many rows each read. Argument: the database URL.
const { isDeepStrictEqual } = require('node:util');
const { apiDist, printFindings } = require('./database-script.cjs');
const { readEntities } = apiDist('core/entity-rows.js');

/** Every property with its value and, for objects, their class: what a resolver could tell apart. */
const described = (entity) => ({
  class: Object.getPrototypeOf(entity).constructor.name,
  values: Object.fromEntries(Object.entries(entity).map(([key, value]) => [key, value instanceof Date ? ['Date', value.getTime()] : [typeof value, value]])),
});

printFindings(async (ds) => {
  const out = { compared: {}, differences: [] };
  const compare = async (em, where) => {
    for (const metadata of ds.entityMetadatas) {
      const query = () => {
        const qb = em.createQueryBuilder(metadata.target, 'e');
        for (const column of metadata.primaryColumns) qb.addOrderBy(`e.${column.propertyName}`, 'DESC');
        return qb.limit(40);
      };
      // Other test files write to the same database meanwhile: a difference must hold on every
      // attempt to count (a conversion gone wrong does; a row changed between two reads does not).
      for (let attempt = 1; ; attempt += 1) {
        const [lean, full] = [await readEntities(query()), await query().getMany()];
        out.compared[`${where} ${metadata.name}`] = lean.length;
        if (isDeepStrictEqual(lean.map(described), full.map(described))) break;
        if (attempt === 5) {
          out.differences.push(`${where} ${metadata.name}`);
          break;
        }
      }
    }
  };
  await compare(ds.manager, 'pool');
  await ds.transaction((em) => compare(em, 'transaction'));
  return out;
});
