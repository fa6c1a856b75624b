/**
 * Every reason the API gives for refusing input (BAD_USER_INPUT, per field) or a change (CONFLICT),
 * as a code with typed parameters. The API sends the code and its parameters beside an English
 * sentence (`reasonText`), so API consumers still read words while the portal translates the code
 * (admin/src/i18n/reasons.*.ts, whose catalogues are typed by these codes and checked by a test).
 *
 * A new reason is one entry in a params interface, one in its const object (the compiler checks the
 * two agree) and one English sentence; the portal's catalogues then fail to compile until translated.
 */
import type { Category, Program } from './contributions';
import type { Gender } from './nik';
import { REGION_CODE_EXAMPLES, type RegionLevel } from './regions';
import type { Role } from './roles';

/** A reason without parameters. */
type NoParams = undefined;

/** The parameters of each field rule (NoParams: the code says it all). */
export interface FieldRuleParams {
  // Any input
  REQUIRED: NoParams;
  NOT_A_STRING: NoParams;
  NOT_A_BOOLEAN: NoParams;
  /** `maxDecimals`: how many decimals the number may have, when limited. */
  NOT_A_NUMBER: { maxDecimals?: number };
  NOT_A_WHOLE_NUMBER: NoParams;
  MUST_BE_WHOLE_RUPIAH: NoParams;
  /** At least `min`, at most `max`, or both. */
  OUT_OF_RANGE: { min?: number; max?: number };
  TOO_LONG: { max: number };
  TOO_SHORT: { min: number };
  TOO_MANY_ITEMS: { max: number };
  NOT_ONE_LINE: NoParams;
  /** PostgreSQL text cannot hold U+0000. */
  NUL_CHARACTER: NoParams;
  /** A pattern the value does not match, when no more telling rule applies. */
  INVALID_FORMAT: NoParams;
  /** Not one of an enumeration's values. */
  INVALID_VALUE: { allowed: readonly string[] };
  INVALID_EMAIL: NoParams;
  INVALID_DATE: NoParams;
  /** Before the day in another field (`field`: that field's name, e.g. `validFrom`). */
  DATE_BEFORE: { field: string };
  DATE_IN_FUTURE: NoParams;
  NOT_AN_ID: NoParams;
  ALREADY_IN_USE: NoParams;
  /** A referenced record that is absent or outside the caller's scope (`type`: its GraphQL type). */
  NOT_VISIBLE: { type: string; id?: string };

  // Regions
  REGION_CODE: { level: RegionLevel };
  /** A child's code must extend its parent's (`51.04` → `51.04.05`). */
  CODE_OUTSIDE_PARENT: { parentCode: string; level: RegionLevel };
  /** A regency's province code must be its code's first two digits (`expected`). */
  PROVINCE_CODE_MISMATCH: { expected: string };
  /** No province name was given and `code` is not a known province to take it from. */
  PROVINCE_UNKNOWN: { code: string };
  /** A referenced place (a village) outside the regency of the record it is given for. */
  NOT_IN_REGENCY: NoParams;

  // Accounts
  PASSWORD_TOO_SHORT: { min: number };
  PASSWORD_TOO_LONG: { max: number };
  PASSWORD_UNCHANGED: NoParams;
  PASSWORD_WRONG: NoParams;
  /** A scope id the account's role does not have. */
  NOT_USED_BY_ROLE: { role: Role };
  REQUIRED_FOR_ROLE: { role: Role };
  /** A village head's or partner's regency follows from the village or partner. */
  REGENCY_NOT_DERIVED: NoParams;

  // Contribution rates
  PERCENT_OR_FLAT: NoParams;
  MINIMUM_NEEDS_PERCENT: NoParams;
  RATE_OVERLAP: { program: Program; category: Category; bracket?: string | null };
  BRACKET_FORMAT: NoParams;

