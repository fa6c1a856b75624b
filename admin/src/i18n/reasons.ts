import {
  isConflictReason,
  isFieldRule,
  REGION_CODE_EXAMPLES,
  type AwardCategory,
  type ConflictReason,
  type ProposalAction,
  type ProposalFlag,
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
  /** PROPOSAL_STATUS's `action`: what cannot be done ("cannot be %{action}"). */
  proposal_action: Record<ProposalAction, string>;
  /** A proposed worker's verification findings (ITEM_BLOCKED; the proposal pages' chips too). */
  proposal_flag: Record<ProposalFlag, string>;
  /** AWARDEE_FOR_CATEGORY's category (the award pages' too). */
  award_category: Record<AwardCategory, string>;
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
  /**
   * Names for the ids a reason lists (a proposal's workers and items: WORKER_NOT_IN_VILLAGE,
   * ITEMS_UNDECIDED, ITEM_BLOCKED…), so that the user reads people, not ids.
   */
  names?: Readonly<Record<string, string>>;
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

/** Parameters that are amounts of money: written in rupiah (`Rp1.000.000`). */
const MONEY_PARAMETERS = new Set(['remaining', 'required', 'committed', 'amount']);
/** Parameters that are years: written as years (2026), never grouped like a number (2.026). */
const YEAR_PARAMETERS = new Set(['fiscalYear', 'year']);
/** Parameters that list ids of records the form names (workers, proposal items). */
const ID_LIST_PARAMETERS = new Set(['workerIds', 'itemIds', 'ids']);

function formatParameter(code: string, name: string, value: unknown, context: ReasonContext, params: Record<string, unknown>): unknown {
  const { translate } = context;
  if (Array.isArray(value)) {
    if (name === 'items') return blockedItems(value, context);
    const items = ID_LIST_PARAMETERS.has(name) ? value.map((id) => nameOf(String(id), context)) : value.map(String);
    return joinList(items, name === 'allowed' ? 'disjunction' : 'conjunction', context.intlLocale);
  }
  if (typeof value === 'number') {
    if (MONEY_PARAMETERS.has(name)) return rupiah(value, context.intlLocale);
    if (YEAR_PARAMETERS.has(name)) return String(value);
    return name === 'maxBytes' ? byteSize(value, context.intlLocale) : new Intl.NumberFormat(context.intlLocale).format(value);
  }
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
    case 'status':
      return translate(`lindung.reason_words.status.${value}`, { _: value });
    case 'action':
      return translate(`lindung.reason_words.proposal_action.${value}`, { _: value.toLowerCase() });
    case 'category':
      return code === 'AWARDEE_FOR_CATEGORY' ? translate(`lindung.reason_words.award_category.${value}`, { _: value }) : value;
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

/** A record's name when the form gave one (`names`), else its id. */
const nameOf = (id: string, context: ReasonContext) => context.names?.[id] ?? id;

/** ITEM_BLOCKED's items: each worker with the findings that block it ("Ni Luh (Already covered)"). */
function blockedItems(items: unknown[], context: ReasonContext): string {
  const words = items.map((item) => {
    const { itemId, flags } = (item ?? {}) as { itemId?: unknown; flags?: unknown };
    const found = Array.isArray(flags)
      ? flags.map((flag) => context.translate(`lindung.reason_words.proposal_flag.${flag}`, { _: String(flag) }))
      : [];
    const who = nameOf(String(itemId ?? ''), context);
    return found.length > 0 ? `${who} (${joinList(found, 'conjunction', context.intlLocale)})` : who;
  });
  return words.join('; ');
}

/** Rupiah as Indonesians write it (common/money.tsx's formatRupiah; repeated here to keep this file free of React). */
function rupiah(amount: number, locale: string): string {
  return `Rp${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(amount)}`;
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
