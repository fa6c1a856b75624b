import * as home from '../home/messages';
import * as auditEvents from '../resources/audit-events/messages';
import * as awardWeights from '../resources/award-weights/messages';
import * as awards from '../resources/awards/messages';
import * as budgets from '../resources/budgets/messages';
import * as coverageReports from '../resources/coverage-reports/messages';
import * as enrollments from '../resources/enrollments/messages';
import * as imports from '../resources/import/messages';
import * as partnerOrganisations from '../resources/partner-organisations/messages';
import * as proposals from '../resources/proposals/messages';
import * as regulations from '../resources/regulations/messages';
import * as workers from '../resources/workers/messages';

/**
 * The registry's words, kept beside each resource (resources/<name>/messages.ts) and gathered
 * here for the catalogues: `resources` spread into the catalogue's `resources`, `lindung` into its
 * `lindung`. Each resource owns distinct keys.
 */
type Messages = { resources: Record<string, unknown>; lindung: Record<string, unknown> };
const ALL = [partnerOrganisations, workers, enrollments, auditEvents, imports, proposals, budgets, coverageReports, regulations, awards, awardWeights, home] as Array<{ en: Messages; id: Messages }>;

function gather(language: 'en' | 'id'): Messages {
  return {
    resources: Object.assign({}, ...ALL.map((messages) => messages[language].resources)),
    lindung: Object.assign({}, ...ALL.map((messages) => messages[language].lindung)),
  };
}

export const registryEn = gather('en');
export const registryId = gather('id');