  // Worker registry
  /** Not 16 digits. */
  NIK_FORMAT: NoParams;
  /** Digits 7–12 are not a real date (a woman's day is +40). */
  NIK_DATE: NoParams;
  /** Serial 0000: serials start at 0001. */
  NIK_SERIAL: NoParams;
  /** Digits 1–6 (`code`, dotted) are not a known kecamatan. */
  NIK_REGION: { code: string };
  /** The birth date given disagrees with the one the NIK encodes (`encoded`, YYYY-MM-DD). */
  NIK_BIRTH_DATE_MISMATCH: { encoded: string };
  NIK_GENDER_MISMATCH: { encoded: Gender };
  /** BPJS Ketenagakerjaan participant number: 11 digits. */
  KPJ_FORMAT: NoParams;
  /** BPJS Ketenagakerjaan employer number: 8 digits. */
  NPP_FORMAT: NoParams;
  /** +62, 62 or 0, then 8–13 digits. */
  PHONE_FORMAT: NoParams;
  PROGRAMS_MISSING: { programs: readonly Program[] };
  PROGRAM_NOT_ALLOWED: { programs: readonly Program[]; category: Category };
  PROGRAM_TWICE: NoParams;
  INCOME_REQUIRED: NoParams;
  /** No contribution rate in force for these programs on the day. */
  RATE_MISSING: { programs: readonly Program[] };
  /** A stated reason (revealing a NIK, suspending a partner) of too few words. */
  REASON_TOO_SHORT: { min: number };
  CSV_UNKNOWN_COLUMN: { columns: readonly string[] };
  CSV_MISSING_COLUMN: { columns: readonly string[] };
  CSV_TOO_LARGE: { maxRows: number; maxBytes: number };
  CSV_EMPTY: NoParams;
  /** Marking two workers as different people: they are not flagged as possible duplicates. */
  NOT_A_DUPLICATE: NoParams;
  /** An import row covering a worker in a program on days another enrollment (or an earlier row) already covers. */
  OVERLAPS_ENROLLMENT: NoParams;

  // The vulnerable-worker cycle
  /** A proposed worker who does not live in the proposal's village. */
  WORKER_NOT_IN_VILLAGE: { workerIds: readonly string[] };
  /** The same worker listed twice, or one item decided twice. */
  LISTED_TWICE: { ids: readonly string[] };
  /** Items of the proposal that the decisions leave undecided. */
  ITEMS_UNDECIDED: { itemIds: readonly string[] };
  /** Decisions for items that are not in the proposal. */
  NOT_AN_ITEM: { itemIds: readonly string[] };
  /** Approving items that verification blocks (`flags` per item). */
  ITEM_BLOCKED: { items: ReadonlyArray<{ itemId: string; flags: readonly string[] }> };
  /** A refusal without a reason (`itemIds`: the items refused without one). */
  REFUSAL_NEEDS_REASON: { itemIds: readonly string[]; min: number };
  /** An awardee that does not fit the category: a government category names a regency, the others a partner. */
  AWARDEE_FOR_CATEGORY: { category: string };
}

export type FieldRule = keyof FieldRuleParams;

