import { Role } from './roles';

/**
 * Every GraphQL operation declares exactly one of these (the API's `@Allow`), and the portal's
 * `canAccess` reads the same matrix, so the menu and the API can never disagree.
 */
export const Permission = {
  /** Anyone, signed in or not: login, refreshSession, logout. */
  Public: 'Public',
  /** Any signed-in account: `me`. */
  SignedIn: 'SignedIn',
  RegionRead: 'RegionRead',
  RegionWrite: 'RegionWrite',
  UserRead: 'UserRead',
  UserWrite: 'UserWrite',
  PartnerRead: 'PartnerRead',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];
export const PERMISSIONS: readonly Permission[] = Object.values(Permission);

const EVERY_SIGNED_IN: readonly Permission[] = [Permission.SignedIn, Permission.RegionRead];

/** The permission matrix. Scope (which rows) is applied separately, in the API's data layer. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  ADMIN: PERMISSIONS.filter((p) => p !== Permission.Public),
  REGENCY_OFFICIAL: [...EVERY_SIGNED_IN, Permission.UserRead, Permission.PartnerRead],
  VILLAGE_HEAD: [...EVERY_SIGNED_IN, Permission.PartnerRead],
  PARTNER: [...EVERY_SIGNED_IN, Permission.PartnerRead],
  AUDITOR: [...EVERY_SIGNED_IN, Permission.UserRead, Permission.PartnerRead],
};

/** Whether a caller (`null` = anonymous) holds a permission. */
export function hasPermission(role: Role | null | undefined, permission: Permission): boolean {
  if (permission === Permission.Public) return true;
  if (!role) return false;
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}

/** react-admin's actions, mapped to the permission each one needs, per portal resource. */
export type ResourceAction = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'export';
export type ResourceName = 'Regency' | 'District' | 'Village' | 'User' | 'PartnerOrganisation';

const readWrite = (read: Permission, write: Permission | null): Record<ResourceAction, Permission | null> => ({
  list: read,
  show: read,
  export: read,
  create: write,
  edit: write,
  delete: write,
});

export const RESOURCE_PERMISSIONS: Readonly<Record<ResourceName, Record<ResourceAction, Permission | null>>> = {
  Regency: readWrite(Permission.RegionRead, Permission.RegionWrite),
  District: readWrite(Permission.RegionRead, Permission.RegionWrite),
  Village: readWrite(Permission.RegionRead, Permission.RegionWrite),
  User: readWrite(Permission.UserRead, Permission.UserWrite),
  PartnerOrganisation: readWrite(Permission.PartnerRead, null),
};

/** The portal's `canAccess`: may this role perform this action on this resource at all? */
export function canAccess(role: Role | null | undefined, resource: string, action: string): boolean {
  const actions = RESOURCE_PERMISSIONS[resource as ResourceName];
  if (!actions) return false;
  const needed = actions[action as ResourceAction];
  return needed != null && hasPermission(role, needed);
}
