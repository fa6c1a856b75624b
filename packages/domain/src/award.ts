/**
 * The Paritrana Award (Kemenko PMK and BPJS Ketenagakerjaan, yearly since 2017). No public rubric
 * exists, so Lindung's self-assessment is explainable instead: each criterion has a value taken
 * from the data, a dated, editable weight and the value at which it earns all its points (its
 * target); points = weight × min(value / target, 1). The explanation names every number used.
 */
export const AwardLevel = { PROVINCE: 'PROVINCE', NATIONAL: 'NATIONAL' } as const;
export type AwardLevel = (typeof AwardLevel)[keyof typeof AwardLevel];

/** The award's categories; village government since 2024. */
export const AwardCategory = {
  PROVINCE: 'PROVINCE',
  REGENCY_GOVERNMENT: 'REGENCY_GOVERNMENT',
  LARGE_BUSINESS: 'LARGE_BUSINESS',
  MEDIUM_BUSINESS: 'MEDIUM_BUSINESS',
  UMKM: 'UMKM',
  VILLAGE_GOVERNMENT: 'VILLAGE_GOVERNMENT',
} as const;
export type AwardCategory = (typeof AwardCategory)[keyof typeof AwardCategory];

/** Who receives an award of a category: a province (by name), a regency, or a partner organisation. */
export function awardeeKind(category: AwardCategory): 'PROVINCE' | 'REGENCY' | 'PARTNER' {
  if (category === AwardCategory.PROVINCE) return 'PROVINCE';
  if (category === AwardCategory.REGENCY_GOVERNMENT) return 'REGENCY';
  return 'PARTNER';
}

export const AwardCriterion = {
  /** Live coverage rate at the year's end: protected workers / workforce target. */
  COVERAGE_RATE: 'COVERAGE_RATE',
  /** Growth of the coverage rate over the year, in percentage points. */
  COVERAGE_GROWTH: 'COVERAGE_GROWTH',
  /** Share of the year's budget for vulnerable workers committed by decisions. */
  BUDGET_COMMITTED: 'BUDGET_COMMITTED',
  /** Kinds of partner organisation (business, UMKM, artists, …) that reported workers that year. */
  PARTNERS_ENGAGED: 'PARTNERS_ENGAGED',
  /** Vulnerable workers funded by the budget, against the budget's target. */
  VULNERABLE_FUNDED: 'VULNERABLE_FUNDED',
  /** A regional regulation (perda/perbup) on worker protection in force — reported as the heaviest item. */
  REGULATION: 'REGULATION',
} as const;
export type AwardCriterion = (typeof AwardCriterion)[keyof typeof AwardCriterion];
export const AWARD_CRITERIA: readonly AwardCriterion[] = Object.values(AwardCriterion);

export interface AwardWeightParams {
  criterion: AwardCriterion;
  weight: number;
  /** The value that earns all of the weight. */
  target: number;
}

/** What the data says about a regency in a year. */
export interface AwardFacts {
  /** Fractions (0.656), or null when there is no workforce target. */
  coverageRate: number | null;
  /** Where the rate comes from: the figure published that year, or Lindung's live count. */
  coverageSource: 'official' | 'live';
  /** The rates at the year's end and a year before, from one source (growth is not compared across sources). */
  growth: { from: number; to: number; source: 'official' | 'live' } | null;
  budgetAmount: number | null;
  budgetCommitted: number | null;
  partnerTypesEngaged: number;
  vulnerableFunded: number;
  vulnerableTarget: number | null;
  /** The regulation in force, by name, or null. */
  regulation: string | null;
}

export interface AwardComponent {
  criterion: AwardCriterion;
  /** The criterion's value, in its unit (a fraction, percentage points, a count, 1/0). */
  value: number;
  weight: number;
  target: number;
  points: number;
  explanation: string;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const percent = (fraction: number) => `${round2(fraction * 100)} %`;

/** Each criterion's value from the facts, and the words that say where it comes from. */
function valueOf(criterion: AwardCriterion, facts: AwardFacts): { value: number; source: string } {
  switch (criterion) {
    case AwardCriterion.COVERAGE_RATE:
      return facts.coverageRate === null
        ? { value: 0, source: 'no workforce target is set' }
        : { value: facts.coverageRate, source: `${facts.coverageSource} coverage ${percent(facts.coverageRate)} at the year's end` };
    case AwardCriterion.COVERAGE_GROWTH: {
      if (!facts.growth) return { value: 0, source: 'no coverage a year before to compare' };
      const { from, to, source } = facts.growth;
      const points = round2((to - from) * 100);
      return { value: Math.max(points, 0), source: `${source} coverage went from ${percent(from)} to ${percent(to)} (${points} percentage points)` };
    }
    case AwardCriterion.BUDGET_COMMITTED:
      return !facts.budgetAmount
        ? { value: 0, source: 'no budget for vulnerable workers that year' }
        : {
            value: (facts.budgetCommitted ?? 0) / facts.budgetAmount,
            source: `Rp${facts.budgetCommitted ?? 0} committed of Rp${facts.budgetAmount} (${percent((facts.budgetCommitted ?? 0) / facts.budgetAmount)})`,
          };
    case AwardCriterion.PARTNERS_ENGAGED:
      return { value: facts.partnerTypesEngaged, source: `${facts.partnerTypesEngaged} kinds of partner organisation reported workers` };
    case AwardCriterion.VULNERABLE_FUNDED:
      return !facts.vulnerableTarget
        ? { value: 0, source: `${facts.vulnerableFunded} vulnerable workers funded; the budget sets no target` }
        : {
            value: facts.vulnerableFunded / facts.vulnerableTarget,
            source: `${facts.vulnerableFunded} of a target of ${facts.vulnerableTarget} vulnerable workers funded`,
          };
    case AwardCriterion.REGULATION:
      return facts.regulation ? { value: 1, source: `${facts.regulation} in force` } : { value: 0, source: 'no regulation recorded' };
  }
}

/** The score: a component per weighted criterion, and their points' sum. */
export function scoreAward(facts: AwardFacts, weights: readonly AwardWeightParams[]): { total: number; components: AwardComponent[] } {
  const components = weights.map(({ criterion, weight, target }): AwardComponent => {
    const { value, source } = valueOf(criterion, facts);
    const attained = target > 0 ? Math.min(Math.max(value / target, 0), 1) : 0;
    const points = round2(weight * attained);
    return {
      criterion,
      value: round2(value * 10_000) / 10_000,
      weight,
      target,
      points,
      explanation: `${source}: ${round2(attained * 100)} % of the target ${target} × weight ${weight} = ${points} points`,
    };
  });
  return { total: round2(components.reduce((sum, component) => sum + component.points, 0)), components };
}