/** The field rule codes; the `satisfies` keeps this list and FieldRuleParams the same. */
export const FieldRule = {
  REQUIRED: 'REQUIRED',
  NOT_A_STRING: 'NOT_A_STRING',
  NOT_A_BOOLEAN: 'NOT_A_BOOLEAN',
  NOT_A_NUMBER: 'NOT_A_NUMBER',
  NOT_A_WHOLE_NUMBER: 'NOT_A_WHOLE_NUMBER',
  MUST_BE_WHOLE_RUPIAH: 'MUST_BE_WHOLE_RUPIAH',
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  TOO_LONG: 'TOO_LONG',
  TOO_SHORT: 'TOO_SHORT',
  TOO_MANY_ITEMS: 'TOO_MANY_ITEMS',
  NOT_ONE_LINE: 'NOT_ONE_LINE',
  NUL_CHARACTER: 'NUL_CHARACTER',
  INVALID_FORMAT: 'INVALID_FORMAT',
  INVALID_VALUE: 'INVALID_VALUE',
  INVALID_EMAIL: 'INVALID_EMAIL',
  INVALID_DATE: 'INVALID_DATE',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_IN_FUTURE: 'DATE_IN_FUTURE',
  NOT_AN_ID: 'NOT_AN_ID',
  ALREADY_IN_USE: 'ALREADY_IN_USE',
  NOT_VISIBLE: 'NOT_VISIBLE',
  REGION_CODE: 'REGION_CODE',
  CODE_OUTSIDE_PARENT: 'CODE_OUTSIDE_PARENT',
  PROVINCE_CODE_MISMATCH: 'PROVINCE_CODE_MISMATCH',
  PROVINCE_UNKNOWN: 'PROVINCE_UNKNOWN',
  NOT_IN_REGENCY: 'NOT_IN_REGENCY',
  PASSWORD_TOO_SHORT: 'PASSWORD_TOO_SHORT',
  PASSWORD_TOO_LONG: 'PASSWORD_TOO_LONG',
  PASSWORD_UNCHANGED: 'PASSWORD_UNCHANGED',
  PASSWORD_WRONG: 'PASSWORD_WRONG',
  NOT_USED_BY_ROLE: 'NOT_USED_BY_ROLE',
  REQUIRED_FOR_ROLE: 'REQUIRED_FOR_ROLE',
  REGENCY_NOT_DERIVED: 'REGENCY_NOT_DERIVED',
  PERCENT_OR_FLAT: 'PERCENT_OR_FLAT',
  MINIMUM_NEEDS_PERCENT: 'MINIMUM_NEEDS_PERCENT',
  RATE_OVERLAP: 'RATE_OVERLAP',
  BRACKET_FORMAT: 'BRACKET_FORMAT',
  NIK_FORMAT: 'NIK_FORMAT',
  NIK_DATE: 'NIK_DATE',
  NIK_SERIAL: 'NIK_SERIAL',
  NIK_REGION: 'NIK_REGION',
  NIK_BIRTH_DATE_MISMATCH: 'NIK_BIRTH_DATE_MISMATCH',
  NIK_GENDER_MISMATCH: 'NIK_GENDER_MISMATCH',
  KPJ_FORMAT: 'KPJ_FORMAT',
  NPP_FORMAT: 'NPP_FORMAT',
  PHONE_FORMAT: 'PHONE_FORMAT',
  PROGRAMS_MISSING: 'PROGRAMS_MISSING',
  PROGRAM_NOT_ALLOWED: 'PROGRAM_NOT_ALLOWED',
  PROGRAM_TWICE: 'PROGRAM_TWICE',
  INCOME_REQUIRED: 'INCOME_REQUIRED',
  RATE_MISSING: 'RATE_MISSING',
  REASON_TOO_SHORT: 'REASON_TOO_SHORT',
  CSV_UNKNOWN_COLUMN: 'CSV_UNKNOWN_COLUMN',
  CSV_MISSING_COLUMN: 'CSV_MISSING_COLUMN',
  CSV_TOO_LARGE: 'CSV_TOO_LARGE',
  CSV_EMPTY: 'CSV_EMPTY',
  NOT_A_DUPLICATE: 'NOT_A_DUPLICATE',
  OVERLAPS_ENROLLMENT: 'OVERLAPS_ENROLLMENT',
  WORKER_NOT_IN_VILLAGE: 'WORKER_NOT_IN_VILLAGE',
  LISTED_TWICE: 'LISTED_TWICE',
  ITEMS_UNDECIDED: 'ITEMS_UNDECIDED',
  NOT_AN_ITEM: 'NOT_AN_ITEM',
  ITEM_BLOCKED: 'ITEM_BLOCKED',
  REFUSAL_NEEDS_REASON: 'REFUSAL_NEEDS_REASON',
  AWARDEE_FOR_CATEGORY: 'AWARDEE_FOR_CATEGORY',
} as const satisfies { [R in FieldRule]: R };

export const FIELD_RULES: readonly FieldRule[] = Object.values(FieldRule);

/** The parameters of each CONFLICT reason. */
export interface ConflictReasonParams {
  /** Still referenced by other rows: cannot be deleted. `dependant`: the GraphQL type of the rows that refer to it, `count` how many. */
  IN_USE: { dependant: string; count: number };
  /** A region with subdivisions cannot change its code. */
  HAS_CHILDREN: NoParams;
  /** Deleting, deactivating or re-roling one's own account. */
  SELF_LOCKOUT: NoParams;
  /** The password changed between the check and the write of a password change. */
  PASSWORD_CHANGED: NoParams;
  PARTNER_SUSPENDED: NoParams;
  /** The worker already has an enrollment in one of these programs on some of these days. */
  ENROLLMENT_OVERLAP: NoParams;
  /** A status move the workflow does not allow. */
  STATUS_TRANSITION: { from: string; to: string };
  /** The same person (NIK) is already in the registry. */
  WORKER_ALREADY_REPORTED: NoParams;
  /** An idempotency key replayed with a different request. */
  IDEMPOTENCY_KEY_REUSED: NoParams;
  /** The approved cost (`required`) is more than the budget has left (`remaining`), in rupiah. */
  BUDGET_EXCEEDED: { remaining: number; required: number };
  /** An amendment may not set a budget below what decisions have committed (`committed`). */
  BUDGET_BELOW_COMMITTED: { committed: number };
  /** A decision in a fiscal year for which the regency has no budget. */
  NO_BUDGET: { fiscalYear: number };
  /** The proposal's status (`status`) does not allow this action (`action`: EDIT, SUBMIT, WITHDRAW, DECIDE, DELETE). */
  PROPOSAL_STATUS: { status: string; action: string };
  /** No one decides a proposal they drafted. */
  OWN_PROPOSAL: NoParams;
  /** A proposal with no workers cannot be submitted. */
  PROPOSAL_EMPTY: NoParams;
  /** Cover decided now would start after the proposal's fiscal year has ended. */
  FISCAL_YEAR_ENDED: { fiscalYear: number };
}

