import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { demo, failure, gql, ok, tokenOf } from '../support/api';
import { newNik, reportWorker, enroll } from '../support/registry';

const IMPORT = `mutation($csv: String!, $dryRun: Boolean, $key: String, $partnerId: ID) {
  importEnrollments(csv: $csv, dryRun: $dryRun, idempotencyKey: $key, partnerId: $partnerId) {
    accepted rejected dryRun replayed workersCreated workersLinked enrollmentsCreated errors { row field code params message } } }`;
const HEADER = 'nik,full_name,birth_date,gender,village_code,occupation,vulnerable,category,programs,start_date,end_date,declared_income,funding_source';

let names = 0;
function row(values: Partial<Record<string, string>> = {}): string {
  names += 1;
  const cells = {
    nik: newNik('1990-03-12'),
    full_name: `Impor Uji ${process.pid} ${names}`,
    birth_date: '',
    gender: '',
    village_code: '51.04.05.2002',
    occupation: 'Penari',
    vulnerable: 'true',
    category: 'BPU',
    programs: 'JKK|JKM',
    start_date: '2026-01-01',
    end_date: '',
    declared_income: '1000000',
    funding_source: 'SELF',
    ...values,
  };
  return HEADER.split(',').map((column) => cells[column as keyof typeof cells]).join(',');
}

