import { Role, ROLES } from './roles';

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
  /**
   * Create, edit and reset the password of village-head accounts only (ACCOUNT_WRITE_ROLES); which
   * ones — those of the caller's own regency — is the row scope, applied by the API as for any record.
   */
  VillageHeadAccountWrite: 'VillageHeadAccountWrite',
  PartnerRead: 'PartnerRead',
  /** Create, edit and delete partner organisations (all their fields). */
  PartnerWrite: 'PartnerWrite',
  /** Edit the contact details (person, phone, email, address) of the caller's own organisation. */
  PartnerContactWrite: 'PartnerContactWrite',
  /** Suspend and reactivate partner organisations (within the caller's scope), with a reason. */
  PartnerSuspend: 'PartnerSuspend',
  WorkerRead: 'WorkerRead',
  EnrollmentRead: 'EnrollmentRead',
  /** Report workers and their enrollments: create, edit, import (a partner, for its own). */
  WorkerReport: 'WorkerReport',
  /** Remove a worker from the registry altogether. */
  WorkerDelete: 'WorkerDelete',
  /** Full NIKs; every other role is shown them masked (first 6 and last 4 digits). */
  NikRead: 'NikRead',
  /** Read one full NIK for a stated reason (`revealNik`), audited and rate-limited. */
  NikReveal: 'NikReveal',
  /** Decide that two possible duplicates are different people, with a reason. */
  DuplicateResolve: 'DuplicateResolve',
  AuditRead: 'AuditRead',
  /** Contribution rates: every role reads them (amounts are computed from them); ADMIN keeps them. */
  RateRead: 'RateRead',
  RateWrite: 'RateWrite',
  /** Budgets for vulnerable workers: read within scope (a village head its regency's). */
  BudgetRead: 'BudgetRead',
  /** Create a regency's budget, amend its amount (APBD Perubahan), rename it. Never `committed`. */
  BudgetWrite: 'BudgetWrite',
  ProposalRead: 'ProposalRead',
  /** Draft, edit, submit and withdraw proposals for the caller's own village. */
  ProposalDraft: 'ProposalDraft',
  /** Decide submitted proposals of the caller's regency, item by item. */
  ProposalDecide: 'ProposalDecide',
  /** `coverage`: the figures within the caller's scope (a partner its own contribution). */
  CoverageRead: 'CoverageRead',
  /** Official coverage figures as published (CoverageReport), and regulations in force. */
  CoverageReportWrite: 'CoverageReportWrite',
  /** Paritrana Award results and the self-assessment (`awardScore`). */
  AwardRead: 'AwardRead',
  /** Record award results and keep the score's weights. */
  AwardWrite: 'AwardWrite',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];
export const PERMISSIONS: readonly Permission[] = Object.values(Permission);

const EVERY_SIGNED_IN: readonly Permission[] = [
  Permission.SignedIn,
  Permission.RegionRead,
  Permission.RateRead,
  Permission.PartnerRead,
  Permission.WorkerRead,
  Permission.EnrollmentRead,
  Permission.CoverageRead,
  Permission.AwardRead,
];

/**
 * ADMIN holds every permission but the ones only a masked reader needs and the two halves of the
 * proposal cycle: a village head proposes, the regency's official decides — duties kept apart.
 */
const ADMIN_ONLY_EXCLUDED: readonly Permission[] = [Permission.Public, Permission.NikReveal, Permission.ProposalDraft, Permission.ProposalDecide];

/** The permission matrix. Scope (which rows) is applied separately, in the API's data layer. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  ADMIN: PERMISSIONS.filter((p) => !ADMIN_ONLY_EXCLUDED.includes(p)),
  REGENCY_OFFICIAL: [
    ...EVERY_SIGNED_IN,
    Permission.UserRead,
    Permission.VillageHeadAccountWrite,
    Permission.PartnerSuspend,
    Permission.NikReveal,
    Permission.DuplicateResolve,
    Permission.AuditRead,
    Permission.BudgetRead,
    Permission.BudgetWrite,
    Permission.ProposalRead,
    Permission.ProposalDecide,
    Permission.CoverageReportWrite,
  ],
  VILLAGE_HEAD: [...EVERY_SIGNED_IN, Permission.NikRead, Permission.BudgetRead, Permission.ProposalRead, Permission.ProposalDraft],
  PARTNER: [...EVERY_SIGNED_IN, Permission.PartnerContactWrite, Permission.WorkerReport, Permission.NikRead],
  AUDITOR: [...EVERY_SIGNED_IN, Permission.UserRead, Permission.NikReveal, Permission.AuditRead, Permission.BudgetRead, Permission.ProposalRead],
};

/** Whether a caller (`null` = anonymous) holds a permission. */
export function hasPermission(role: Role | null | undefined, permission: Permission): boolean {
  if (permission === Permission.Public) return true;
  if (!role) return false;
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}

