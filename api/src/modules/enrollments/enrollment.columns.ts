import type { PricedEnrollment } from '@lindung/domain';

/** A priced enrollment as the `enrollments` table's columns, for set-based inserts (imports, demo data, the generator). */
export function enrollmentColumns(enrollment: PricedEnrollment) {
  return {
    category: enrollment.category,
    programs: enrollment.programs,
    funding_source: enrollment.fundingSource,
    start_date: enrollment.startDate,
    end_date: enrollment.endDate,
    declared_income: enrollment.declaredIncome,
    risk_class: enrollment.riskClass,
    monthly_contribution: enrollment.monthlyContribution,
    contribution_breakdown: enrollment.contributionBreakdown,
  };
}

/** enrollmentColumns' columns and their types, for a staging table (core/staging.ts). */
export const ENROLLMENT_STAGING = {
  category: 'text',
  programs: 'text[]',
  funding_source: 'text',
  start_date: 'date',
  end_date: 'date',
  declared_income: 'bigint',
  risk_class: 'text',
  monthly_contribution: 'bigint',
  contribution_breakdown: 'jsonb',
} satisfies Record<keyof ReturnType<typeof enrollmentColumns>, string>;
