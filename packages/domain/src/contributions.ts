/**
 * BPJS Ketenagakerjaan contributions. Rates are dated parameters (the API's ContributionRate
 * table), never constants here: this module only knows how to apply them, so the API and the
 * portal (which shows the amount as a form is typed) compute the same rupiah.
 */
import type { FieldReason } from './reasons';

export const Program = { JKK: 'JKK', JKM: 'JKM', JHT: 'JHT', JP: 'JP', JKP: 'JKP' } as const;
export type Program = (typeof Program)[keyof typeof Program];
export const PROGRAMS: readonly Program[] = Object.values(Program);

/** PU: wage earners; BPU: informal / self-employed; JAKON: construction projects; PMI: migrant workers. */
export const Category = { PU: 'PU', BPU: 'BPU', JAKON: 'JAKON', PMI: 'PMI' } as const;
export type Category = (typeof Category)[keyof typeof Category];
export const CATEGORIES: readonly Category[] = Object.values(Category);

/** Which programs a category may enroll in; JKK and JKM always. */
export const PROGRAMS_BY_CATEGORY: Readonly<Record<Category, { required: readonly Program[]; optional: readonly Program[] }>> = {
  BPU: { required: [Program.JKK, Program.JKM], optional: [Program.JHT] },
  PU: { required: [Program.JKK, Program.JKM], optional: [Program.JHT, Program.JP, Program.JKP] },
  JAKON: { required: [Program.JKK, Program.JKM], optional: [] },
  PMI: { required: [Program.JKK, Program.JKM], optional: [Program.JHT] },
};

/** The reason a set of programs is not allowed for a category, or null. */
export function programsProblem(
  category: Category,
  programs: readonly Program[],
): FieldReason<'INVALID_VALUE' | 'PROGRAMS_MISSING' | 'PROGRAM_NOT_ALLOWED' | 'PROGRAM_TWICE'> | null {
  const allowed = PROGRAMS_BY_CATEGORY[category];
  if (!allowed) return { code: 'INVALID_VALUE', params: { allowed: CATEGORIES } };
  const missing = allowed.required.filter((program) => !programs.includes(program));
  if (missing.length) return { code: 'PROGRAMS_MISSING', params: { programs: missing } };
  const extra = programs.filter((program) => !allowed.required.includes(program) && !allowed.optional.includes(program));
  if (extra.length) return { code: 'PROGRAM_NOT_ALLOWED', params: { programs: extra, category } };
  if (new Set(programs).size !== programs.length) return { code: 'PROGRAM_TWICE' };
  return null;
}

/** One dated rate: a percentage of the base (with an optional minimum and base cap) or a flat amount. */
export interface ContributionRateParams {
  id?: string;
  program: Program;
  category: Category;
  /** A risk class (PU JKK), an income or contract-value tier; null when the rate has none. */
  bracket: string | null;
  /** Percent of the base, e.g. 0.24 for 0.24 %; null for a flat amount. */
  percent: number | null;
  flatAmount: number | null;
  minimumAmount: number | null;
  /** The base is capped here (JP's wage cap, a JAKON tier's ceiling); null: no cap. */
  maximumBase: number | null;
  /** First day in force, `YYYY-MM-DD`. */
  validFrom: string;
  /** Last day in force, `YYYY-MM-DD`, or null while in force. */
  validTo: string | null;
}

/** The rate in force on a day for a program, category and bracket (null bracket: the rate without one). */
export function rateInForce(
  rates: readonly ContributionRateParams[],
  key: { program: Program; category: Category; bracket?: string | null },
  on: string,
): ContributionRateParams | null {
  return (
    rates.find(
      (rate) =>
        rate.program === key.program &&
        rate.category === key.category &&
        (rate.bracket ?? null) === (key.bracket ?? null) &&
        rate.validFrom <= on &&
        (rate.validTo === null || on <= rate.validTo),
    ) ?? null
  );
}

/** Whole rupiah of one program for a base (wage, declared income or contract value). */
export function amountFor(rate: ContributionRateParams, base: number): number {
  if (rate.flatAmount !== null) return rate.flatAmount;
  const capped = rate.maximumBase !== null ? Math.min(base, rate.maximumBase) : base;
  // Percent in thousandths of a percent, as an integer: no binary fractions in rupiah.
  const milliPercent = Math.round((rate.percent ?? 0) * 1000);
  const amount = Math.round((capped * milliPercent) / 100_000);
  return Math.max(amount, rate.minimumAmount ?? 0);
}

export interface ContributionInput {
  category: Category;
  programs: readonly Program[];
  /** Rupiah a month: the declared income (BPU), the wage (PU) or the contract value (JAKON). */
  base: number;
  /** Per program: the bracket its rate is chosen by (PU JKK's risk class, say). */
  brackets?: Partial<Record<Program, string | null>>;
  /** The day whose rates apply (an enrollment's start date), `YYYY-MM-DD`. */
  on: string;
}

export interface Contribution {
  total: number;
  breakdown: Array<{ program: Program; amount: number; rateId: string | null }>;
  /** Programs with no rate in force on that day: the amount cannot be computed. */
  missingRates: Program[];
}

/** The monthly contribution, per program and in total, from the rates in force. */
export function monthlyContribution(input: ContributionInput, rates: readonly ContributionRateParams[]): Contribution {
  const breakdown: Contribution['breakdown'] = [];
  const missingRates: Program[] = [];
  for (const program of input.programs) {
    const rate = rateInForce(rates, { program, category: input.category, bracket: input.brackets?.[program] ?? null }, input.on);
    if (!rate) missingRates.push(program);
    else breakdown.push({ program, amount: amountFor(rate, input.base), rateId: rate.id ?? null });
  }
  return { total: breakdown.reduce((sum, part) => sum + part.amount, 0), breakdown, missingRates };
}
