/** The stakeholder types of the program (CONTRACT §4). */
export const Role = {
  ADMIN: 'ADMIN',
  REGENCY_OFFICIAL: 'REGENCY_OFFICIAL',
  VILLAGE_HEAD: 'VILLAGE_HEAD',
  PARTNER: 'PARTNER',
  AUDITOR: 'AUDITOR',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Which scope id a role is bound to; `null` means the role sees the whole program. */
export type ScopeKind = 'regency' | 'village' | 'partner';
export const ROLE_SCOPE: Readonly<Record<Role, ScopeKind | null>> = {
  ADMIN: null,
  AUDITOR: null,
  REGENCY_OFFICIAL: 'regency',
  VILLAGE_HEAD: 'village',
  PARTNER: 'partner',
};

export interface Scope {
  regencyId: string | null;
  villageId: string | null;
  partnerId: string | null;
}

/**
 * The scope ids an account of this role must carry. A village head and a partner also carry their
 * regency, so that regency-level data (the regency's own budget, say) can be scoped without a join.
 */
export const REQUIRED_SCOPE: Readonly<Record<Role, readonly (keyof Scope)[]>> = {
  ADMIN: [],
  AUDITOR: [],
  REGENCY_OFFICIAL: ['regencyId'],
  VILLAGE_HEAD: ['regencyId', 'villageId'],
  PARTNER: ['regencyId', 'partnerId'],
};
