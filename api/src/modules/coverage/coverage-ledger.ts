import type { RequestContext } from '../../core/context';

/** Changes folded per call: one call stays well within the API's statement timeout. */
const FOLD_BATCH = 50_000;

/**
 * Folds the coverage ledger's appended changes into its day and month rows, oldest first, a batch
 * at a time until none are left or `budgetMs` has passed (run now and then; safe beside writers,
 * readers and other processes). Reads are exact either way; folding keeps them short. Returns how
 * many changes were folded.
 */
export async function compactCoverageLedger(ctx: Pick<RequestContext, 'em'>, budgetMs = 20_000): Promise<number> {
  const started = Date.now();
  let total = 0;
  for (;;) {
    const [row] = await ctx.em.query(`SELECT compact_coverage_ledger($1) AS folded`, [FOLD_BATCH]);
    total += Number(row.folded);
    if (Number(row.folded) < FOLD_BATCH || Date.now() - started > budgetMs) return total;
  }
}
