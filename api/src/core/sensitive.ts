import { hasPermission, maskNik, Permission } from '@lindung/domain';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { Extensions } from 'type-graphql';
import type { Actor, RequestContext } from './context';

/**
 * Personal data shown whole only to those who need it (UU PDP 27/2022). A sensitive property is
 * declared once, on its entity or type, with its mask and the permission that reads it whole; the
 * declaration is then applied everywhere the value leaves the API — the GraphQL field (lists, show
 * pages, search results, nested fields alike), exports and audit diffs (always masked).
 */
export interface SensitiveRule {
  mask: (value: string) => string;
  readFull: Permission;
}

export const NIK: SensitiveRule = { mask: maskNik, readFull: Permission.NikRead };

const declared = new Map<Function, Map<string, SensitiveRule>>();
/** Each type's sensitive properties, inherited ones included; forgotten when a declaration is added. */
let inherited = new WeakMap<Function, ReadonlyMap<string, SensitiveRule>>();

export function Sensitive(rule: SensitiveRule): PropertyDecorator {
  return (prototype, property) => {
    const owner = prototype.constructor;
    const fields = declared.get(owner) ?? new Map<string, SensitiveRule>();
    fields.set(String(property), rule);
    declared.set(owner, fields);
    inherited = new WeakMap();
    (Extensions({ [SENSITIVE]: rule }) as PropertyDecorator)(prototype, property);
  };
}

const SENSITIVE = 'sensitive';

/**
 * Gives every sensitive field its resolver: the value as the caller may see it. Synchronous on
 * purpose — an async field would turn each row of a list into a promise to await.
 */
export function installSensitiveFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const rule = field.extensions?.[SENSITIVE] as SensitiveRule | undefined;
      if (!rule) continue;
      const name = field.name;
      field.resolve = (parent: Record<string, unknown>, _args, ctx: RequestContext) => present(ctx.actor, rule, parent[name]);
    }
  }
  return schema;
}

/** The fields declared sensitive, as `Type.field` (for the schema test). */
export function sensitiveSchemaFields(schema: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) if (field.extensions?.[SENSITIVE]) found.push(`${type.name}.${field.name}`);
  }
  return found;
}

/**
 * The sensitive properties of a type (inherited declarations included). Kept per type: an import
 * masks the diff of each of its thousands of new people with it.
 */
export function sensitiveFieldsOf(type: Function): ReadonlyMap<string, SensitiveRule> {
  let fields = inherited.get(type);
  if (fields) return fields;
  const found = new Map<string, SensitiveRule>();
  for (let current: Function | null = type; current && current !== Function.prototype; current = Object.getPrototypeOf(current)) {
    for (const [name, rule] of declared.get(current) ?? []) if (!found.has(name)) found.set(name, rule);
  }
  inherited.set(type, (fields = found));
  return fields;
}

export function mayReadFull(actor: Pick<Actor, 'role'> | null, rule: SensitiveRule): boolean {
  return !!actor && hasPermission(actor.role, rule.readFull);
}

/** A value as this caller may see it. */
export function present(actor: Pick<Actor, 'role'> | null, rule: SensitiveRule, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return mayReadFull(actor, rule) ? value : rule.mask(value);
}

/** A record's values as this caller may see them (exports). */
export function presentRecord<T extends Record<string, unknown>>(actor: Pick<Actor, 'role'> | null, type: Function, record: T): T {
  const copy: Record<string, unknown> = { ...record };
  for (const [name, rule] of sensitiveFieldsOf(type)) if (name in copy) copy[name] = present(actor, rule, copy[name]);
  return copy as T;
}

/** A record's values with every sensitive one masked, whoever reads it later (audit diffs). */
export function maskRecord(type: Function, record: object): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...record };
  for (const [name, rule] of sensitiveFieldsOf(type)) {
    if (typeof copy[name] === 'string') copy[name] = rule.mask(copy[name] as string);
  }
  return copy;
}
