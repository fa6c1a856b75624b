import { normaliseEmail, REQUIRED_SCOPE, Role, type Scope } from '@lindung/domain';
import type { SelectQueryBuilder } from 'typeorm';
import { assertMayWriteAccountsOf } from '../../core/access';
import type { RequestContext } from '../../core/context';
import { badUserInput, conflict, type FieldProblems } from '../../core/errors';
import { whereEquals } from '../../core/list';
import { ResourceReader, withUniqueFields } from '../../core/resource';
import { assertWrittenWithinScope } from '../../core/scope';
import { runInTransaction } from '../../core/transaction';
import { hashPassword } from '../auth/passwords';
import { forgetAccountAfterCommit } from '../auth/auth-cache';
import { revokeAllSessions } from '../auth/sessions';
import { partnerOrganisationService } from '../partners/partner-organisation.service';
import { regencyService } from '../regions/regency.service';
import { villageService } from '../regions/village.service';
import { User } from './user.entity';
import type { CreateUserArgs, UpdateUserArgs, UserFilter } from './user.inputs';

const UNIQUE = { users_email_key: 'email' };
type ScopeInput = Partial<Record<keyof Scope, string | null | undefined>>;

export class UserService extends ResourceReader<User, UserFilter> {
  protected readonly entity = User;
  protected readonly typeName = 'User';
  protected readonly alias = 'account';
  protected readonly sortable = {
    email: 'email',
    fullName: 'fullName',
    role: 'role',
    active: 'active',
    createdAt: 'createdAt',
    lastLoginAt: 'lastLoginAt',
  };
  protected readonly defaultSort = 'email';
  protected readonly searchColumns = ['account.email', 'account.full_name'];

  protected applyFilter(qb: SelectQueryBuilder<User>, filter: UserFilter): void {
    whereEquals(qb, 'account.role', filter.role);
    whereEquals(qb, 'account.regencyId', filter.regencyId);
    whereEquals(qb, 'account.villageId', filter.villageId);
    whereEquals(qb, 'account.partnerId', filter.partnerId);
    whereEquals(qb, 'account.active', filter.active);
  }

  /**
   * createUser, updateUser and resetPassword declare `@OwnTransactions`: the password is hashed
   * first (tens of milliseconds of CPU, see passwords.ts) holding no connection — nor, for an
   * update or a reset, the account row's lock — and then every check and write runs in one
   * transaction of its own, as it would in the mutation's wrapping one.
   */
  async create(ctx: RequestContext, args: CreateUserArgs): Promise<User> {
    // Needs no database: a role the caller may not manage is refused before anything is hashed.
    assertMayWriteAccountsOf(ctx, args.role);
    const passwordHash = await hashPassword(args.password);
    return runInTransaction(ctx, () => this.insertAccount(ctx, args, passwordHash));
  }

  async update(ctx: RequestContext, args: UpdateUserArgs): Promise<User> {
    // null, like an omitted password, keeps the current one.
    const passwordHash = args.password == null ? undefined : await hashPassword(args.password);
    return runInTransaction(ctx, () => this.updateAccount(ctx, args, passwordHash));
  }

  /**
   * A temporary password the holder must change at the next sign-in (until then the API refuses
   * the account everything else); every session of the account ends.
   */
  async resetPassword(ctx: RequestContext, id: string, temporaryPassword: string): Promise<User> {
    const passwordHash = await hashPassword(temporaryPassword);
    return runInTransaction(ctx, () => this.writeTemporaryPassword(ctx, id, passwordHash));
  }

  private async insertAccount(ctx: RequestContext, args: CreateUserArgs, passwordHash: string): Promise<User> {
    const scope = await resolveScope(ctx, args.role, args, {});
    const user = ctx.em.create(User, {
      email: normaliseEmail(args.email),
      passwordHash,
      fullName: args.fullName ?? null,
      role: args.role,
      ...scope,
      active: args.active ?? true,
    });
    const saved = await withUniqueFields(UNIQUE, () => ctx.em.save(user));
    await assertWrittenWithinScope(ctx, User, saved.id);
    return this.get(ctx, saved.id);
  }

