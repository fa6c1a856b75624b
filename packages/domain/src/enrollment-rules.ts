import { Category, Program, type ContributionRateParams, monthlyContribution, programsProblem } from './contributions';
import type { FundingSource } from './registry';
import type { FieldReason } from './reasons';

/**
 * The rules an enrollment must pass and the contribution it costs — applied alike by
 * createEnrollment/updateEnrollment and by each row of an import. Pure: the rates are given.
 */
export interface EnrollmentFacts {
  category: Category;
  programs: Program[];
  fundingSource: FundingSource;
  startDate: string;
  endDate?: string | null;
  declaredIncome: number;
  riskClass?: string | null;
}

export interface PricedEnrollment extends EnrollmentFacts {
  programs: Program[];
  riskClass: string | null;
  endDate: string | null;
  monthlyContribution: number;
  contributionBreakdown: Array<{ program: Program; amount: number; rateId: string | null }>;
}

/** Programs kept in one order (JKK, JKM, JHT, JP, JKP), whatever order they were given in. */
const PROGRAM_ORDER = Object.values(Program);

/** The risk classes PU's JKK rate is chosen by, as the rates table names its brackets. */
function riskClassesOf(rates: readonly ContributionRateParams[], on: string): string[] {
  return rates
    .filter((rate) => rate.program === Program.JKK && rate.category === Category.PU && rate.bracket && rate.validFrom <= on && (!rate.validTo || on <= rate.validTo))
    .map((rate) => rate.bracket!);
}

export function checkEnrollment(
  facts: EnrollmentFacts,
  rates: readonly ContributionRateParams[],
): { ok: true; enrollment: PricedEnrollment } | { ok: false; problems: Record<string, FieldReason> } {
  const problems: Record<string, FieldReason> = {};
  const programs = [...facts.programs].sort((a, b) => PROGRAM_ORDER.indexOf(a) - PROGRAM_ORDER.indexOf(b));
  const programProblem = programsProblem(facts.category, programs);
  if (programProblem) problems.programs = programProblem;
  if (facts.endDate && facts.endDate < facts.startDate) problems.endDate = { code: 'DATE_BEFORE', params: { field: 'startDate' } };
  if (!Number.isSafeInteger(facts.declaredIncome) || facts.declaredIncome < 0) problems.declaredIncome = { code: 'MUST_BE_WHOLE_RUPIAH' };

  // PU's JKK is priced by the employer's risk class; the other categories have no such choice.
  let riskClass: string | null = null;
  if (facts.category === Category.PU) {
    const classes = riskClassesOf(rates, facts.startDate);
    riskClass = facts.riskClass ?? null;
    if (!riskClass) problems.riskClass = { code: 'REQUIRED' };
    else if (!classes.includes(riskClass)) problems.riskClass = { code: 'INVALID_VALUE', params: { allowed: classes } };
  }
  const jakonBracket = facts.category === Category.JAKON ? jakonTier(rates, facts.startDate) : null;
  if (Object.keys(problems).length > 0) return { ok: false, problems };

  const brackets: Partial<Record<Program, string | null>> = {};
  if (riskClass) brackets[Program.JKK] = riskClass;
  if (jakonBracket) {
    brackets[Program.JKK] = jakonBracket;
    brackets[Program.JKM] = jakonBracket;
  }
  const contribution = monthlyContribution({ category: facts.category, programs, base: facts.declaredIncome, brackets, on: facts.startDate }, rates);
  if (contribution.missingRates.length > 0) {
    return { ok: false, problems: { programs: { code: 'RATE_MISSING', params: { programs: contribution.missingRates } } } };
  }
  return {
    ok: true,
    enrollment: {
      ...facts,
      programs,
      riskClass,
      endDate: facts.endDate ?? null,
      monthlyContribution: contribution.total,
      contributionBreakdown: contribution.breakdown,
    },
  };
}

/** JAKON's first tier (contract value up to Rp100 million) is the one the rates table holds. */
function jakonTier(rates: readonly ContributionRateParams[], on: string): string | null {
  const tier = rates.find((rate) => rate.category === Category.JAKON && rate.program === Program.JKK && rate.validFrom <= on && (!rate.validTo || on <= rate.validTo));
  return tier?.bracket ?? null;
}
