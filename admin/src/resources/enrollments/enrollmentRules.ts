import {
  Category,
  checkEnrollment,
  PROGRAMS_BY_CATEGORY,
  Program,
  programsProblem,
  type ContributionRateParams,
  type EnrollmentFacts,
  type FundingSource,
} from '@lindung/domain';
import { useMemo } from 'react';
import { useGetList, type RaRecord } from 'react-admin';
import { useReasonWords } from '../workers/registry';
import { inProgramOrder } from './enrollmentFields';

/** The form's values (createEnrollment / updateEnrollment's arguments). */
export interface EnrollmentValues {
  workerId?: string | null;
  partnerId?: string | null;
  category?: Category | null;
  programs?: Program[] | null;
  fundingSource?: FundingSource | null;
  startDate?: string | null;
  endDate?: string | null;
  declaredIncome?: number | null;
  riskClass?: string | null;
  status?: string | null;
}

const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * The programs an enrollment of this category has, from those ticked: the required ones always,
 * the optional ones ticked, nothing the category does not allow (a category changed after ticking).
 */
export function effectivePrograms(category: Category | null | undefined, ticked: readonly Program[] | null | undefined): Program[] {
  const allowed = category ? PROGRAMS_BY_CATEGORY[category] : undefined;
  if (!allowed) return inProgramOrder(ticked ?? []);
  return inProgramOrder([...allowed.required, ...allowed.optional.filter((program) => ticked?.includes(program))]);
}

/** The facts checkEnrollment needs, once the form has them all; null before. */
export function enrollmentFacts(values: EnrollmentValues): EnrollmentFacts | null {
  const { category, fundingSource, startDate, declaredIncome } = values;
  if (!category || !isDay(startDate) || typeof declaredIncome !== 'number' || Number.isNaN(declaredIncome)) return null;
  return {
    category,
    programs: effectivePrograms(category, values.programs),
    fundingSource: (fundingSource ?? 'SELF') as FundingSource,
    startDate,
    endDate: isDay(values.endDate) ? values.endDate : null,
    declaredIncome,
    riskClass: category === Category.PU ? values.riskClass || null : null,
  };
}

/** createEnrollment / updateEnrollment's arguments from the form. */
export function toEnrollmentArgs(data: RaRecord): RaRecord {
  const values = data as EnrollmentValues;
  return {
    ...data,
    programs: effectivePrograms(values.category, values.programs),
    riskClass: values.category === Category.PU ? values.riskClass || null : null,
    endDate: values.endDate || null,
    partnerId: values.partnerId || null,
  };
}

export type RateRecord = RaRecord & ContributionRateParams;

/**
 * The contribution rates in force on a day (the enrollment's start date), asked once per day: the
 * portal prices an enrollment from the same rates, with the same arithmetic, as the API.
 */
export function useRatesInForce(startDate: string | null | undefined) {
  const enabled = isDay(startDate);
  const { data, isPending, error } = useGetList(
    'ContributionRate',
    { filter: { inForceOn: startDate }, pagination: { page: 1, perPage: 1000 }, sort: { field: 'program', order: 'ASC' } },
    { enabled, staleTime: 10 * 60_000 },
  );
  // The data provider leaves null fields out of a record: put them back, as the arithmetic reads them.
  const rates = useMemo(() => (enabled && !isPending && !error ? (data ?? []).map(asRate) : null), [enabled, isPending, error, data]);
  return { rates, isPending: enabled && isPending, error };
}

function asRate(record: RaRecord): RateRecord {
  return {
    ...record,
    id: String(record.id),
    program: record.program,
    category: record.category,
    bracket: record.bracket ?? null,
    percent: record.percent ?? null,
    flatAmount: record.flatAmount ?? null,
    minimumAmount: record.minimumAmount ?? null,
    maximumBase: record.maximumBase ?? null,
    validFrom: record.validFrom,
    validTo: record.validTo ?? null,
  };
}

/** The risk classes PU's JKK is priced by on that day, with their percentages (as the rates name them). */
export function riskClassesOf(rates: readonly RateRecord[] | null): Array<{ bracket: string; percent: number | null }> {
  return (rates ?? [])
    .filter((rate) => rate.program === Program.JKK && rate.category === Category.PU && rate.bracket)
    .map((rate) => ({ bracket: rate.bracket!, percent: rate.percent }))
    .sort((a, b) => (a.percent ?? 0) - (b.percent ?? 0));
}

/**
 * The form's validators: the shared rules of packages/domain (checkEnrollment's, field by field),
 * worded in the user's language. Given the rates, they also refuse a risk class not in force and
 * programs without a rate, as the API would.
 */
export function useEnrollmentValidators(rates: readonly RateRecord[] | null) {
  const words = useReasonWords('Enrollment');
  return useMemo(() => {
    const checked = (values: EnrollmentValues) => {
      const facts = enrollmentFacts(values);
      return facts && rates ? checkEnrollment(facts, rates) : null;
    };
    const programs = (_value: unknown, values: EnrollmentValues) => {
      if (!values.category) return undefined;
      const problem = programsProblem(values.category, effectivePrograms(values.category, values.programs));
      if (problem) return words(problem);
      const result = checked(values);
      return result && !result.ok && result.problems.programs ? words(result.problems.programs) : undefined;
    };
    const endDate = (value: unknown, values: EnrollmentValues) =>
      isDay(value) && isDay(values.startDate) && value < values.startDate ? words({ code: 'DATE_BEFORE', params: { field: 'startDate' } }) : undefined;
    const declaredIncome = (value: unknown) =>
      typeof value === 'number' && (!Number.isSafeInteger(value) || value < 0) ? words({ code: 'MUST_BE_WHOLE_RUPIAH' }) : undefined;
    const riskClass = (value: unknown, values: EnrollmentValues) => {
      if (values.category !== Category.PU) return undefined;
      if (!value) return words({ code: 'REQUIRED' });
      const result = checked(values);
      return result && !result.ok && result.problems.riskClass ? words(result.problems.riskClass) : undefined;
    };
    return { programs, endDate, declaredIncome, riskClass };
  }, [words, rates]);
}
