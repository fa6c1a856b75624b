import type { SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { badUserInput, conflict } from '../../core/errors';
import { whereEquals } from '../../core/list';
import { ResourceReader, withUniqueFields } from '../../core/resource';
import { District } from './district.entity';
import { Regency } from './regency.entity';
import type { CreateRegencyArgs, RegencyFilter, UpdateRegencyArgs } from './region.inputs';

const UNIQUE = { regencies_code_key: 'code' };

export class RegencyService extends ResourceReader<Regency, RegencyFilter> {
  protected readonly entity = Regency;
  protected readonly typeName = 'Regency';
  protected readonly alias = 'regency';
  protected readonly sortable = {
    code: 'code',
    name: 'name',
    province: 'province',
    workforceTarget: 'workforceTarget',
    population: 'population',
    createdAt: 'createdAt',
  };
  protected readonly defaultSort = 'code';
  protected readonly searchColumns = ['regency.name', 'regency.code'];

  protected applyFilter(qb: SelectQueryBuilder<Regency>, filter: RegencyFilter): void {
    whereEquals(qb, 'regency.code', filter.code);
    whereEquals(qb, 'regency.provinceCode', filter.provinceCode);
  }

  async create(ctx: RequestContext, args: CreateRegencyArgs): Promise<Regency> {
    const provinceCode = checkedProvinceCode(args.code, args.provinceCode);
    const province = args.province ?? (await provinceName(ctx, provinceCode));
    const regency = ctx.em.create(Regency, {
      code: args.code,
      name: args.name,
      province,
      provinceCode,
      workforceTarget: args.workforceTarget ?? null,
      population: args.population ?? null,
    });
    return withUniqueFields(UNIQUE, () => ctx.em.save(regency));
  }

  async update(ctx: RequestContext, args: UpdateRegencyArgs): Promise<Regency> {
    const regency = await this.getForUpdate(ctx, args.id);
    if (args.code !== undefined && args.code !== regency.code) {
      await refuseIfHasChildren(ctx, regency.id);
      regency.code = args.code;
    }
    regency.provinceCode = checkedProvinceCode(regency.code, args.provinceCode ?? undefined);
    if (args.name != null) regency.name = args.name;
    if (args.province != null) regency.province = args.province;
    if (args.workforceTarget !== undefined) regency.workforceTarget = args.workforceTarget;
    if (args.population !== undefined) regency.population = args.population;
    return withUniqueFields(UNIQUE, () => ctx.em.save(regency));
  }
}

function checkedProvinceCode(code: string, given: string | undefined): string {
  const derived = code.slice(0, 2);
  if (given !== undefined && given !== derived) {
    throw badUserInput({ provinceCode: { code: 'PROVINCE_CODE_MISMATCH', params: { expected: derived } } });
  }
  return derived;
}

async function provinceName(ctx: RequestContext, provinceCode: string): Promise<string> {
  const rows: { name: string }[] = await ctx.em.query(`SELECT name FROM region_codes WHERE code = $1`, [provinceCode]);
  if (!rows[0]) throw badUserInput({ province: { code: 'PROVINCE_UNKNOWN', params: { code: provinceCode } } });
  return rows[0].name;
}

// Children carry the regency's code as their prefix; re-coding a regency with districts would break that.
async function refuseIfHasChildren(ctx: RequestContext, regencyId: string): Promise<void> {
  if (await ctx.em.exists(District, { where: { regencyId } })) {
    throw conflict('HAS_CHILDREN', 'A regency with districts cannot change its code');
  }
}

export const regencyService = new RegencyService();
