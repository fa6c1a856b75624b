import { AuditAction, emailProblem, hasPermission, isPhone, normalisePhone, NPP_PATTERN, PartnerStatus, Permission, reasonProblem, Role, type FieldReason } from '@lindung/domain';
import type { SelectQueryBuilder } from 'typeorm';
import { auditAs } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { badUserInput, conflict, forbidden } from '../../core/errors';
import { whereEquals } from '../../core/list';
import { ResourceReader, withUniqueFields } from '../../core/resource';
import { assertWrittenWithinScope } from '../../core/scope';
import { regencyService } from '../regions/regency.service';
import { villageService } from '../regions/village.service';
import { PartnerOrganisation } from './partner-organisation.entity';
import {
  CONTACT_FIELDS,
  type CreatePartnerOrganisationArgs,
  type PartnerContactValues,
  type PartnerOrganisationFilter,
  type PartnerStatusArgs,
  type UpdatePartnerOrganisationArgs,
} from './partner-organisation.inputs';

const UNIQUE = { partner_organisations_npp_key: 'npp' };

export class PartnerOrganisationService extends ResourceReader<PartnerOrganisation, PartnerOrganisationFilter> {
  protected readonly entity = PartnerOrganisation;
  protected readonly typeName = 'PartnerOrganisation';
  protected readonly alias = 'partner';
  protected readonly sortable = { id: 'id', name: 'name', type: 'type', status: 'status', npp: 'npp', createdAt: 'createdAt' };
  protected readonly defaultSort = 'name';
  protected readonly searchColumns = ['partner.name', 'partner.npp'];

  protected applyFilter(qb: SelectQueryBuilder<PartnerOrganisation>, filter: PartnerOrganisationFilter): void {
    whereEquals(qb, 'partner.type', filter.type);
    whereEquals(qb, 'partner.status', filter.status);
    whereEquals(qb, 'partner.regencyId', filter.regencyId);
    whereEquals(qb, 'partner.villageId', filter.villageId);
  }

  async create(ctx: RequestContext, args: CreatePartnerOrganisationArgs): Promise<PartnerOrganisation> {
    const regency = await regencyService.getReference(ctx, args.regencyId, 'regencyId');
    const villageId = await this.villageOf(ctx, args.villageId ?? null, regency.id);
    const partner = ctx.em.create(PartnerOrganisation, {
      name: requiredName(args.name),
      type: args.type,
      status: PartnerStatus.ACTIVE,
      regencyId: regency.id,
      villageId,
      npp: args.npp?.trim() || null,
      ...contactValues(args),
    });
    refuseBadValues(partner);
    const saved = await withUniqueFields(UNIQUE, () => ctx.em.save(partner));
    return this.get(ctx, saved.id);
  }

  /** ADMIN edits every field; a partner only its own organisation's contact details. */
  async update(ctx: RequestContext, args: UpdatePartnerOrganisationArgs): Promise<PartnerOrganisation> {
    const mayEditAll = hasPermission(ctx.actor?.role, Permission.PartnerWrite);
    const otherFields = (['name', 'type', 'regencyId', 'villageId', 'npp'] as const).filter((key) => args[key] !== undefined);
    if (!mayEditAll && otherFields.length > 0) throw forbidden(`Your role may change only the contact details, not ${otherFields.join(', ')}`);
    const partner = await this.getForUpdate(ctx, args.id);
    Object.assign(partner, contactValues(args, partner));
    if (mayEditAll) {
      if (args.name !== undefined) partner.name = requiredName(args.name);
      if (args.type !== undefined) partner.type = args.type;
      if (args.regencyId !== undefined) partner.regencyId = (await regencyService.getReference(ctx, args.regencyId, 'regencyId')).id;
      if (args.villageId !== undefined || args.regencyId !== undefined) {
        partner.villageId = await this.villageOf(ctx, args.villageId !== undefined ? args.villageId : partner.villageId, partner.regencyId);
      }
      if (args.npp !== undefined) partner.npp = args.npp?.trim() || null;
    }
    refuseBadValues(partner);
    await withUniqueFields(UNIQUE, () => ctx.em.save(partner));
    await assertWrittenWithinScope(ctx, PartnerOrganisation, partner.id);
    return this.get(ctx, partner.id);
  }

