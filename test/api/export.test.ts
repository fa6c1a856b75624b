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

/** Rows of a simple CSV (no quoted commas in what these tests read) as header → cell. */
function rowsOf(text: string): Array<Record<string, string>> {
  const [header, ...lines] = text.replace(/^\uFEFF/, '').trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i], cell])));
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
});
