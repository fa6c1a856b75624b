import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A village is found by its own name, its code, or its kecamatan's or regency's name ("ubud"
 * lists the villages of Ubud), accents and case ignored: one search text per village, kept by
 * triggers when the village, its kecamatan or its regency is renamed, under a trigram index.
 */
export class VillageSearch1764600000000 implements MigrationInterface {
  name = 'VillageSearch1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE villages ADD COLUMN search_text text NOT NULL DEFAULT ''`);
    await q.query(`
      CREATE FUNCTION villages_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT lindung_search_text(concat_ws(' ', NEW.name, NEW.code, d.name, r.name))
        INTO NEW.search_text
        FROM districts d JOIN regencies r ON r.id = d.regency_id
        WHERE d.id = NEW.district_id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER villages_search_text BEFORE INSERT OR UPDATE OF name, code, district_id ON villages
      FOR EACH ROW EXECUTE FUNCTION villages_search_text()`);
    // A renamed kecamatan or regency renames what its villages are found by.
    await q.query(`
      CREATE FUNCTION villages_search_text_of_parent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'districts' THEN
          UPDATE villages SET name = name WHERE district_id = NEW.id;
        ELSE
          UPDATE villages SET name = name WHERE regency_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER districts_rename_villages AFTER UPDATE OF name ON districts
      FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION villages_search_text_of_parent()`);
    await q.query(`
      CREATE TRIGGER regencies_rename_villages AFTER UPDATE OF name ON regencies
      FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION villages_search_text_of_parent()`);
    await q.query(`UPDATE villages SET name = name`);
    await q.query(`CREATE INDEX villages_search_trgm_idx ON villages USING gin (search_text gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER regencies_rename_villages ON regencies`);
    await q.query(`DROP TRIGGER districts_rename_villages ON districts`);
    await q.query(`DROP FUNCTION villages_search_text_of_parent`);
    await q.query(`DROP TRIGGER villages_search_text ON villages`);
    await q.query(`DROP FUNCTION villages_search_text`);
    await q.query(`ALTER TABLE villages DROP COLUMN search_text`);
  }
}
