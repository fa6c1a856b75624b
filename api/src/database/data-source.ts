import { DataSource } from 'typeorm';
import { PartnerOrganisation } from '../modules/partners/partner-organisation.entity';
import { District } from '../modules/regions/district.entity';
import { Regency } from '../modules/regions/regency.entity';
import { Village } from '../modules/regions/village.entity';
import { User } from '../modules/users/user.entity';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';

export const entities = [Regency, District, Village, PartnerOrganisation, User];
export const migrations = [InitialSchema1764000000000];

/** Migrations only, never `synchronize`: every schema change is a reviewed, reversible file. */
export function createDataSource(url: string, poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    extra: { max: poolSize, application_name: 'lindung-api' },
    logging: false,
  });
}
