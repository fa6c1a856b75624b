import { API_URL, demo, ok, tokenOf } from '../support/api';
import { enroll, reportWorker } from '../support/registry';

async function exportCsv(resource: string, token: string | null, body: object = {}) {
  const response = await fetch(`${API_URL}/export/${resource}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

/** The cells of one CSV line: a quoted cell may hold commas and doubled quotes (no line breaks in what these tests read). */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += char;
    }
  }
  return [...cells, cell];
}

/** Rows of a CSV as header → cell. */
function rowsOf(text: string): Array<Record<string, string>> {
  const [header, ...lines] = text.replace(/^\uFEFF/, '').trim().split('\n');
  const names = cellsOf(header);
  return lines.map((line) => Object.fromEntries(cellsOf(line).map((cell, i) => [names[i], cell])));
}

const masked = (nik: string) => `${nik.slice(0, 6)}******${nik.slice(12)}`;

describe('server-side CSV export', () => {
  let worker: { id: string; nik: string; fullName: string };
  beforeAll(async () => {
    worker = await reportWorker(await tokenOf('mitraSanggar'));
    await enroll(await tokenOf('mitraSanggar'), worker.id, { startDate: '2026-04-01' });
  });

  it("should stream a partner's own workers with full NIKs, as the list shows them, and record the export", async () => {
    const token = await tokenOf('mitraSanggar');
    const result = await exportCsv('Worker', token, { filter: { ids: [worker.id] }, sortField: 'fullName', sortOrder: 'ASC' });
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(result.headers.get('content-disposition')).toMatch(/^attachment; filename="Worker-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(rowsOf(result.text)).toEqual([expect.objectContaining({ nik: worker.nik, full_name: worker.fullName, village_code: '51.04.05.2002', id: worker.id })]);
    const events = await ok(`{ allAuditEvents(filter: { action: EXPORT, entityType: "Worker" }) { actorRole changes } }`, {}, await tokenOf('auditor'));
    expect(events.allAuditEvents).toContainEqual({ actorRole: 'PARTNER', changes: expect.objectContaining({ filter: { ids: [worker.id] }, sortField: 'fullName' }) });
  });

  it("should mask NIKs for an official and an auditor, and show nothing outside the caller's scope", async () => {
    for (const account of ['pejabatGianyar', 'auditor'] as const) {
      const rows = rowsOf((await exportCsv('Worker', await tokenOf(account), { filter: { ids: [worker.id] } })).text);
      expect(rows.map((r) => r.nik)).toEqual([masked(worker.nik)]);
    }
    for (const account of ['pejabatBadung', 'mitraUsaha', 'perbekelBatuan'] as const) {
      expect(rowsOf((await exportCsv('Worker', await tokenOf(account), { filter: { ids: [worker.id] } })).text)).toEqual([]);
    }
    const enrollments = rowsOf((await exportCsv('Enrollment', await tokenOf('auditor'), { filter: { workerId: worker.id } })).text);
    expect(enrollments).toEqual([expect.objectContaining({ nik: masked(worker.nik), programs: 'JKK|JKM', monthly_contribution: '16800' })]);
  });

  it('should refuse roles whose list may not be exported, anonymous callers, unknown lists and bad filters', async () => {
    expect((await exportCsv('AuditEvent', await tokenOf('mitraSanggar'))).status).toBe(403);
    const anonymous = await exportCsv('Worker', null);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await exportCsv('Session', await tokenOf('admin'))).status).toBe(404);
    const bad = await exportCsv('Worker', await tokenOf('admin'), { filter: { villageId: 'not-a-uuid' } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const badSort = await exportCsv('Worker', await tokenOf('admin'), { sortField: 'nik; DROP TABLE workers' });
    expect(badSort.status).toBe(400);
  });

  it('should export the audit trail for an auditor, with the masked diffs as stored', async () => {
    const session = await demo('auditor');
    const rows = rowsOf((await exportCsv('AuditEvent', session.accessToken, { filter: { entityId: worker.id } })).text);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(rows)).not.toContain(worker.nik);
  });

  it("should export the cycle's budgets and proposals within the caller's scope", async () => {
    const budgets = rowsOf((await exportCsv('Budget', await tokenOf('pejabatGianyar'), { filter: { fiscalYear: 2026 } })).text);
    expect(budgets).toEqual([expect.objectContaining({ regency_code: '51.04', fiscal_year: '2026', name: 'APBD 2026', amount: '2000000000' })]);
    expect(Number(budgets[0].remaining)).toBe(Number(budgets[0].amount) - Number(budgets[0].committed));
    const mas = rowsOf((await exportCsv('Proposal', await tokenOf('perbekelMas'))).text);
    expect(mas.length).toBeGreaterThan(0);
    expect(new Set(mas.map((row) => row.village_code))).toEqual(new Set(['51.04.05.2002']));
    expect((await exportCsv('Proposal', await tokenOf('mitraSanggar'))).status).toBe(403);
    expect((await exportCsv('Budget', await tokenOf('mitraSanggar'))).status).toBe(403);
  });

  it("should export the published coverage figures and the regulations of the caller's regency only", async () => {
    const demoYear = { asOfFrom: '2025-01-01', asOfTo: '2025-12-31' };
    // A village head and a partner of Gianyar read Gianyar's figures, as their lists do; Badung's official Badung's.
    for (const account of ['perbekelMas', 'mitraSanggar'] as const) {
      const reports = rowsOf((await exportCsv('CoverageReport', await tokenOf(account), { filter: demoYear, sortField: 'asOf', sortOrder: 'ASC' })).text);
      expect(reports).toEqual([
        expect.objectContaining({ regency_code: '51.04', as_of: '2025-06-30', protected_workers: '124900' }),
        expect.objectContaining({ regency_code: '51.04', as_of: '2025-09-30', protected_workers: '130300', source: 'BPJS Ketenagakerjaan via Antara (laporan Paritrana Award 2025)' }),
      ]);
    }
    const badung = rowsOf((await exportCsv('CoverageReport', await tokenOf('pejabatBadung'), { filter: demoYear })).text);
    expect(badung).toEqual([expect.objectContaining({ regency_code: '51.03', as_of: '2025-09-30', protected_workers: '301200' })]);

    const perbup = expect.objectContaining({ regency_code: '51.04', title: 'Perbup Gianyar 35/2025 (Perisai Aman)', valid_from: '2025-08-01', valid_to: '' });
    expect(rowsOf((await exportCsv('Regulation', await tokenOf('pejabatGianyar'), { filter: { q: 'Perisai Aman' } })).text)).toEqual([perbup]);
    expect(rowsOf((await exportCsv('Regulation', await tokenOf('auditor'), { filter: { q: 'Perisai Aman' } })).text)).toEqual([perbup]);
    const regulationsOfBadung = rowsOf((await exportCsv('Regulation', await tokenOf('pejabatBadung'))).text);
    expect(regulationsOfBadung.filter((row) => row.regency_code !== '51.03')).toEqual([]);
  });

  it('should export the award results and the weights of the self-assessment to every role, and record the export', async () => {
    // Results are public: Badung's official reads Gianyar's award too.
    const awards = rowsOf((await exportCsv('Award', await tokenOf('pejabatBadung'), { filter: { year: 2025, category: 'REGENCY_GOVERNMENT' } })).text);
    expect(awards).toContainEqual(
      expect.objectContaining({
        year: '2025',
        level: 'PROVINCE',
        category: 'REGENCY_GOVERNMENT',
        rank: '1',
        province: 'Bali',
        regency_code: '51.04',
        partner_id: '',
        note: 'Juara 1 Paritrana Award 2025 tingkat Provinsi Bali, kategori pemerintah kabupaten/kota',
      }),
    );
    const weights = rowsOf((await exportCsv('AwardWeight', await tokenOf('perbekelMas'), { filter: { criterion: 'REGULATION', inForceOn: '2017-01-01' } })).text);
    expect(weights).toEqual([expect.objectContaining({ criterion: 'REGULATION', valid_from: '2017-01-01', note: 'Self-assessment weights (no public rubric): regulation heaviest, as reported' })]);
    expect([Number(weights[0].weight), Number(weights[0].target)]).toEqual([25, 1]);

    const events = await ok(`{ allAuditEvents(filter: { action: EXPORT, entityType: "AwardWeight" }) { actorRole changes } }`, {}, await tokenOf('auditor'));
    expect(events.allAuditEvents).toContainEqual({ actorRole: 'VILLAGE_HEAD', changes: expect.objectContaining({ filter: { criterion: 'REGULATION', inForceOn: '2017-01-01' } }) });
    expect((await exportCsv('Award', null)).status).toBe(401);
  });
});
