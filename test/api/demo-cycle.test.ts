import { PROPOSAL_STATUSES } from '@lindung/domain';
import { Client } from 'pg';

/**
 * The demo data's vulnerable-worker cycle (CONTRACT §5, issue 9's "Demo data"), read straight from
 * the database: the budgets as published, commitments that equal the approved proposals, proposals
 * in every state from Mas and Batuan, the coverage report and the award.
 */
async function query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
  const db = new Client({ connectionString: process.env.LINDUNG_DATABASE_URL });
  await db.connect();
  try {
    return (await db.query(sql, params)).rows;
  } finally {
    await db.end();
  }
}

describe('the demo cycle', () => {
  it("should hold Gianyar's budgets as published, and one for Badung", async () => {
    const budgets = await query(
      `SELECT r.code, b.fiscal_year, b.name, b.amount::bigint::text AS amount FROM budgets b JOIN regencies r ON r.id = b.regency_id
       WHERE b.fiscal_year IN (2025, 2026) ORDER BY r.code DESC, b.fiscal_year`,
    );
    expect(budgets).toEqual(
      expect.arrayContaining([
        { code: '51.04', fiscal_year: 2025, name: 'APBD Perubahan 2025', amount: '1000000000' },
        { code: '51.04', fiscal_year: 2026, name: 'APBD 2026', amount: '2000000000' },
        expect.objectContaining({ code: '51.03', fiscal_year: 2026 }),
      ]),
    );
  });

  it("should keep every budget's committed amount equal to its approved items, within its amount", async () => {
    const rows = await query(
      `SELECT b.id, b.committed::bigint AS committed, b.amount::bigint AS amount, b.workers_funded,
              coalesce(sum(i.cost), 0)::bigint AS approved, count(i.id)::int AS items
       FROM budgets b
       LEFT JOIN proposals p ON p.regency_id = b.regency_id AND p.fiscal_year = b.fiscal_year AND p.status IN ('APPROVED', 'PARTIALLY_APPROVED')
       LEFT JOIN proposal_items i ON i.proposal_id = p.id AND i.decision = 'APPROVED'
       GROUP BY b.id`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect({ committed: row.committed, funded: row.workers_funded }).toEqual({ committed: row.approved, funded: row.items });
      expect(Number(row.committed)).toBeLessThanOrEqual(Number(row.amount));
    }
    const [gianyar2026] = await query(`SELECT b.committed::bigint AS committed FROM budgets b JOIN regencies r ON r.id = b.regency_id WHERE r.code = '51.04' AND b.fiscal_year = 2026`);
    expect(Number(gianyar2026.committed)).toBeGreaterThan(0);
  });

  it('should have proposals in every state, from Mas and Batuan among others, each approved worker enrolled', async () => {
    const states = await query(`SELECT DISTINCT p.status FROM proposals p JOIN villages v ON v.id = p.village_id WHERE v.code IN ('51.04.05.2002', '51.04.01.2007')`);
    expect(states.map((row) => row.status).sort()).toEqual([...PROPOSAL_STATUSES].sort());
    const villages = await query(`SELECT count(DISTINCT village_id)::int AS n FROM proposals`);
    expect(villages[0].n).toBeGreaterThan(10);
    const [unlinked] = await query(
      `SELECT count(*)::int AS n FROM proposal_items i JOIN proposals p ON p.id = i.proposal_id
       WHERE i.decision = 'APPROVED' AND p.status IN ('APPROVED', 'PARTIALLY_APPROVED') AND i.enrollment_id IS NULL`,
    );
    expect(unlinked.n).toBe(0);
    const [refusedWithoutReason] = await query(`SELECT count(*)::int AS n FROM proposal_items WHERE decision = 'REJECTED' AND (reason IS NULL OR length(reason) < 10)`);
    expect(refusedWithoutReason.n).toBe(0);
  });

  it("should publish Gianyar's coverage of 30 September 2025 and its Paritrana Award 2025", async () => {
    const [report] = await query(
      `SELECT c.protected_workers, c.source, r.workforce_target FROM coverage_reports c JOIN regencies r ON r.id = c.regency_id
       WHERE r.code = '51.04' AND c.as_of = '2025-09-30'`,
    );
    expect(report).toMatchObject({ protected_workers: 130_300, workforce_target: 198_628 });
    expect(report.source).toContain('Antara');
    expect((report.protected_workers / report.workforce_target).toFixed(4)).toBe('0.6560');
    const awards = await query(
      `SELECT a.level, a.category, a.rank, a.province FROM awards a JOIN regencies r ON r.id = a.regency_id WHERE r.code = '51.04' AND a.year = 2025`,
    );
    expect(awards).toEqual([{ level: 'PROVINCE', category: 'REGENCY_GOVERNMENT', rank: 1, province: 'Bali' }]);
  });
});
