import { villageType } from '@lindung/domain';
import type { SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { whereEquals } from '../../core/list';
import { ResourceReader, withUniqueFields } from '../../core/resource';
import { assertCodeUnder, districtService } from './district.service';
import type { CreateVillageArgs, UpdateVillageArgs, VillageFilter } from './region.inputs';
import { Village } from './village.entity';

const UNIQUE = { villages_code_key: 'code' };

export class VillageService extends ResourceReader<Village, VillageFilter> {
  protected readonly entity = Village;
  protected readonly typeName = 'Village';
  protected readonly alias = 'village';
  protected readonly sortable = { code: 'code', name: 'name', type: 'type', createdAt: 'createdAt' };
  protected readonly defaultSort = 'code';
  protected readonly searchColumns = ['village.name', 'village.code'];

  protected applyFilter(qb: SelectQueryBuilder<Village>, filter: VillageFilter): void {
    whereEquals(qb, 'village.code', filter.code);
    whereEquals(qb, 'village.regencyId', filter.regencyId);
    whereEquals(qb, 'village.districtId', filter.districtId);
    whereEquals(qb, 'village.type', filter.type);
  }

  async create(ctx: RequestContext, args: CreateVillageArgs): Promise<Village> {
    const district = await districtService.getReference(ctx, args.districtId, 'districtId');
    assertCodeUnder(args.code, district.code, 'DISTRICT');
    const village = ctx.em.create(Village, {
      code: args.code,
      name: args.name,
      type: villageType(args.code),
      districtId: district.id,
      regencyId: district.regencyId,
    });
    return withUniqueFields(UNIQUE, () => ctx.em.save(village));
  }

  async update(ctx: RequestContext, args: UpdateVillageArgs): Promise<Village> {
    const village = await this.getForUpdate(ctx, args.id);
    if (args.code !== undefined && args.code !== village.code) {
      const district = await districtService.get(ctx, village.districtId);
      assertCodeUnder(args.code, district.code, 'DISTRICT');
      village.code = args.code;
      village.type = villageType(args.code);
    }
    if (args.name != null) village.name = args.name;
    return withUniqueFields(UNIQUE, () => ctx.em.save(village));
  }
}

export const villageService = new VillageService();
