import type { RequestContext } from '../../core/context';

/**
 * Folds the coverage ledger's appended changes into its day and month rows (run now and then;
 * safe beside writers, readers and other processes). Reads are exact either way; folding keeps
 * them short. Returns how many (facet, day) changes were folded.
 */
export async function compactCoverageLedger(ctx: Pick<RequestContext, 'em'>): Promise<number> {
  const [row] = await ctx.em.query(`SELECT compact_coverage_ledger() AS folded`);
  return Number(row.folded);
}