  suspend(ctx: RequestContext, args: PartnerStatusArgs): Promise<PartnerOrganisation> {
    return this.changeStatus(ctx, args, PartnerStatus.SUSPENDED);
  }

  reactivate(ctx: RequestContext, args: PartnerStatusArgs): Promise<PartnerOrganisation> {
    return this.changeStatus(ctx, args, PartnerStatus.ACTIVE);
  }

  /**
   * The partner organisation a report is made for: a partner's own, which must be active; for
   * ADMIN the one named, if any. Holds a share lock on it so that a suspension cannot slip in
   * between this check and the report's commit.
   */
  async reportingPartnerId(ctx: RequestContext, named: string | null | undefined, field = 'partnerId'): Promise<string | null> {
    const actor = ctx.actor!;
    const partnerId = actor.role === Role.PARTNER ? actor.scope.partnerId : (named ?? null);
    if (!partnerId) return null;
    if (actor.role === Role.PARTNER && named && named !== partnerId) throw forbidden('A partner reports for its own organisation only');
    const [row] = await ctx.em.query(`SELECT status FROM partner_organisations WHERE id = $1 FOR SHARE`, [partnerId]);
    if (!row) throw badUserInput({ [field]: { code: 'NOT_VISIBLE', params: { type: 'PartnerOrganisation' } } });
    if (row.status !== PartnerStatus.ACTIVE) throw conflict('PARTNER_SUSPENDED');
    return partnerId;
  }

  private async changeStatus(ctx: RequestContext, args: PartnerStatusArgs, status: PartnerStatus): Promise<PartnerOrganisation> {
    const reason = args.reason.trim();
    const reasonIssue = reasonProblem(reason);
    if (reasonIssue) throw badUserInput({ reason: reasonIssue });
    const partner = await this.getForUpdate(ctx, args.id);
    if (partner.status === status) return partner;
    partner.status = status;
    partner.statusReason = reason;
    partner.statusChangedAt = new Date();
    await ctx.em.save(auditAs(partner, status === PartnerStatus.SUSPENDED ? AuditAction.SUSPEND : AuditAction.REACTIVATE, reason));
    return this.get(ctx, partner.id);
  }

  /** A partner's village, when it names one, lies in its regency. */
  private async villageOf(ctx: RequestContext, villageId: string | null, regencyId: string): Promise<string | null> {
    if (!villageId) return null;
    const village = await villageService.getReference(ctx, villageId, 'villageId');
    if (village.regencyId !== regencyId) throw badUserInput({ villageId: { code: 'NOT_IN_REGENCY' } });
    return village.id;
  }
}

function requiredName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw badUserInput({ name: { code: 'REQUIRED' } });
  return trimmed;
}

/** The contact fields given (blank clears one), the rest kept. */
function contactValues(args: PartnerContactValues, current?: PartnerOrganisation): Pick<PartnerOrganisation, (typeof CONTACT_FIELDS)[number]> {
  const values = {} as Record<(typeof CONTACT_FIELDS)[number], string | null>;
  for (const key of CONTACT_FIELDS) {
    const given = args[key];
    values[key] = given === undefined ? (current?.[key] ?? null) : given?.trim() || null;
  }
  if (values.contactPhone && isPhone(values.contactPhone)) values.contactPhone = normalisePhone(values.contactPhone);
  if (values.contactEmail) values.contactEmail = values.contactEmail.toLowerCase();
  return values;
}

function refuseBadValues(partner: PartnerOrganisation): void {
  const problems: Record<string, FieldReason> = {};
  if (partner.npp && !NPP_PATTERN.test(partner.npp)) problems.npp = { code: 'NPP_FORMAT' };
  if (partner.contactPhone && !isPhone(partner.contactPhone)) problems.contactPhone = { code: 'PHONE_FORMAT' };
  const emailIssue = partner.contactEmail ? emailProblem(partner.contactEmail) : null;
  if (emailIssue) problems.contactEmail = emailIssue;
  if (Object.keys(problems).length > 0) throw badUserInput(problems);
}

export const partnerOrganisationService = new PartnerOrganisationService();
