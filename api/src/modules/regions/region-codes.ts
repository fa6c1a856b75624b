import type { EntityManager } from 'typeorm';

let kecamatanCodes: Promise<Set<string>> | null = null;

/**
 * Indonesia's kecamatan codes, current and historical (a NIK keeps the code of the kecamatan
 * where the person was first registered, even after a split). Reference data loaded at start and
 * never written through the API, so each process reads it once.
 */
export function knownKecamatanCodes(em: EntityManager): Promise<Set<string>> {
  kecamatanCodes ??= em
    .query(`SELECT code FROM region_codes WHERE code ~ '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}$'`)
    .then((rows: Array<{ code: string }>) => new Set(rows.map((row) => row.code)))
    .catch((error) => {
      kecamatanCodes = null;
      throw error;
    });
  return kecamatanCodes;
}
