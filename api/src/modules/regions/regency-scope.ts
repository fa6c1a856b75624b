import type { ScopeTerm } from '../../core/scope';

/**
 * Scope terms for a regency's own records that everyone working in the regency may read (its
 * budgets, its published coverage figures, its regulations): an official by the regency, a
 * village head by its village's regency, a partner by its organisation's regency.
 */
export const REGENCY_WIDE: { regency: ScopeTerm; village: ScopeTerm; partner: ScopeTerm } = {
  regency: 'regencyId',
  village: {
    predicate: "the village's regency",
    sql: (row, villageId) => `${row}.regency_id = (SELECT sv.regency_id FROM villages sv WHERE sv.id = ${villageId})`,
  },
  partner: {
    predicate: "the partner organisation's regency",
    sql: (row, partnerId) => `${row}.regency_id = (SELECT sp.regency_id FROM partner_organisations sp WHERE sp.id = ${partnerId})`,
  },
};
