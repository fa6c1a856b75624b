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
