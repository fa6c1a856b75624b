import type { RegionLevel } from '@lindung/domain';
import type { SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { badUserInput, conflict } from '../../core/errors';
import { whereEquals } from '../../core/list';
import { ResourceReader, withUniqueFields } from '../../core/resource';
import { District } from './district.entity';
import { regencyService } from './regency.service';
import type { CreateDistrictArgs, DistrictFilter, UpdateDistrictArgs } from './region.inputs';
import { Village } from './village.entity';

const UNIQUE = { districts_code_key: 'code' };

export class DistrictService extends ResourceReader<District, DistrictFilter> {
  protected readonly entity = District;
  protected readonly typeName = 'District';
  protected readonly alias = 'district';
  protected readonly sortable = { code: 'code', name: 'name', createdAt: 'createdAt' };
  protected readonly defaultSort = 'code';
  protected readonly searchColumns = ['district.name', 'district.code'];

  protected applyFilter(qb: SelectQueryBuilder<District>, filter: DistrictFilter): void {
    whereEquals(qb, 'district.code', filter.code);
    whereEquals(qb, 'district.regencyId', filter.regencyId);
  }

  async create(ctx: RequestContext, args: CreateDistrictArgs): Promise<District> {
    const regency = await regencyService.getReference(ctx, args.regencyId, 'regencyId');
    assertCodeUnder(args.code, regency.code, 'REGENCY');
    const district = ctx.em.create(District, { code: args.code, name: args.name, regencyId: regency.id });
    return withUniqueFields(UNIQUE, () => ctx.em.save(district));
  }

  async update(ctx: RequestContext, args: UpdateDistrictArgs): Promise<District> {
    const district = await this.getForUpdate(ctx, args.id);
    if (args.code !== undefined && args.code !== district.code) {
      const regency = await regencyService.get(ctx, district.regencyId);
      assertCodeUnder(args.code, regency.code, 'REGENCY');
      if (await ctx.em.exists(Village, { where: { districtId: district.id } })) {
        throw conflict('HAS_CHILDREN', 'A district with villages cannot change its code');
      }
      district.code = args.code;
    }
    if (args.name != null) district.name = args.name;
    return withUniqueFields(UNIQUE, () => ctx.em.save(district));
  }
}

/** A child's code extends its parent's (`51.04` → `51.04.05`). */
export function assertCodeUnder(code: string, parentCode: string, level: RegionLevel): void {
  if (!code.startsWith(`${parentCode}.`)) {
    throw badUserInput({ code: { code: 'CODE_OUTSIDE_PARENT', params: { parentCode, level } } });
  }
}

export const districtService = new DistrictService();
