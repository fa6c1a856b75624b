import { villageType } from '@lindung/domain';
import type { SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { escapeLike, whereEquals } from '../../core/list';
import { ResourceReader, withUniqueFields, type SearchRank } from '../../core/resource';
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

  /** `q` matches the village's name or code, or its kecamatan's or regency's name (the kept search text, trigram-indexed). */
  protected override whereSearched(_ctx: RequestContext, qb: SelectQueryBuilder<Village>, q: string): void {
    qb.andWhere(`village.search_text LIKE '%' || lindung_search_text(:villageSearch) || '%'`, { villageSearch: escapeLike(q) });
  }

  /** Its own name exactly, then its name or code starting so, then a word of it, then the rest (kecamatan, regency). */
  protected override searchRank(q: string): SearchRank {
    return {
      sql: `CASE WHEN lindung_search_text(village.name) = lindung_search_text(:rankText) THEN 0
                 WHEN lindung_search_text(village.name) LIKE lindung_search_text(:rankText) || '%' OR village.code LIKE :rankText || '%' THEN 1
                 WHEN lindung_search_text(village.name) LIKE '% ' || lindung_search_text(:rankText) || '%' THEN 2
                 ELSE 3 END`,
      params: { rankText: escapeLike(q) },
    };
  }

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