export type ConflictReason = keyof ConflictReasonParams;

export const ConflictReason = {
  IN_USE: 'IN_USE',
  HAS_CHILDREN: 'HAS_CHILDREN',
  SELF_LOCKOUT: 'SELF_LOCKOUT',
  PASSWORD_CHANGED: 'PASSWORD_CHANGED',
  PARTNER_SUSPENDED: 'PARTNER_SUSPENDED',
  ENROLLMENT_OVERLAP: 'ENROLLMENT_OVERLAP',
  STATUS_TRANSITION: 'STATUS_TRANSITION',
  WORKER_ALREADY_REPORTED: 'WORKER_ALREADY_REPORTED',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  BUDGET_EXCEEDED: 'BUDGET_EXCEEDED',
  BUDGET_BELOW_COMMITTED: 'BUDGET_BELOW_COMMITTED',
  NO_BUDGET: 'NO_BUDGET',
  PROPOSAL_STATUS: 'PROPOSAL_STATUS',
  OWN_PROPOSAL: 'OWN_PROPOSAL',
  PROPOSAL_EMPTY: 'PROPOSAL_EMPTY',
  FISCAL_YEAR_ENDED: 'FISCAL_YEAR_ENDED',
} as const satisfies { [R in ConflictReason]: R };

export const CONFLICT_REASONS: readonly ConflictReason[] = Object.values(ConflictReason);

/** `{ code, params }`, with `params` required exactly when the code has some. */
type Coded<P, C extends keyof P> = {
  [K in C]: P[K] extends NoParams ? { code: K; params?: undefined } : { code: K; params: P[K] };
}[C];

/** Why one field's value is refused: a FieldRule code and its parameters. */
export type FieldReason<R extends FieldRule = FieldRule> = Coded<FieldRuleParams, R>;

/** Why a change is refused with CONFLICT: a ConflictReason code and its parameters (the API sends them as extensions beside `reason`). */
export type ConflictDetail<R extends ConflictReason = ConflictReason> = Coded<ConflictReasonParams, R>;

/** The conflict codes that need no parameters (a bare code will do). */
export type SimpleConflictReason = { [R in ConflictReason]: ConflictReasonParams[R] extends NoParams ? R : never }[ConflictReason];

type ParamsArgument<P> = P extends NoParams ? [] : [params: P];

/** A field reason; `fieldReason('TOO_LONG', { max: 200 })`. */
export function fieldReason<R extends FieldRule>(code: R, ...params: ParamsArgument<FieldRuleParams[R]>): FieldReason<R> {
  return (params.length ? { code, params: params[0] } : { code }) as FieldReason<R>;
}

export function isFieldRule(code: unknown): code is FieldRule {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(FieldRule, code);
}

export function isConflictReason(code: unknown): code is ConflictReason {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ConflictReason, code);
}

type Texts<P> = { [K in keyof P]: (params: Exclude<P[K], undefined>) => string };

const and = (items: readonly string[]) => items.join(' and ');
const list = (items: readonly string[]) => items.join(', ');

/**
 * The API's English words for each field rule: said of the field, so that "email is already in
 * use" reads as a sentence. Where the API had words before the codes, they are kept (clients and
 * tests read them).
 */
