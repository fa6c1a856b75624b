import type { FieldReason } from '@lindung/domain';
import {
  ARRAY_MAX_SIZE,
  getMetadataStorage,
  IS_BOOLEAN,
  IS_DATE_STRING,
  IS_DEFINED,
  IS_EMAIL,
  IS_ENUM,
  IS_IN,
  IS_INT,
  IS_ISO8601,
  IS_LENGTH,
  IS_NOT_EMPTY,
  IS_NUMBER,
  IS_STRING,
  IS_UUID,
  MATCHES,
  MAX,
  MAX_LENGTH,
  MIN,
  MIN_LENGTH,
  validate,
  type ValidationError,
} from 'class-validator';
import type { ValidatorFn } from 'type-graphql';
import { badUserInput, type FieldProblems } from './errors';
import { domainReasonOf } from './validators';

rememberRuleLookups();

/**
 * type-graphql's validator: class-validator on every argument object, failures turned into one
 * BAD_USER_INPUT whose `fields` maps each field (dotted for nested input) to its reason.
 */
export const validateArgs: ValidatorFn = async (argValue) => {
  const values = Array.isArray(argValue) ? argValue : [argValue];
  const problems: FieldProblems = {};
  collectNulCharacters(argValue, '', problems);
  for (const [index, value] of values.entries()) {
    if (value === null || typeof value !== 'object') continue;
    const errors = await validate(value, { forbidUnknownValues: false, skipMissingProperties: false });
    collectProblems(errors, Array.isArray(argValue) ? `${index}.` : '', problems);
  }
  if (Object.keys(problems).length > 0) throw badUserInput(problems);
};

type RuleStorage = ReturnType<typeof getMetadataStorage>;
type Rules = ReturnType<RuleStorage['getTargetValidationMetadatas']>;

/**
 * class-validator finds a class's rules by testing every decorated class of the program on each
 * validation (typestack/class-validator#2686): a cost per argument object on every request, which
 * grows with the schema. A class's own and inherited rules are all registered once its module has
 * loaded, so each answer is kept per class and options; a rule registered later (a class loaded
 * later) forgets every kept answer.
 */
