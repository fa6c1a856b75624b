import type { AppServices } from './core/context';
import { compactRowCounts } from './core/row-counts';
import { compactCoverageLedger, newFoldPace, type FoldPace } from './modules/coverage/coverage-ledger';
import { forgetExpiredLimits } from './modules/auth/login-limits';
import { deleteExpiredSessions } from './modules/auth/sessions';

const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;
/** Kept row counts and the coverage ledger grow by a delta per write statement; folding them keeps every total a short sum. */
const ROW_COUNT_COMPACTION_MS = 30 * 1000;

/** The process's periodic work; returns what stops it. */
export function startHousekeeping(app: AppServices): () => void {
  const housekeeping = setInterval(() => void housekeep(app), HOUSEKEEPING_INTERVAL_MS).unref();
  void housekeep(app);
  const foldPace = newFoldPace();
  const counting = setInterval(() => void compactCounts(app, foldPace), ROW_COUNT_COMPACTION_MS).unref();
  return () => {
    clearInterval(housekeeping);
    clearInterval(counting);
  };
}

async function compactCounts(app: AppServices, foldPace: FoldPace): Promise<void> {
  try {
    await compactRowCounts({ em: app.dataSource.manager });
    await compactCoverageLedger(app.dataSource.manager, foldPace);
  } catch (error) {
    app.logger.warn({ err: error }, 'row count or coverage ledger compaction failed');
  }
}

async function housekeep(app: AppServices): Promise<void> {
  try {
    await deleteExpiredSessions(app.dataSource.manager);
    await forgetExpiredLimits(app.dataSource.manager);
  } catch (error) {
    app.logger.warn({ err: error }, 'housekeeping failed');
  }
}
