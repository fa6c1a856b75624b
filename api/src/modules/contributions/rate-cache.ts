import type { ChangeSubscription } from '../../core/change-listener';
import type { ContributionRate } from './contribution-rate.entity';

export const RATES_CHANNEL = 'lindung_rates';

/**
 * Every contribution rate, kept per process: a handful of rows that every enrollment, import and
 * decision prices with, and that change a few times a year. A change to the table is announced on
 * `lindung_rates` by a trigger (migration RateChangeNotify) and every API process forgets them;
 * the process that made the change forgets them as soon as it commits. While the listening
 * connection is down the cache is off, as the account cache is.
 */
export class RateCache {
  private rates: Promise<ContributionRate[]> | null = null;
  private listening = false;

  /** The rates, from the cache or from `load` (which reads them through the rates' reader). */
  all(load: () => Promise<ContributionRate[]>): Promise<ContributionRate[]> {
    if (!this.listening) return load();
    if (this.rates) return this.rates;
    // A change heard while this loads sets `rates` to null (forget): what it read is not kept.
    const loading = load();
    this.rates = loading;
    loading.catch(() => {
      if (this.rates === loading) this.rates = null;
    });
    return loading;
  }

  forget(): void {
    this.rates = null;
  }

  setListening(on: boolean): void {
    this.listening = on;
    this.forget();
  }

  subscription(): ChangeSubscription {
    return { channel: RATES_CHANNEL, notice: () => this.forget(), listening: (on) => this.setListening(on) };
  }
}
