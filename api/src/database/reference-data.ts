import { parse } from 'csv-parse/sync';
import { parentRegionCode, regionLevel, villageType } from '@lindung/domain';
import fs from 'node:fs';
import path from 'node:path';
import type { EntityManager } from 'typeorm';

/** The reference data shipped in `api/data` (Kemendagri codes, MIT-licensed compilation; see its NOTICE). */
export const DATA_DIR = path.resolve(__dirname, '../../data');

interface CodeRow {
  code: string;
  name: string;
  current?: string;
}

function readCsv(file: string): CodeRow[] {
  return parse(fs.readFileSync(path.join(DATA_DIR, file)), { columns: true, skip_empty_lines: true, bom: true });
}

/**
 * Loads Bali's regions and Indonesia's region codes. Idempotent and set-based: one INSERT per
 * table, existing codes untouched (an admin's edits stand), so it runs safely on every start.
 */
export async function loadReferenceData(em: EntityManager): Promise<void> {
  await loadRegionCodes(em);
  await loadBaliRegions(em);
}

async function loadRegionCodes(em: EntityManager): Promise<void> {
  const rows = readCsv('indonesia-kecamatan.csv');
  await em.query(
    `INSERT INTO region_codes (code, name, current)
     SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[])
     ON CONFLICT (code) DO NOTHING`,
    [rows.map((r) => r.code), rows.map((r) => r.name), rows.map((r) => r.current === '1')],
  );
}

async function loadBaliRegions(em: EntityManager): Promise<void> {
  const rows = readCsv('bali-regions.csv');
  const population = new Map(readCsv('bali-population.csv').map((r) => [r.code, Number((r as unknown as { total: string }).total)]));
  const province = rows.find((r) => regionLevel(r.code) === 'PROVINCE')!;
  const of = (level: string) => rows.filter((r) => regionLevel(r.code) === level);
  const regencies = of('REGENCY');
  await em.query(
    `INSERT INTO regencies (code, name, province_code, province, population)
     SELECT code, name, $3, $4, pop FROM unnest($1::text[], $2::text[], $5::int[]) AS t(code, name, pop)
     ON CONFLICT (code) DO NOTHING`,
    [regencies.map((r) => r.code), regencies.map((r) => r.name), province.code, province.name, regencies.map((r) => population.get(r.code) ?? null)],
  );
  const districts = of('DISTRICT');
  await em.query(
    `INSERT INTO districts (code, name, regency_id)
     SELECT t.code, t.name, r.id FROM unnest($1::text[], $2::text[], $3::text[]) AS t(code, name, parent)
     JOIN regencies r ON r.code = t.parent
     ON CONFLICT (code) DO NOTHING`,
    [districts.map((r) => r.code), districts.map((r) => r.name), districts.map((r) => parentRegionCode(r.code))],
  );
  const villages = of('VILLAGE');
  await em.query(
    `INSERT INTO villages (code, name, type, district_id, regency_id)
     SELECT t.code, t.name, t.type, d.id, d.regency_id
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(code, name, type, parent)
     JOIN districts d ON d.code = t.parent
     ON CONFLICT (code) DO NOTHING`,
    [villages.map((r) => r.code), villages.map((r) => r.name), villages.map((r) => villageType(r.code)), villages.map((r) => parentRegionCode(r.code))],
  );
}