const FIELD_RULE_TEXT: Texts<FieldRuleParams> = {
  REQUIRED: () => 'is required',
  NOT_A_STRING: () => 'must be a string',
  NOT_A_BOOLEAN: () => 'must be true or false',
  NOT_A_NUMBER: ({ maxDecimals }) => (maxDecimals === undefined ? 'must be a number' : `must be a number with at most ${maxDecimals} decimals`),
  NOT_A_WHOLE_NUMBER: () => 'must be a whole number',
  MUST_BE_WHOLE_RUPIAH: () => 'must be whole rupiah',
  OUT_OF_RANGE: ({ min, max }) =>
    min !== undefined && max !== undefined ? `must be between ${min} and ${max}` : min !== undefined ? `must be at least ${min}` : `must be at most ${max}`,
  TOO_LONG: ({ max }) => `must be at most ${max} characters`,
  TOO_SHORT: ({ min }) => `must be at least ${min} characters`,
  TOO_MANY_ITEMS: ({ max }) => `must list at most ${max} items`,
  NOT_ONE_LINE: () => 'must be one line',
  NUL_CHARACTER: () => 'must not contain NUL characters',
  INVALID_FORMAT: () => 'is not in the expected form',
  INVALID_VALUE: ({ allowed }) => `must be one of ${list(allowed)}`,
  INVALID_EMAIL: () => 'must be an email address',
  INVALID_DATE: () => 'must be a real date, YYYY-MM-DD',
  DATE_BEFORE: ({ field }) => `must not be before ${field}`,
  DATE_IN_FUTURE: () => 'must not be in the future',
  NOT_AN_ID: () => 'must be a UUID',
  ALREADY_IN_USE: () => 'is already in use',
  NOT_VISIBLE: ({ type, id }) => (id ? `no ${type} ${id} that you can see` : `no ${type} that you can see`),
  REGION_CODE: ({ level }) => `must be a Kemendagri ${level.toLowerCase()} code (e.g. ${REGION_CODE_EXAMPLES[level]})`,
  CODE_OUTSIDE_PARENT: ({ parentCode, level }) => `must start with ${parentCode}., the code of its ${level.toLowerCase()}`,
  PROVINCE_CODE_MISMATCH: ({ expected }) => `must be ${expected}, the first two digits of the code`,
  PROVINCE_UNKNOWN: ({ code }) => `is required: province ${code} is not a known province`,
  NOT_IN_REGENCY: () => 'must lie in the same regency',
  PASSWORD_TOO_SHORT: ({ min }) => `must be at least ${min} characters`,
  PASSWORD_TOO_LONG: ({ max }) => `must be at most ${max} characters`,
  PASSWORD_UNCHANGED: () => 'must differ from the current password',
  PASSWORD_WRONG: () => 'is not your current password',
  NOT_USED_BY_ROLE: ({ role }) => `is not used by role ${role}`,
  REQUIRED_FOR_ROLE: ({ role }) => `is required for role ${role}`,
  REGENCY_NOT_DERIVED: () => 'must be the regency of the account’s village or partner (or omitted)',
  PERCENT_OR_FLAT: () => 'give either a percent or a flat amount',
  MINIMUM_NEEDS_PERCENT: () => 'only a percentage has a minimum or a base cap',
  RATE_OVERLAP: ({ program, category, bracket }) =>
    `overlaps another ${category} ${program} rate${bracket ? ` (${bracket})` : ''} in force on some of these days`,
  BRACKET_FORMAT: () => 'must be 1–40 capital letters, digits or _',
  NIK_FORMAT: () => 'must be exactly 16 digits',
  NIK_DATE: () => 'birth date part (digits 7–12) is not a real date',
  NIK_SERIAL: () => 'serial (last 4 digits) must start at 0001',
  NIK_REGION: ({ code }) => `region ${code} (digits 1–6) is not a known kecamatan`,
  NIK_BIRTH_DATE_MISMATCH: ({ encoded }) => `does not match the birth date in the NIK (${encoded})`,
  NIK_GENDER_MISMATCH: ({ encoded }) => `does not match the sex in the NIK (${encoded})`,
  KPJ_FORMAT: () => 'must be an 11-digit KPJ number',
  NPP_FORMAT: () => 'must be an 8-digit NPP number',
  PHONE_FORMAT: () => 'must be an Indonesian phone number: +62, 62 or 0, then 8 to 13 digits',
  PROGRAMS_MISSING: ({ programs }) => `must include ${and(programs)}`,
  PROGRAM_NOT_ALLOWED: ({ programs, category }) => `${list(programs)} not available for ${category}`,
  PROGRAM_TWICE: () => 'lists a program twice',
  INCOME_REQUIRED: () => 'is required: the contribution is computed from the declared income',
  RATE_MISSING: ({ programs }) => `no contribution rate is in force on that day for ${and(programs)}`,
  REASON_TOO_SHORT: ({ min }) => `must say why in a few words (at least ${min} characters)`,
  CSV_UNKNOWN_COLUMN: ({ columns }) => `has unknown columns: ${list(columns)}`,
  CSV_MISSING_COLUMN: ({ columns }) => `lacks the columns ${list(columns)}`,
  CSV_TOO_LARGE: ({ maxRows, maxBytes }) => `is too large: at most ${maxRows} rows and ${maxBytes} bytes`,
  CSV_EMPTY: () => 'has no rows',
  NOT_A_DUPLICATE: () => 'is not a possible duplicate of this worker (same name and birth date)',
  OVERLAPS_ENROLLMENT: () => 'overlaps an enrollment of this worker in the same program (already registered, or earlier in the file)',
  WORKER_NOT_IN_VILLAGE: ({ workerIds }) => `lists workers who do not live in the village: ${list(workerIds)}`,
  LISTED_TWICE: ({ ids }) => `lists these more than once: ${list(ids)}`,
  ITEMS_UNDECIDED: ({ itemIds }) => `must decide every item; undecided: ${list(itemIds)}`,
  NOT_AN_ITEM: ({ itemIds }) => `names items that are not in the proposal: ${list(itemIds)}`,
  ITEM_BLOCKED: ({ items }) => `approves items that verification blocks: ${items.map((item) => `${item.itemId} (${list(item.flags)})`).join('; ')}`,
  REFUSAL_NEEDS_REASON: ({ itemIds, min }) => `must say why each refused item is refused (at least ${min} characters): ${list(itemIds)}`,
  AWARDEE_FOR_CATEGORY: ({ category }) => `does not fit category ${category}: a government category names a regency, the others a partner organisation`,
};

