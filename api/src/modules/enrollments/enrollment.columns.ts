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