/**
 * The account-writing permissions and the roles of the accounts each one covers. A write to an
 * account needs the account's role — before and after the write — to be covered by one the caller
 * holds; the row scope (which regency) is applied on top, like for any other record.
 */
export const ACCOUNT_WRITE_ROLES: Readonly<Partial<Record<Permission, readonly Role[]>>> = {
  [Permission.UserWrite]: ROLES,
  [Permission.VillageHeadAccountWrite]: [Role.VILLAGE_HEAD],
};

/** The roles of the accounts a caller of this role may create, edit or reset (in ROLES order). */
export function writableAccountRoles(role: Role | null | undefined): Role[] {
  const covered = new Set<Role>();
  for (const [permission, roles] of Object.entries(ACCOUNT_WRITE_ROLES) as [Permission, readonly Role[]][]) {
    if (hasPermission(role, permission)) roles.forEach((r) => covered.add(r));
  }
  return ROLES.filter((r) => covered.has(r));
}

/** Who may (re)activate or reset an account of this role: the roles whose permissions cover it. */
export function accountManagerRoles(accountRole: Role): Role[] {
  return ROLES.filter((role) => writableAccountRoles(role).includes(accountRole));
}

/** react-admin's actions, mapped to the permission each one needs (any one of them), per portal resource. */
export type ResourceAction = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'export';
export type ResourceName =
  | 'Regency'
  | 'District'
  | 'Village'
  | 'User'
  | 'PartnerOrganisation'
  | 'Worker'
  | 'Enrollment'
  | 'AuditEvent'
  | 'ContributionRate'
  | 'Account'
  | 'Import'
  | 'Budget'
  | 'Proposal'
  | 'CoverageReport'
  | 'Regulation'
  | 'Award'
  | 'AwardWeight';
type Needed = Permission | readonly Permission[] | null;

const readWrite = (read: Permission, write: Needed, remove: Needed = write): Record<ResourceAction, Needed> => ({
  list: read,
  show: read,
  export: read,
  create: write,
  edit: write,
  delete: remove,
});

export const RESOURCE_PERMISSIONS: Readonly<Record<ResourceName, Record<ResourceAction, Needed>>> = {
  Regency: readWrite(Permission.RegionRead, Permission.RegionWrite),
  District: readWrite(Permission.RegionRead, Permission.RegionWrite),
  Village: readWrite(Permission.RegionRead, Permission.RegionWrite),
  User: readWrite(Permission.UserRead, [Permission.UserWrite, Permission.VillageHeadAccountWrite], Permission.UserWrite),
  PartnerOrganisation: {
    ...readWrite(Permission.PartnerRead, Permission.PartnerWrite),
    edit: [Permission.PartnerWrite, Permission.PartnerContactWrite],
  },
  Worker: readWrite(Permission.WorkerRead, Permission.WorkerReport, Permission.WorkerDelete),
  Enrollment: readWrite(Permission.EnrollmentRead, Permission.WorkerReport),
  AuditEvent: readWrite(Permission.AuditRead, null),
  ContributionRate: readWrite(Permission.RateRead, Permission.RateWrite),
  /** The portal's "my account" page (the caller's own account, read with `me`): every signed-in role. */
  Account: { list: Permission.SignedIn, show: null, export: null, create: null, edit: null, delete: null },
  /** The portal's import page (importEnrollments). */
  Import: { list: Permission.WorkerReport, show: null, export: null, create: Permission.WorkerReport, edit: null, delete: null },
  Budget: readWrite(Permission.BudgetRead, Permission.BudgetWrite),
  /** A village head drafts, edits and deletes (drafts only); an official decides from the show page. */
  Proposal: readWrite(Permission.ProposalRead, Permission.ProposalDraft),
  CoverageReport: readWrite(Permission.CoverageRead, Permission.CoverageReportWrite),
  Regulation: readWrite(Permission.AwardRead, Permission.CoverageReportWrite),
  Award: readWrite(Permission.AwardRead, Permission.AwardWrite),
  AwardWeight: readWrite(Permission.AwardRead, Permission.AwardWrite),
};

/**
 * The portal's `canAccess`: may this role perform this action on this resource at all? Given the
 * record, a write to an account also needs the account's role to be one the caller may write.
 */
export function canAccess(
  role: Role | null | undefined,
  resource: string,
  action: string,
  record?: { role?: unknown } | null,
): boolean {
  const actions = RESOURCE_PERMISSIONS[resource as ResourceName];
  if (!actions) return false;
  const needed = actions[action as ResourceAction];
  if (needed == null) return false;
  const permissions: readonly Permission[] = typeof needed === 'string' ? [needed] : needed;
  if (!permissions.some((permission) => hasPermission(role, permission))) return false;
  const writes = action === 'create' || action === 'edit' || action === 'delete';
  if (resource === 'User' && writes && typeof record?.role === 'string') {
    return (writableAccountRoles(role) as string[]).includes(record.role);
  }
  return true;
}
