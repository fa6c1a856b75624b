import { hasPermission, type Permission, type Role } from '@lindung/domain';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gql, tokenOf, type DemoAccount } from '../support/api';

/**
 * Every root operation, called over HTTP by every demo role that the permission matrix does not
 * allow it: each must be FORBIDDEN, whatever its arguments. Generated from the reviewed permission
 * map and the schema, so a new operation is covered the day it exists.
 */
const root = path.resolve(__dirname, '../..');
const schema = buildSchema(fs.readFileSync(path.join(root, 'api/schema.graphql'), 'utf8'));
type Declaration = string[] | { allow: string[] } | null;
const declared: Record<string, Declaration> = JSON.parse(
  execFileSync(process.execPath, [path.join(__dirname, '../support/print-permissions.cjs')], { encoding: 'utf8' }),
);
const permissionsOf = (operation: string): Permission[] => {
  const declaration = declared[operation];
  return (Array.isArray(declaration) ? declaration : (declaration?.allow ?? [])) as Permission[];
};

const ACCOUNTS: Record<Role, DemoAccount> = {
  ADMIN: 'admin',
  REGENCY_OFFICIAL: 'pejabatGianyar',
  VILLAGE_HEAD: 'perbekelMas',
  PARTNER: 'mitraSanggar',
  AUDITOR: 'auditor',
};

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
const SCALARS: Record<string, unknown> = { ID: PLACEHOLDER_ID, String: 'x', Int: 1, Float: 1, Boolean: true, Date: '2026-01-01', DateTimeISO: '2026-01-01T00:00:00Z', Money: 1, JSONObject: {} };

/** A value of the input type that passes GraphQL's own coercion. */
function sample(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [sample(inner.ofType)];
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isScalarType(inner)) return SCALARS[inner.name] ?? 'x';
  if (isInputObjectType(inner)) {
    return Object.fromEntries(Object.values(inner.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sample(f.type)]));
  }
  return null;
}

/** The operation with its required arguments as variables, selecting one scalar field of its result. */
function documentOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const required = field.args.filter((arg) => isNonNullType(arg.type));
  const variables = Object.fromEntries(required.map((arg) => [arg.name, sample(arg.type)]));
  const signature = required.length ? `(${required.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ')})` : '';
  const args = required.length ? `(${required.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
  const result = getNamedType(field.type);
  const selection = isObjectType(result) ? `{ ${Object.values(result.getFields()).find((f) => isScalarType(getNamedType(f.type)) && !f.args.length)!.name} }` : '';
  return { query: `${kind}${signature} { ${field.name}${args} ${selection} }`, variables };
}

const cases: Array<[string, Role, ReturnType<typeof documentOf>]> = [];
const allowedCases: Array<[string, Role, ReturnType<typeof documentOf>]> = [];
for (const [kind, type] of [['query', schema.getQueryType()!], ['mutation', schema.getMutationType()!]] as const) {
  for (const field of Object.values(type.getFields())) {
    const operation = `${type.name}.${field.name}`;
    const permissions = permissionsOf(operation);
    for (const role of Object.keys(ACCOUNTS) as Role[]) {
      const allowed = permissions.some((permission) => hasPermission(role, permission));
      (allowed ? allowedCases : cases).push([operation, role, documentOf(kind, field)]);
    }
  }
}

describe('the permission matrix over HTTP', () => {
  it('should have operations every role is refused somewhere', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  it.each(cases)('should refuse %s to %s', async (_operation, role, document) => {
    const result = await gql(document.query, document.variables, await tokenOf(ACCOUNTS[role]));
    expect(result.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  // Placeholder arguments (an id nobody has, "x") end in NOT_FOUND or BAD_USER_INPUT, never in FORBIDDEN.
  it.each(allowedCases.filter(([operation]) => !['Mutation.logout', 'Mutation.changePassword'].includes(operation)))(
    'should let %s through to %s',
    async (_operation, role, document) => {
      const result = await gql(document.query, document.variables, await tokenOf(ACCOUNTS[role]));
      expect(result.errors?.[0]?.extensions.code).not.toBe('FORBIDDEN');
    },
  );
});