function rememberRuleLookups(storage: RuleStorage = getMetadataStorage()): void {
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);
  let kept = new WeakMap<object, Map<string, Rules>>();
  storage.addValidationMetadata = (metadata) => {
    kept = new WeakMap();
    register(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const options = JSON.stringify([schema, always, strictGroups, groups ?? []]);
    let ofTarget = kept.get(target);
    if (!ofTarget) kept.set(target, (ofTarget = new Map()));
    let rules = ofTarget.get(options);
    if (!rules) ofTarget.set(options, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };
}

// One reason per field (the first found): a form shows one message under an input.
function collectProblems(errors: ValidationError[], prefix: string, into: FieldProblems): void {
  for (const error of errors) {
    const field = `${prefix}${error.property}`;
    const reason = reasonOf(error);
    if (reason && !into[field]) into[field] = reason;
    if (error.children?.length) collectProblems(error.children, `${field}.`, into);
  }
}

/** The coded reason of a property's failed constraints: named by the decorator, by a domain rule, or by the constraint. */
function reasonOf(error: ValidationError): FieldReason | null {
  const failed = Object.keys(error.constraints ?? {});
  if (failed.length === 0) return null;
  for (const name of failed) {
    const named = (error.contexts?.[name] as { reason?: FieldReason } | undefined)?.reason;
    if (named) return named;
  }
  const fromDomain = error.target && domainReasonOf(error.target, error.property);
  if (fromDomain) return fromDomain;
  const name = failed[0];
  const args = (constraintName: string) => constraintArgs(error.target, error.property, constraintName);
  return CONSTRAINT_REASONS[name]?.(args, error.value) ?? { code: 'INVALID_FORMAT' };
}

type ConstraintArgs = (constraintName: string) => unknown[];

/** The reason of each class-validator constraint the API uses (by the constraint's name). */
const CONSTRAINT_REASONS: Record<string, (args: ConstraintArgs, value: unknown) => FieldReason> = {
  [IS_DEFINED]: () => ({ code: 'REQUIRED' }),
  [IS_NOT_EMPTY]: () => ({ code: 'REQUIRED' }),
  [IS_STRING]: () => ({ code: 'NOT_A_STRING' }),
  [IS_BOOLEAN]: () => ({ code: 'NOT_A_BOOLEAN' }),
  [IS_INT]: () => ({ code: 'NOT_A_WHOLE_NUMBER' }),
  [IS_NUMBER]: (args) => {
    const maxDecimals = (args(IS_NUMBER)[0] as { maxDecimalPlaces?: number } | undefined)?.maxDecimalPlaces;
    return { code: 'NOT_A_NUMBER', params: maxDecimals === undefined ? {} : { maxDecimals } };
  },
  [MIN]: (args) => ({ code: 'OUT_OF_RANGE', params: bounds(args) }),
  [MAX]: (args) => ({ code: 'OUT_OF_RANGE', params: bounds(args) }),
  [IS_LENGTH]: (args, value) => lengthReason(args(IS_LENGTH) as [number, number?], value),
  [MIN_LENGTH]: (args) => ({ code: 'TOO_SHORT', params: { min: args(MIN_LENGTH)[0] as number } }),
  [MAX_LENGTH]: (args) => ({ code: 'TOO_LONG', params: { max: args(MAX_LENGTH)[0] as number } }),
  [ARRAY_MAX_SIZE]: (args) => ({ code: 'TOO_MANY_ITEMS', params: { max: args(ARRAY_MAX_SIZE)[0] as number } }),
  [IS_EMAIL]: () => ({ code: 'INVALID_EMAIL' }),
  [IS_UUID]: () => ({ code: 'NOT_AN_ID' }),
  [IS_ENUM]: (args) => ({ code: 'INVALID_VALUE', params: { allowed: (args(IS_ENUM)[1] as string[] | undefined) ?? [] } }),
  [IS_IN]: (args) => ({ code: 'INVALID_VALUE', params: { allowed: ((args(IS_IN)[0] as unknown[] | undefined) ?? []).map(String) } }),
  [IS_DATE_STRING]: () => ({ code: 'INVALID_DATE' }),
  [IS_ISO8601]: () => ({ code: 'INVALID_DATE' }),
  // A pattern's meaning is not in the pattern: decorators name their reason (withReason, MatchesRule).
  [MATCHES]: () => ({ code: 'INVALID_FORMAT' }),
};

/** Min and Max on one property are one range: both bounds are told, whichever was crossed. */
function bounds(args: ConstraintArgs): { min?: number; max?: number } {
  const [min] = args(MIN) as [number?];
  const [max] = args(MAX) as [number?];
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

// Length(1, n) refuses an empty text: that is a required value, not a "too short" one.
function lengthReason([min, max]: [number, number?], value: unknown): FieldReason {
  const length = typeof value === 'string' ? value.length : 0;
  if (length < min) return min <= 1 ? { code: 'REQUIRED' } : { code: 'TOO_SHORT', params: { min } };
  return { code: 'TOO_LONG', params: { max: max ?? length } };
}

/** The arguments a decorator was given (`@Max(100)` → `[100]`), from class-validator's metadata. */
function constraintArgs(target: object | undefined, property: string, constraintName: string): unknown[] {
  if (!target) return [];
  const storage = getMetadataStorage();
  for (const metadata of storage.getTargetValidationMetadatas(target.constructor, '', true, false)) {
    if (metadata.propertyName !== property) continue;
    const names = metadata.name ? [metadata.name] : storage.getTargetValidatorConstraints(metadata.constraintCls).map((c) => c.name);
    if (names.includes(constraintName)) return metadata.constraints ?? [];
  }
  return [];
}

// PostgreSQL text cannot hold U+0000; caught here it is bad input, not a database failure.
function collectNulCharacters(value: unknown, path: string, into: FieldProblems): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) into[path || 'input'] = { code: 'NUL_CHARACTER' };
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => collectNulCharacters(item, path ? `${path}.${index}` : String(index), into));
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) collectNulCharacters(item, path ? `${path}.${key}` : key, into);
  }
}