/** The API's English message of each CONFLICT reason, when the call site gives none. */
const CONFLICT_TEXT: Texts<ConflictReasonParams> = {
  IN_USE: ({ dependant, count }) => `This record is still referenced by ${count} ${dependant} record${count === 1 ? '' : 's'} and cannot be deleted`,
  HAS_CHILDREN: () => 'A region with subdivisions cannot change its code',
  SELF_LOCKOUT: () => 'You cannot delete or deactivate your own account, or change your own role',
  PASSWORD_CHANGED: () => 'Your password was changed meanwhile; sign in again and retry',
  PARTNER_SUSPENDED: () => 'The partner organisation is suspended and cannot report workers or enrollments',
  ENROLLMENT_OVERLAP: () => 'The worker already has an enrollment in these programs for some of these days',
  STATUS_TRANSITION: ({ from, to }) => `The status cannot change from ${from} to ${to}`,
  WORKER_ALREADY_REPORTED: () => 'A worker with this NIK is already registered',
  IDEMPOTENCY_KEY_REUSED: () => 'This idempotency key was already used for a different request',
  BUDGET_EXCEEDED: ({ remaining, required }) => `This would exceed the remaining budget: Rp${remaining} left, Rp${required} needed`,
  BUDGET_BELOW_COMMITTED: ({ committed }) => `The amount cannot be less than what decisions have already committed (Rp${committed})`,
  NO_BUDGET: ({ fiscalYear }) => `The regency has no budget for fiscal year ${fiscalYear}`,
  PROPOSAL_STATUS: ({ status, action }) => `A ${status} proposal cannot be ${PROPOSAL_ACTION_WORDS[action] ?? action}`,
  OWN_PROPOSAL: () => 'No one decides a proposal they drafted',
  PROPOSAL_EMPTY: () => 'A proposal needs at least one worker before it is submitted',
  FISCAL_YEAR_ENDED: ({ fiscalYear }) => `Fiscal year ${fiscalYear} has ended: cover decided now would start after it`,
};

const PROPOSAL_ACTION_WORDS: Record<string, string> = { EDIT: 'edited', SUBMIT: 'submitted', WITHDRAW: 'withdrawn', DECIDE: 'decided', DELETE: 'deleted' };

/** The English words for a field reason (the API's `extensions.fields` and message). */
export function reasonText(reason: FieldReason): string {
  const text = FIELD_RULE_TEXT[reason.code] as (params: unknown) => string;
  return text(reason.params ?? {});
}

/** The English message of a CONFLICT reason. */
export function conflictText(reason: ConflictDetail): string {
  const text = CONFLICT_TEXT[reason.code] as (params: unknown) => string;
  return text(reason.params ?? {});
}
