import { Role } from '@lindung/domain';
import type { EntityManager } from 'typeorm';
import { hashPassword } from '../modules/auth/passwords';
import { loadDemoCycle } from './demo-cycle';
import { insertDemoPartners, loadDemoRegistry } from './demo-registry';

/** The demo accounts' shared password (CONTRACT §5). */
export const DEMO_PASSWORD = 'lindung-demo';

const GIANYAR = '51.04';
const BADUNG = '51.03';
const MAS = '51.04.05.2002';
const BATUAN = '51.04.01.2007';

/** Gianyar's 100 % coverage target, as published with the Paritrana Award 2025 report. */
const GIANYAR_WORKFORCE_TARGET = 198_628;

const ACCOUNTS: { email: string; fullName: string; role: Role; regency?: string; village?: string; partner?: string }[] = [
  { email: 'admin@lindung.test', fullName: 'Admin Program', role: Role.ADMIN },
  { email: 'pejabat.gianyar@lindung.test', fullName: 'Pejabat Kabupaten Gianyar', role: Role.REGENCY_OFFICIAL, regency: GIANYAR },
  { email: 'pejabat.badung@lindung.test', fullName: 'Pejabat Kabupaten Badung', role: Role.REGENCY_OFFICIAL, regency: BADUNG },
  { email: 'perbekel.mas@lindung.test', fullName: 'Perbekel Desa Mas', role: Role.VILLAGE_HEAD, village: MAS },
  { email: 'perbekel.batuan@lindung.test', fullName: 'Perbekel Desa Batuan', role: Role.VILLAGE_HEAD, village: BATUAN },
  { email: 'mitra.sanggar@lindung.test', fullName: 'Sanggar Seni Tari Mas', role: Role.PARTNER, partner: 'sanggar' },
  { email: 'mitra.usaha@lindung.test', fullName: 'CV Kerajinan Gianyar Lestari', role: Role.PARTNER, partner: 'usaha' },
  { email: 'mitra.penyuluh@lindung.test', fullName: 'Penyuluh Bahasa Bali Gianyar', role: Role.PARTNER, partner: 'penyuluh' },
  { email: 'auditor@lindung.test', fullName: 'Auditor Program', role: Role.AUDITOR },
];

/**
 * Loads the demo set once, on a database that has no accounts yet: the partner organisations,
 * the accounts, the registry of workers and enrollments (demo-registry.ts) and the vulnerable-worker
 * cycle on top of it (demo-cycle.ts). Returns whether it did.
 */
export async function loadDemoData(em: EntityManager): Promise<boolean> {
  const [{ count }] = await em.query(`SELECT count(*)::int AS count FROM users`);
  if (count > 0) return false;
  // argon2id runs on libuv's threads while the registry is built and written.
  const hashing = Promise.all(ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  hashing.catch(() => undefined);
  await em.query(`UPDATE regencies SET workforce_target = $2 WHERE code = $1 AND workforce_target IS NULL`, [GIANYAR, GIANYAR_WORKFORCE_TARGET]);

  const partnerIds = await insertDemoPartners(em);
  await loadDemoRegistry(em, partnerIds);

  const hashes = await hashing;
  await em.query(
    `INSERT INTO users (email, full_name, role, password_hash, regency_id, village_id, partner_id)
     SELECT a.email, a.full_name, a.role, a.hash,
            coalesce(r.id, v.regency_id, p.regency_id), v.id, p.id
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[])
          AS a(email, full_name, role, hash, regency_code, village_code, partner_id)
     LEFT JOIN regencies r ON r.code = a.regency_code
     LEFT JOIN villages v ON v.code = a.village_code
     LEFT JOIN partner_organisations p ON p.id = a.partner_id`,
    [
      ACCOUNTS.map((a) => a.email),
      ACCOUNTS.map((a) => a.fullName),
      ACCOUNTS.map((a) => a.role),
      hashes,
      ACCOUNTS.map((a) => a.regency ?? null),
      ACCOUNTS.map((a) => a.village ?? null),
      ACCOUNTS.map((a) => (a.partner ? partnerIds.get(a.partner)! : null)),
    ],
  );
  // The cycle's proposals name the accounts that drafted and decided them.
  await loadDemoCycle(em);
  return true;
}
