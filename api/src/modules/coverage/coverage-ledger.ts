import { isStatementTimeout } from '../../core/database-errors';

/**
 * How many changes one fold call takes. A change costs the fold more the further back it lies (every
 * month row after it moves), so a fixed batch that takes a second on a quiet day took over the
 * API's statement timeout after a million-worker load, and then never folded again. The batch
 * follows how long the last call took instead: each call stays near TARGET_CALL_MS, well inside the
 * statement timeout, and holds its locks briefly.
 */
export interface FoldPace {
  batch: number;
}

export const MAX_FOLD_BATCH = 50_000;
export const MIN_FOLD_BATCH = 500;
const TARGET_CALL_MS = 2_000;

export function newFoldPace(): FoldPace {
  return { batch: MAX_FOLD_BATCH };
}

/** The next call's batch after one of `batch` changes took `ms` (or was stopped by the statement timeout). */
export function nextFoldBatch(batch: number, ms: number | 'timeout'): number {
  const scaled = ms === 'timeout' ? batch / 4 : Math.min(batch * 2, (batch * TARGET_CALL_MS) / Math.max(ms, 1));
  return Math.round(Math.min(MAX_FOLD_BATCH, Math.max(MIN_FOLD_BATCH, scaled)));
}

/** What the fold runs its calls on: an EntityManager, or any connection that answers rows. */
interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<Array<Record<string, unknown>>>;
}

/**
 * Folds the coverage ledger's appended changes into its day and month rows, oldest first, a batch
 * at a time until none are left or `budgetMs` has passed (run now and then; safe beside writers,
 * readers and other processes). Reads are exact either way; folding keeps them short. Returns how
 * many changes were folded.
 */
export async function compactCoverageLedger(db: SqlRunner, pace: FoldPace = newFoldPace(), budgetMs = 20_000): Promise<number> {
  const started = Date.now();
  let total = 0;
  for (;;) {
    const batch = pace.batch;
    const callStarted = Date.now();
    let folded: number;
    try {
      const [row] = await db.query(`SELECT compact_coverage_ledger($1) AS folded`, [batch]);
      folded = Number(row.folded);
    } catch (error) {
      // Stopped by the statement timeout: that call kept nothing; the next one takes fewer.
      if (!isStatementTimeout(error) || batch === MIN_FOLD_BATCH) throw error;
      pace.batch = nextFoldBatch(batch, 'timeout');
      if (Date.now() - started > budgetMs) return total;
      continue;
    }
    pace.batch = nextFoldBatch(batch, Date.now() - callStarted);
    total += folded;
    if (folded < batch || Date.now() - started > budgetMs) return total;
  }
}
