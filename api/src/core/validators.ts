import { regionCodeProblem, type FieldReason, type RegionLevel } from '@lindung/domain';
import { IsInt, IsUUID, Matches, registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * class-validator decorators for the shared domain rules, so the API and the portal check alike.
 * Every failure becomes a coded reason (validation.ts): a class-validator constraint by its name,
 * a domain rule by the reason its function returns, and any decorator can name its reason outright
 * with `withReason` (a pattern's meaning is not in the pattern).
 */

/** The reason the domain rules found, per validated object and property (read by validation.ts). */
const domainReasons = new WeakMap<object, Map<string, FieldReason>>();

/** The reason a `domainRule` gave for this property of this object, if it refused it. */
export function domainReasonOf(object: object, property: string): FieldReason | undefined {
  return domainReasons.get(object)?.get(property);
}

/** Wraps a domain function `(value) => reason | null` as a class-validator rule. */
export function domainRule(
  name: string,
  problemOf: (value: unknown) => FieldReason | null,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) => {
    const property = String(propertyName);
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: property,
      options,
      validator: {
        validate(value, args) {
          const problem = problemOf(value);
          if (problem) rememberReason(args!.object, property, problem);
          return problem === null;
        },
        defaultMessage: (args) => (args && domainReasonOf(args.object, property)?.code) ?? 'is invalid',
      },
    });
  };
}

function rememberReason(object: object, property: string, reason: FieldReason): void {
  const reasons = domainReasons.get(object) ?? new Map<string, FieldReason>();
  reasons.set(property, reason);
  domainReasons.set(object, reasons);
}

/** A domain rule over strings: anything else is refused as not a string. */
export function stringRule(name: string, problemOf: (value: string) => FieldReason | null, options?: ValidationOptions): PropertyDecorator {
  return domainRule(name, (value) => (typeof value === 'string' ? problemOf(value) : { code: 'NOT_A_STRING' }), options);
}

/**
 * Validation options that name the reason a failure of this decorator gives:
 * `@IsInt(withReason({ code: 'MUST_BE_WHOLE_RUPIAH' }))`.
 */
export function withReason(reason: FieldReason, options: ValidationOptions = {}): ValidationOptions {
  return { ...options, context: { ...options.context, reason } };
}

/** A pattern and what it means when it does not match. */
export const MatchesRule = (pattern: RegExp, reason: FieldReason, options?: ValidationOptions) => Matches(pattern, withReason(reason, options));

export function IsRegionCode(level: RegionLevel, options?: ValidationOptions): PropertyDecorator {
  return stringRule(`isRegionCode${level}`, (value) => regionCodeProblem(value, level), options);
}

/** An id argument: every id is a UUID, so anything else is refused before it reaches SQL. */
export const IsId = (options?: ValidationOptions) => IsUUID('all', options);

/** Rupiah are whole: an amount of money with a fraction is refused as such. */
export const IsWholeRupiah = () => IsInt(withReason({ code: 'MUST_BE_WHOLE_RUPIAH' }));

/** A name, a title, a source: one line of text. */
export const IsOneLine = () => MatchesRule(/^[^\n]*$/, { code: 'NOT_ONE_LINE' });
