import { CATEGORIES, PartnerStatus, PartnerType, PROGRAMS, ROLES, VillageType } from '@lindung/domain';

/** Select choices whose labels are translation keys (react-admin translates them). */
const choicesOf = (values: readonly string[], prefix: string) =>
  values.map((value) => ({ id: value, name: `${prefix}.${value}` }));

export const roleChoices = choicesOf(ROLES, 'lindung.role');
export const villageTypeChoices = choicesOf(Object.values(VillageType), 'lindung.village_type');
export const partnerTypeChoices = choicesOf(Object.values(PartnerType), 'lindung.partner_type');
export const partnerStatusChoices = choicesOf(Object.values(PartnerStatus), 'lindung.partner_status');
export const programChoices = choicesOf(PROGRAMS, 'lindung.program');
export const categoryChoices = choicesOf(CATEGORIES, 'lindung.category');
