import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contribution rates as dated, editable parameters, seeded with the rates as reported in
 * shared/DOMAIN.md. No two rates of one program, category and bracket may be in force on the
 * same day: an exclusion constraint over their validity, so two edits racing cannot both win.
 */
const PP_44_2015 = 'PP 44/2015 (JKK, JKM), PP 46/2015 (JHT), PP 45/2015 (JP)';
const SEED: Array<[string, string, string | null, number | null, number | null, number | null, number | null, string, string]> = [
  // program, category, bracket, percent, flat, minimum, maximum base, valid from, legal basis
  ['JKK', 'PU', 'VERY_LOW', 0.24, null, null, null, '2015-07-01', PP_44_2015],
  ['JKK', 'PU', 'LOW', 0.54, null, null, null, '2015-07-01', PP_44_2015],
  ['JKK', 'PU', 'MEDIUM', 0.89, null, null, null, '2015-07-01', PP_44_2015],
  ['JKK', 'PU', 'HIGH', 1.27, null, null, null, '2015-07-01', PP_44_2015],
  ['JKK', 'PU', 'VERY_HIGH', 1.74, null, null, null, '2015-07-01', PP_44_2015],
  ['JKM', 'PU', null, 0.3, null, null, null, '2015-07-01', PP_44_2015],
  ['JHT', 'PU', null, 5.7, null, null, null, '2015-07-01', PP_44_2015],
  // JP's base is capped at a wage ceiling set every year: enter it as maximumBase.
  ['JP', 'PU', null, 3, null, null, null, '2015-07-01', PP_44_2015],
  ['JKP', 'PU', null, 0.46, null, null, null, '2021-02-02', 'PP 37/2021'],
  ['JKK', 'BPU', null, 1, null, 10_000, null, '2015-07-01', PP_44_2015],
  ['JKM', 'BPU', null, null, 6_800, null, null, '2015-07-01', PP_44_2015],
  ['JHT', 'BPU', null, 2, null, null, null, '2015-07-01', PP_44_2015],
  // Construction by contract value: the first tier (up to Rp100 million); higher tiers fall.
  ['JKK', 'JAKON', 'UP_TO_100M', 0.21, null, null, 100_000_000, '2015-07-01', PP_44_2015],
  ['JKM', 'JAKON', 'UP_TO_100M', 0.03, null, null, 100_000_000, '2015-07-01', PP_44_2015],
];

export class ContributionRates1764300000000 implements MigrationInterface {
  name = 'ContributionRates1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE contribution_rates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program text NOT NULL CHECK (program IN ('JKK','JKM','JHT','JP','JKP')),
        category text NOT NULL CHECK (category IN ('PU','BPU','JAKON','PMI')),
        bracket text CHECK (bracket ~ '^[A-Z0-9_]{1,40}$'),
        percent numeric(6,3) CHECK (percent > 0 AND percent <= 100),
        flat_amount bigint CHECK (flat_amount >= 0),
        minimum_amount bigint CHECK (minimum_amount >= 0),
        maximum_base bigint CHECK (maximum_base > 0),
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to >= valid_from),
        legal_basis text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT contribution_rates_percent_or_flat CHECK ((percent IS NULL) <> (flat_amount IS NULL)),
        CONSTRAINT contribution_rates_no_overlap EXCLUDE USING gist (
          program WITH =, category WITH =, (coalesce(bracket, '')) WITH =,
          daterange(valid_from, valid_to, '[]') WITH &&
        )
      )`);
    for (const [program, category, bracket, percent, flat, minimum, maximumBase, validFrom, legalBasis] of SEED) {
      await q.query(
        `INSERT INTO contribution_rates (program, category, bracket, percent, flat_amount, minimum_amount, maximum_base, valid_from, legal_basis)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [program, category, bracket, percent, flat, minimum, maximumBase, validFrom, legalBasis],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE contribution_rates`);
  }
}
