import {
  isConflictReason,
  isFieldRule,
  REGION_CODE_EXAMPLES,
  type ConflictReason,
  type FieldRule,
  type Gender,
  type RegionLevel,
} from '@lindung/domain';

/**
 * The words of the API's coded reasons (packages/domain/src/reasons.ts) in the user's language:
 * `lindung.reason.<FieldRule>` under a form's input, `lindung.error.conflict.<ConflictReason>` in
 * a notification. Kept free of react-admin so the catalogues can be checked by a plain test
 * (test/domain/reasons.test.ts): every code must have words in every language.
 */

/** Words a reason's parameters are put into (levels, sexes, statuses, ranges…). */
// Type aliases, not interfaces: the catalogues must fit react-admin's TranslationMessages (an index signature).
export type ReasonWords = {
  region_level: Record<RegionLevel, string>;
  gender: Record<Gender, string>;
  /** Statuses named by STATUS_TRANSITION (enrollments, partners, proposals, and a deletion). */
  status: Record<string, string>;
  range: { min: string; max: string; between: string };
  /** Appended to NOT_A_NUMBER when decimals are limited (`%{maxDecimals}`). */
  decimals: string;
  /** Appended to RATE_OVERLAP when the rate has a bracket (`%{bracket}`). */
  bracket: string;
  /** A notification that lists the fields at fault (`%{problems}`: "Label: words; …"). */
  invalid_fields: string;
  /** IN_USE's dependants when the portal has no name for their type (`%{smart_count}`: how many). */
  records: string;
};

/** One language's words for every code: missing one fails to compile (and the test). */
export type ReasonCatalogue = {
  reason: Record<FieldRule, string>;
  conflict: Record<ConflictReason, string>;
  reason_words: ReasonWords;
};

/** react-admin's `translate` (the i18n provider's, or useTranslate's). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface CodedReason {
  code: string;
  params?: Record<string, unknown> | null;
}

export interface ReasonContext {
  translate: Translate;
  /** The Intl locale of the user's language (`id-ID`, `en-GB`), for numbers, dates and lists. */
  intlLocale: string;
  /** The resource of the form, to name other fields (DATE_BEFORE) by their labels. */
  resource?: string;
}

/** A field reason in the user's words, or null for a code this portal does not know (a newer API). */
export function fieldReasonMessage(reason: CodedReason, context: ReasonContext): string | null {
  if (!isFieldRule(reason.code)) return null;
  return context.translate(`lindung.reason.${reason.code}`, reasonArguments(reason.code, reason.params ?? {}, context));
}

/** A CONFLICT reason in the user's words, or null for a reason this portal does not know. */
export function conflictMessage(reason: CodedReason, context: ReasonContext): string | null {
  if (!isConflictReason(reason.code)) return null;
  return context.translate(`lindung.error.conflict.${reason.code}`, reasonArguments(reason.code, reason.params ?? {}, context));
}

/** A field's label on the form's resource, or its name when there is none. */
export function fieldLabel(field: string, context: ReasonContext): string {
  return context.resource ? context.translate(`resources.${context.resource}.fields.${field}`, { _: field }) : field;
}

/**
 * The interpolation arguments of a reason: each parameter in readable words (lists joined the
 * language's way, numbers and dates in its format, codes as their names), plus the ones a
 * message is built from (an example code, a range, optional phrases) so that no `%{…}` is left.
 */
export function reasonArguments(code: string, params: Record<string, unknown>, context: ReasonContext): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) args[name] = formatParameter(code, name, value, context, params);
  return { ...args, ...derivedArguments(code, params, context) };
}

function formatParameter(code: string, name: string, value: unknown, context: ReasonContext, params: Record<string, unknown>): unknown {
  const { translate } = context;
  if (Array.isArray(value)) return joinList(value.map(String), name === 'allowed' ? 'disjunction' : 'conjunction', context.intlLocale);
  if (typeof value === 'number') return name === 'maxBytes' ? byteSize(value, context.intlLocale) : new Intl.NumberFormat(context.intlLocale).format(value);
  if (typeof value !== 'string') return value ?? '';
  switch (name) {
    case 'level':
      return translate(`lindung.reason_words.region_level.${value}`, { _: value.toLowerCase() });
    case 'dependant': {
      // A GraphQL type name: the resource's own name in the language, singular or plural as the
      // count asks ("1 village", "13 villages"; Indonesian has one form: "13 desa/kelurahan").
      const count = typeof params.count === 'number' ? params.count : 2;
      const named = translate(`resources.${value}.name`, { smart_count: count, _: '' });
      return (named || translate('lindung.reason_words.records', { smart_count: count })).toLowerCase();
    }
    case 'role':
      return translate(`lindung.role.${value}`, { _: value });
    case 'type':
      return lowerFirst(translate(`resources.${value}.name`, { smart_count: 1, _: value }));
    case 'field':
      return fieldLabel(value, context);
    case 'from':
    case 'to':
      return translate(`lindung.reason_words.status.${value}`, { _: value });
    case 'encoded':
      return code === 'NIK_GENDER_MISMATCH' ? translate(`lindung.reason_words.gender.${value}`, { _: value }) : longDate(value, context.intlLocale);
    default:
      return value;
  }
}

/** Arguments a message needs beyond the parameters themselves. */
function derivedArguments(code: string, params: Record<string, unknown>, context: ReasonContext): Record<string, unknown> {
  const { translate } = context;
  const number = (value: unknown) => new Intl.NumberFormat(context.intlLocale).format(Number(value));
  switch (code) {
    case 'REGION_CODE':
      return { example: REGION_CODE_EXAMPLES[params.level as RegionLevel] ?? '' };
    case 'OUT_OF_RANGE': {
      const hasMin = typeof params.min === 'number';
      const hasMax = typeof params.max === 'number';
      const which = hasMin && hasMax ? 'between' : hasMin ? 'min' : 'max';
      return { range: translate(`lindung.reason_words.range.${which}`, { min: number(params.min), max: number(params.max) }) };
    }
    case 'NOT_A_NUMBER':
      return { decimals: typeof params.maxDecimals === 'number' ? translate('lindung.reason_words.decimals', { maxDecimals: params.maxDecimals }) : '' };
    case 'RATE_OVERLAP':
      return { bracket: params.bracket ? translate('lindung.reason_words.bracket', { bracket: params.bracket }) : '' };
    default:
      return {};
  }
}

function joinList(items: string[], type: 'conjunction' | 'disjunction', locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type }).format(items);
}

// A size limit as people read it: "5 MB", "512 kB".
function byteSize(bytes: number, locale: string): string {
  const [unit, divisor] = bytes >= 1_000_000 ? (['megabyte', 1_000_000] as const) : (['kilobyte', 1_000] as const);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(bytes / divisor);
}

// A calendar day (YYYY-MM-DD) in words, read as that day wherever the browser is.
function longDate(day: string, locale: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
