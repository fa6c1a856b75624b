import { regionCodeProblem, type RegionLevel } from '@lindung/domain';
import { IsUUID, registerDecorator, type ValidationOptions } from 'class-validator';

/** class-validator decorators for the shared domain rules, so the API and the portal check alike. */
export function IsRegionCode(level: RegionLevel, options?: ValidationOptions): PropertyDecorator {
  return domainRule(`isRegionCode${level}`, (value) => (typeof value === 'string' ? regionCodeProblem(value, level) : 'must be a string'), options);
}

/** Wraps a domain function `(value) => problem | null` as a class-validator rule. */
export function domainRule(
  name: string,
  problemOf: (value: unknown) => string | null,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) => {
    const problems = new WeakMap<object, string>();
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate(value, args) {
          const problem = problemOf(value);
          if (problem) problems.set(args!.object, problem);
          return problem === null;
        },
        defaultMessage: (args) => (args && problems.get(args.object)) ?? 'is invalid',
      },
    });
  };
}

/** An id argument: every id is a UUID, so anything else is refused before it reaches SQL. */
export const IsId = (options?: ValidationOptions) => IsUUID('all', { message: 'must be a UUID', ...options });