async function counts(niks: string[]) {
  const db = new Client({ connectionString: process.env.LINDUNG_DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query(
      `SELECT (SELECT count(*)::int FROM workers WHERE nik = ANY($1)) AS workers,
              (SELECT count(*)::int FROM enrollments e JOIN workers w ON w.id = e.worker_id WHERE w.nik = ANY($1)) AS enrollments`,
      [niks],
    );
    return rows[0] as { workers: number; enrollments: number };
  } finally {
    await db.end();
  }
}

const nikOf = (line: string) => line.split(/[,;]/)[0];

describe('importEnrollments', () => {
  it('should write every good row and none of the bad ones, reporting each bad cell by row and column', async () => {
    const good = [row(), row({ birth_date: '12/03/1990', gender: 'MALE' }), row({ category: 'PU', programs: 'JKK|JKM|JHT', funding_source: 'EMPLOYER' })];
    const bad = [
      row({ nik: '510405120390001' }),
      row({ birth_date: '1990-13-40' }),
      row({ gender: 'X' }),
      row({ village_code: '51.04.05.9999' }),
      row({ vulnerable: 'maybe' }),
      row({ category: 'XYZ' }),
      row({ programs: 'JKK|ABC' }),
      row({ programs: 'JKK' }),
      row({ start_date: 'kemarin' }),
      row({ end_date: '2025-01-01' }),
      row({ declared_income: '1.5 juta' }),
      row({ funding_source: 'GIFT' }),
      row({ full_name: '' }),
    ];
    // The PU row has no risk class: refused on risk_class (CONTRACT §6 columns plus the optional risk_class).
    const csv = [HEADER, ...good, ...bad].join('\n');
    const result = (await ok(IMPORT, { csv }, await tokenOf('mitraSanggar'))).importEnrollments;
    const byRow = Object.fromEntries(result.errors.map((e: { row: number; field: string; code: string }) => [e.row, `${e.field}:${e.code}`]));
    expect(byRow).toEqual({
      4: 'risk_class:REQUIRED',
      5: 'nik:NIK_FORMAT',
      6: 'birth_date:INVALID_DATE',
      7: 'gender:INVALID_VALUE',
      8: 'village_code:NOT_VISIBLE',
      9: 'vulnerable:NOT_A_BOOLEAN',
      10: 'category:INVALID_VALUE',
      11: 'programs:INVALID_VALUE',
      12: 'programs:PROGRAMS_MISSING',
      13: 'start_date:INVALID_DATE',
      14: 'end_date:DATE_BEFORE',
      15: 'declared_income:MUST_BE_WHOLE_RUPIAH',
      16: 'funding_source:INVALID_VALUE',
      17: 'full_name:REQUIRED',
    });
    expect(result).toMatchObject({ accepted: 2, rejected: 14, workersCreated: 2, enrollmentsCreated: 2, dryRun: false });
    expect(await counts(good.map(nikOf))).toEqual({ workers: 2, enrollments: 2 });
    expect(await counts(bad.map(nikOf))).toEqual({ workers: 0, enrollments: 0 });
  });

  it('should read a ;-separated file with a BOM, columns in any order, dates as DD/MM/YYYY', async () => {
    const nik = newNik('1985-07-04', 'FEMALE');
    const csv = '\uFEFFfunding_source;programs;category;start_date;declared_income;village_code;full_name;nik\r\nSELF;JKK|JKM;BPU;01/02/2026;1.500.000;51.04.05.2002;Ni Luh Titik Koma;' + nik + '\r\n';
    const result = (await ok(IMPORT, { csv }, await tokenOf('mitraSanggar'))).importEnrollments;
    expect(result).toMatchObject({ accepted: 1, rejected: 0, errors: [] });
    const worker = (await ok(`query($q: String) { allWorkers(filter: { q: $q }) { birthDate gender enrollments { startDate declaredIncome monthlyContribution } } }`, { q: nik }, await tokenOf('mitraSanggar'))).allWorkers[0];
    expect(worker).toEqual({ birthDate: '1985-07-04', gender: 'FEMALE', enrollments: [{ startDate: '2026-02-01', declaredIncome: 1_500_000, monthlyContribution: 15_000 + 6_800 }] });
  });

  it('should store each cell exactly as given: quotes, backslashes, tabs and line breaks included', async () => {
    const nik = newNik('1991-02-03');
    const occupation = 'Penari "Legong" \\ Barong\tBali\nUbud';
    const fullName = "Ni Luh De'Arini";
    const csv = [HEADER, row({ nik, full_name: fullName, occupation: `"${occupation.replace(/"/g, '""')}"` })].join('\n');
    const token = await tokenOf('mitraSanggar');
    expect((await ok(IMPORT, { csv }, token)).importEnrollments).toMatchObject({ accepted: 1, errors: [] });
    const worker = (await ok(`query($q: String) { allWorkers(filter: { q: $q }) { fullName occupation } }`, { q: nik }, token)).allWorkers[0];
    expect(worker).toEqual({ fullName, occupation });
  });

  it('should refuse a file with unknown or missing columns by name', async () => {
    const unknown = await failure(IMPORT, { csv: `${HEADER},shoe_size\n${row()},42` }, await tokenOf('mitraSanggar'));
    expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reasons: { csv: { code: 'CSV_UNKNOWN_COLUMN', params: { columns: ['shoe_size'] } } } });
    const missing = await failure(IMPORT, { csv: 'nik,full_name\n5104051203900001,x' }, await tokenOf('mitraSanggar'));
    expect(missing.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reasons: { csv: { code: 'CSV_MISSING_COLUMN' } } });
  });

  it('should report in a dry run exactly what the real run then does, writing nothing', async () => {
    const known = await reportWorker(await tokenOf('mitraUsaha'));
    const lines = [row(), row({ nik: known.nik }), row({ nik: '123' })];
    const csv = [HEADER, ...lines].join('\n');
    const token = await tokenOf('mitraSanggar');
    const dry = (await ok(IMPORT, { csv, dryRun: true }, token)).importEnrollments;
    expect(await counts([nikOf(lines[0])])).toEqual({ workers: 0, enrollments: 0 });
    const real = (await ok(IMPORT, { csv }, token)).importEnrollments;
    expect({ ...dry, dryRun: false }).toEqual(real);
    expect(real).toMatchObject({ accepted: 2, rejected: 1, workersCreated: 1, workersLinked: 1, enrollmentsCreated: 2 });
  });

  it('should return the first result and write nothing when an idempotency key is replayed, also concurrently', async () => {
    const key = randomUUID();
    const lines = [row(), row()];
    const csv = [HEADER, ...lines].join('\n');
    const token = await tokenOf('mitraSanggar');
    const [a, b] = await Promise.all([ok(IMPORT, { csv, key }, token), ok(IMPORT, { csv, key }, token)]);
    const results = [a.importEnrollments, b.importEnrollments];
    expect(results.map((r) => r.replayed).sort()).toEqual([false, true]);
    expect(results[0].accepted).toBe(2);
    expect(results[1].accepted).toBe(2);
    expect(await counts(lines.map(nikOf))).toEqual({ workers: 2, enrollments: 2 });
    const other = await failure(IMPORT, { csv: `${csv}\n${row()}`, key }, token);
    expect(other.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('should create each worker once when two partners import overlapping NIKs at the same time', async () => {
    const shared = [newNik('1977-04-04'), newNik('1978-05-05'), newNik('1979-06-06')];
    const file = (year: number) => [HEADER, ...shared.map((nik) => row({ nik, start_date: `${year}-01-01`, end_date: `${year}-12-31` }))].join('\n');
    const [sanggar, usaha] = await Promise.all([
      gql(IMPORT, { csv: file(2026) }, await tokenOf('mitraSanggar')),
      gql(IMPORT, { csv: file(2027) }, await tokenOf('mitraUsaha')),
    ]);
    expect(sanggar.errors).toBeUndefined();
    expect(usaha.errors).toBeUndefined();
    expect(sanggar.data.importEnrollments.workersCreated + usaha.data.importEnrollments.workersCreated).toBe(3);
    expect(await counts(shared)).toEqual({ workers: 3, enrollments: 6 });
  });

  it('should refuse a row whose cover overlaps an existing enrollment, or an earlier row, without naming the other partner', async () => {
    const worker = await reportWorker(await tokenOf('mitraUsaha'));
    await enroll(await tokenOf('mitraUsaha'), worker.id, { startDate: '2026-01-01' });
    const again = newNik();
    const csv = [HEADER, row({ nik: worker.nik }), row({ nik: again }), row({ nik: again, start_date: '2026-06-01' })].join('\n');
    const result = (await ok(IMPORT, { csv }, await tokenOf('mitraSanggar'))).importEnrollments;
    expect(result.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
      [2, 'start_date', 'OVERLAPS_ENROLLMENT'],
      [4, 'start_date', 'OVERLAPS_ENROLLMENT'],
    ]);
    expect(JSON.stringify(result)).not.toMatch(/Kerajinan|mitra/i);
  });

  it('should flag possible duplicates an import makes: with a person already registered, and between two of its own rows', async () => {
    const token = await tokenOf('mitraSanggar');
    const official = await tokenOf('pejabatGianyar');
    const registered = await reportWorker(token, { nik: newNik('1984-02-09'), fullName: `Kembar Uji ${process.pid} Satu` });
    const withRegistered = row({ nik: newNik('1984-02-09'), full_name: `KEMBAR  uji ${process.pid} satu` });
    const twins = [row({ nik: newNik('1986-06-16'), full_name: `Kembar Uji ${process.pid} Dua` }), row({ nik: newNik('1986-06-16'), full_name: `Kembar Uji ${process.pid} Dua` })];
    const single = row({ nik: newNik('1986-06-17'), full_name: `Kembar Uji ${process.pid} Tiga` });
    const lines = [withRegistered, ...twins, single];
    expect((await ok(IMPORT, { csv: [HEADER, ...lines].join('\n') }, token)).importEnrollments).toMatchObject({ accepted: 4, errors: [] });
    const FLAG = `query($q: String) { allWorkers(filter: { q: $q }) { id possibleDuplicate } }`;
    const flagOf = async (nik: string) => (await ok(FLAG, { q: nik }, token)).allWorkers[0].possibleDuplicate;
    expect(await Promise.all(lines.map((line) => flagOf(nikOf(line))))).toEqual([true, true, true, false]);
    expect((await ok(`query($id: ID!) { Worker(id: $id) { possibleDuplicate } }`, { id: registered.id }, official)).Worker.possibleDuplicate).toBe(true);
  });

  it('should refuse a file over 50,000 rows with a clear BAD_USER_INPUT', async () => {
    const line = row();
    const csv = [HEADER, ...Array.from({ length: 50_001 }, () => line)].join('\n');
    const error = await failure(IMPORT, { csv, dryRun: true }, await tokenOf('mitraSanggar'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reasons: { csv: { code: 'CSV_TOO_LARGE', params: { maxRows: 50_000 } } } });
  });

  it('should let only reporting roles import, a suspended partner not at all, and ADMIN only for a named partner', async () => {
    const csv = [HEADER, row()].join('\n');
    expect((await failure(IMPORT, { csv }, await tokenOf('perbekelMas'))).extensions.code).toBe('FORBIDDEN');
    expect((await failure(IMPORT, { csv }, await tokenOf('auditor'))).extensions.code).toBe('FORBIDDEN');
    expect((await failure(IMPORT, { csv }, await tokenOf('admin'))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reasons: { partnerId: { code: 'REQUIRED' } } });
    const penyuluh = (await demo('mitraPenyuluh')).user.partnerId;
    expect((await ok(IMPORT, { csv, dryRun: true, partnerId: penyuluh }, await tokenOf('admin'))).importEnrollments.accepted).toBe(1);
  });
});
