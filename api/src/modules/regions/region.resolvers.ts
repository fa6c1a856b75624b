import { Permission } from '@lindung/domain';
import { Resolver } from 'type-graphql';
import { resourceResolver } from '../../core/resource-resolver';
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

const regionRead = [Permission.RegionRead];
const regionWrite = [Permission.RegionWrite];

@Resolver(() => Regency)
export class RegencyResolver extends resourceResolver({
  type: Regency,
  plural: 'Regencies',
  listArgs: RegencyListArgs,
  service: regencyService,
  read: regionRead,
  write: { allow: regionWrite, create: CreateRegencyArgs, update: UpdateRegencyArgs },
}) {}

@Resolver(() => District)
export class DistrictResolver extends resourceResolver({
  type: District,
  plural: 'Districts',
  listArgs: DistrictListArgs,
  service: districtService,
  read: regionRead,
  write: { allow: regionWrite, create: CreateDistrictArgs, update: UpdateDistrictArgs },
}) {}

@Resolver(() => Village)
export class VillageResolver extends resourceResolver({
  type: Village,
  plural: 'Villages',
  listArgs: VillageListArgs,
  service: villageService,
  read: regionRead,
  write: { allow: regionWrite, create: CreateVillageArgs, update: UpdateVillageArgs },
}) {}

export const regionResolvers = [RegencyResolver, DistrictResolver, VillageResolver] as const;
