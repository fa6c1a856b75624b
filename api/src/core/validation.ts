import { validate, type ValidationError } from 'class-validator';
import type { ValidatorFn } from 'type-graphql';
import { badUserInput, type FieldProblems } from './errors';

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

function collectProblems(errors: ValidationError[], prefix: string, into: FieldProblems): void {
  for (const error of errors) {
    const field = `${prefix}${error.property}`;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) into[field] = messages.join('; ');
    if (error.children?.length) collectProblems(error.children, `${field}.`, into);
  }
}

// PostgreSQL text cannot hold U+0000; caught here it is bad input, not a database failure.
function collectNulCharacters(value: unknown, path: string, into: FieldProblems): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) into[path || 'input'] = 'must not contain NUL characters';
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => collectNulCharacters(item, path ? `${path}.${index}` : String(index), into));
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) collectNulCharacters(item, path ? `${path}.${key}` : key, into);
  }
}
