// Prints every nested entity field of the built API schema: the ones declared as scoped, batched
// relations (with their target, permission and bound), and the ones that return an entity type
// without being one — which must not exist.
const path = require('node:path');
const root = path.resolve(__dirname, '../..');
const { buildLindungSchema } = require(path.join(root, 'api/dist/schema.js'));
const { relationOf, unguardedEntityFields } = require(path.join(root, 'api/dist/core/relations.js'));
const { scopedEntities } = require(path.join(root, 'api/dist/core/scope.js'));
const { sensitiveSchemaFields } = require(path.join(root, 'api/dist/core/sensitive.js'));

buildLindungSchema().then((schema) => {
  const entityTypes = new Set(scopedEntities().map((entity) => entity.name));
  const relations = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!type.getFields || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const spec = relationOf(field);
      if (spec) relations[`${type.name}.${field.name}`] = { target: spec.target().name, allow: spec.allow, ...(spec.by ? { by: spec.by, max: spec.max } : { from: spec.from }) };
    }
  }
  // Every field that carries a NIK, by its name, beside the fields declared sensitive.
  const nikFields = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!type.getFields || type.name.startsWith('__') || !('isTypeOf' in type) || type === schema.getQueryType() || type === schema.getMutationType()) continue;
    for (const field of Object.values(type.getFields())) if (/nik/i.test(field.name)) nikFields.push(`${type.name}.${field.name}`);
  }
  process.stdout.write(JSON.stringify({ unguarded: unguardedEntityFields(schema, entityTypes), relations, sensitive: sensitiveSchemaFields(schema), nikFields }));
});
