import { Permission } from '@lindung/domain';
import { Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../core/access';
import type { RequestContext } from '../../core/context';
import { IdArgs, ListMetadata } from '../../core/list';
import { District } from './district.entity';
import { districtService } from './district.service';
import { Regency } from './regency.entity';
import { regencyService } from './regency.service';
import {
  CreateDistrictArgs,
  CreateRegencyArgs,
  CreateVillageArgs,
  DistrictListArgs,
  RegencyListArgs,
  UpdateDistrictArgs,
  UpdateRegencyArgs,
  UpdateVillageArgs,
  VillageListArgs,
} from './region.inputs';
import { Village } from './village.entity';
import { villageService } from './village.service';

type ListArgs<T extends { ListArgs: new () => object }> = InstanceType<T['ListArgs']>;
type MetaArgs<T extends { MetaArgs: new () => object }> = InstanceType<T['MetaArgs']>;

@Resolver(() => Regency)
export class RegencyResolver {
  @Allow(Permission.RegionRead)
  @Query(() => [Regency])
  allRegencies(@Ctx() ctx: RequestContext, @Args(() => RegencyListArgs.ListArgs) args: ListArgs<typeof RegencyListArgs>) {
    return regencyService.list(ctx, args);
  }

  @Allow(Permission.RegionRead)
  @Query(() => ListMetadata)
  async _allRegenciesMeta(@Ctx() ctx: RequestContext, @Args(() => RegencyListArgs.MetaArgs) args: MetaArgs<typeof RegencyListArgs>) {
    return { count: await regencyService.count(ctx, args) };
  }

  @Allow(Permission.RegionRead)
  @Query(() => Regency, { nullable: true })
  Regency(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs) {
    return regencyService.get(ctx, id);
  }

  @Allow(Permission.RegionWrite)
  @Mutation(() => Regency)
  createRegency(@Ctx() ctx: RequestContext, @Args() args: CreateRegencyArgs) {
    return regencyService.create(ctx, args);
  }

  @Allow(Permission.RegionWrite)
  @Mutation(() => Regency)
  updateRegency(@Ctx() ctx: RequestContext, @Args() args: UpdateRegencyArgs) {
    return regencyService.update(ctx, args);
  }

  @Allow(Permission.RegionWrite)
  @Mutation(() => Regency)
  deleteRegency(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs) {
    return regencyService.delete(ctx, id);
  }
}

@Resolver(() => District)
export class DistrictResolver {
  @Allow(Permission.RegionRead)
  @Query(() => [District])
  allDistricts(@Ctx() ctx: RequestContext, @Args(() => DistrictListArgs.ListArgs) args: ListArgs<typeof DistrictListArgs>) {
    return districtService.list(ctx, args);
  }

  @Allow(Permission.RegionRead)
  @Query(() => ListMetadata)
  async _allDistrictsMeta(@Ctx() ctx: RequestContext, @Args(() => DistrictListArgs.MetaArgs) args: MetaArgs<typeof DistrictListArgs>) {
    return { count: await districtService.count(ctx, args) };
  }

  @Allow(Permission.RegionRead)
  @Query(() => District, { nullable: true })
  District(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs) {
    return districtService.get(ctx, id);
  }

  @Allow(Permission.RegionWrite)
  @Mutation(() => District)
  createDistrict(@Ctx() ctx: RequestContext, @Args() args: CreateDistrictArgs) {
    return districtService.create(ctx, args);
  }

  @Allow(Permission.RegionWrite)
  @Mutation(() => District)
  updateDistrict(@Ctx() ctx: RequestContext, @Args() args: UpdateDistrictArgs) {
    return districtService.update(ctx, args);
  }

  @Allow(Permission.RegionWrite)
  @Mutation(() => District)
  deleteDistrict(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs) {
    return districtService.delete(ctx, id);
  }
}

@Resolver(() => Village)
export class VillageResolver {
  @Allow(Permission.RegionRead)
  @Query(() => [Village])
  allVillages(@Ctx() ctx: RequestContext, @Args(() => VillageListArgs.ListArgs) args: ListArgs<typeof VillageListArgs>) {
    return villageService.list(ctx, args);
  }

  @Allow(Permission.RegionRead)
  @Query(() => ListMetadata)
  async _allVillagesMeta(@Ctx() ctx: RequestContext, @Args(() => VillageListArgs.MetaArgs) args: MetaArgs<typeof VillageListArgs>) {
    return { count: await villageService.count(ctx, args) };
  }

  @Allow(Permission.RegionRead)
  @Query(() => Village, { nullable: true })
  Village(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs) {
    return villageService.get(ctx, id);
  }

  @Allow(Permission.RegionWrite)
  @Mutation(() => Village)
  createVillage(@Ctx() ctx: RequestContext, @Args() args: CreateVillageArgs) {
    return villageService.create(ctx, args);
  }

  @Allow(Permission.RegionWrite)
  @Mutation(() => Village)
  updateVillage(@Ctx() ctx: RequestContext, @Args() args: UpdateVillageArgs) {
    return villageService.update(ctx, args);
  }

  @Allow(Permission.RegionWrite)
  @Mutation(() => Village)
  deleteVillage(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs) {
    return villageService.delete(ctx, id);
  }
}

export const regionResolvers = [RegencyResolver, DistrictResolver, VillageResolver] as const;
