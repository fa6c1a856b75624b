/** Kinds of partner organisation that bring workers into the program (CONTRACT §3). */
export const PartnerType = {
  BUSINESS: 'BUSINESS',
  UMKM: 'UMKM',
  ARTIST_COMMUNITY: 'ARTIST_COMMUNITY',
  LANGUAGE_EXTENSION: 'LANGUAGE_EXTENSION',
  VILLAGE_GOVERNMENT: 'VILLAGE_GOVERNMENT',
  OTHER: 'OTHER',
} as const;
export type PartnerType = (typeof PartnerType)[keyof typeof PartnerType];

export const PartnerStatus = { ACTIVE: 'ACTIVE', SUSPENDED: 'SUSPENDED' } as const;
export type PartnerStatus = (typeof PartnerStatus)[keyof typeof PartnerStatus];