  /** `passwordHash` is the new password's, hashed beforehand; undefined keeps the current one. */
  private async updateAccount(ctx: RequestContext, args: UpdateUserArgs, passwordHash: string | undefined): Promise<User> {
    const user = await this.getForUpdate(ctx, args.id);
    const role = args.role ?? user.role;
    assertMayWriteAccountsOf(ctx, user.role, role);
    const scope = await resolveScope(ctx, role, args, user);
    const deactivating = args.active === false && user.active;
    refuseSelfLockout(ctx, user, role, deactivating);
    const sessionsEnd =
      deactivating ||
      passwordHash !== undefined ||
      role !== user.role ||
      (Object.keys(scope) as (keyof Scope)[]).some((key) => scope[key] !== user[key]);

    if (args.email !== undefined) user.email = normaliseEmail(args.email);
    if (passwordHash !== undefined) user.passwordHash = passwordHash;
    if (args.fullName !== undefined) user.fullName = args.fullName;
    if (args.active !== undefined && args.active !== null) user.active = args.active;
    Object.assign(user, { role, ...scope });
    await withUniqueFields(UNIQUE, () => ctx.em.save(user));
    await assertWrittenWithinScope(ctx, User, user.id);
    // A changed role, scope, password or a deactivation ends the account's sessions everywhere.
    if (sessionsEnd) await revokeAllSessions(ctx.em, user.id);
    forgetAccountAfterCommit(ctx, user.id);
    return this.get(ctx, user.id);
  }

  private async writeTemporaryPassword(ctx: RequestContext, id: string, passwordHash: string): Promise<User> {
    const user = await this.getForUpdate(ctx, id);
    assertMayWriteAccountsOf(ctx, user.role);
    user.passwordHash = passwordHash;
    user.mustChangePassword = true;
    await ctx.em.save(user);
    await revokeAllSessions(ctx.em, user.id);
    forgetAccountAfterCommit(ctx, user.id);
    return this.get(ctx, user.id);
  }

  override async delete(ctx: RequestContext, id: string): Promise<User> {
    if (ctx.actor?.id === id) throw conflict('SELF_LOCKOUT', 'You cannot delete your own account');
    forgetAccountAfterCommit(ctx, id);
    return super.delete(ctx, id);
  }
}

function refuseSelfLockout(ctx: RequestContext, user: User, role: Role, deactivating: boolean): void {
  if (ctx.actor?.id !== user.id) return;
  if (deactivating || role !== user.role) {
    throw conflict('SELF_LOCKOUT', 'You cannot deactivate your own account or change your own role');
  }
}

/**
 * The scope ids an account of `role` carries: the ones it needs must be given (or kept from
 * `current`), a village head's and a partner's regency is derived, and explicitly given ids the
 * role does not use are refused rather than silently dropped.
 */
async function resolveScope(ctx: RequestContext, role: Role, given: ScopeInput, current: ScopeInput): Promise<Scope> {
  const pick = (key: keyof Scope) => (given[key] !== undefined ? given[key] : current[key]) ?? null;
  const needed = REQUIRED_SCOPE[role];
  const problems: FieldProblems = {};
  for (const key of ['villageId', 'partnerId'] as const) {
    if (!needed.includes(key) && given[key]) problems[key] = { code: 'NOT_USED_BY_ROLE', params: { role } };
  }
  if (role === Role.ADMIN || role === Role.AUDITOR) {
    if (given.regencyId) problems.regencyId = { code: 'NOT_USED_BY_ROLE', params: { role } };
  }
  for (const key of needed) {
    if (key !== 'regencyId' || role === Role.REGENCY_OFFICIAL) {
      if (!pick(key)) problems[key] = { code: 'REQUIRED_FOR_ROLE', params: { role } };
    }
  }
  if (Object.keys(problems).length > 0) throw badUserInput(problems);

  const scope: Scope = { regencyId: null, villageId: null, partnerId: null };
  if (role === Role.REGENCY_OFFICIAL) {
    scope.regencyId = (await regencyService.getReference(ctx, pick('regencyId')!, 'regencyId')).id;
  } else if (role === Role.VILLAGE_HEAD) {
    const village = await villageService.getReference(ctx, pick('villageId')!, 'villageId');
    scope.villageId = village.id;
    scope.regencyId = derivedRegency(given.regencyId, village.regencyId);
  } else if (role === Role.PARTNER) {
    const partner = await partnerOrganisationService.getReference(ctx, pick('partnerId')!, 'partnerId');
    scope.partnerId = partner.id;
    scope.regencyId = derivedRegency(given.regencyId, partner.regencyId);
  }
  return scope;
}

function derivedRegency(given: string | null | undefined, derived: string): string {
  if (given && given !== derived) throw badUserInput({ regencyId: { code: 'REGENCY_NOT_DERIVED' } });
  return derived;
}

export const userService = new UserService();
