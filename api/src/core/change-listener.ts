import type { Logger } from 'pino';
import createSubscriber, { type Subscriber } from 'pg-listen';

/**
 * A process-wide cache kept in step with the database by notices on a channel, which triggers send
 * when what it holds changes. While the listening connection is down `listening(false)` turns the
 * cache off: correctness never rests on a cached value outliving a change nobody heard of.
 */
export interface ChangeSubscription {
  channel: string;
  notice(payload: unknown): void;
  listening(on: boolean): void;
}

export interface ChangeListener {
  close(): Promise<void>;
}

/** LISTENs on its own connection (outside the pool) and keeps reconnecting while the API runs. */
export async function listenForChanges(databaseUrl: string, logger: Logger, subscriptions: ChangeSubscription[]): Promise<ChangeListener> {
  const subscriber: Subscriber = createSubscriber(
    { connectionString: databaseUrl, application_name: 'lindung-api-listen' },
    { retryLimit: Infinity, retryTimeout: Infinity, retryInterval: (attempt) => Math.min(5_000, 250 * 2 ** attempt), paranoidChecking: 10_000 },
  );
  const setListening = (on: boolean) => subscriptions.forEach((subscription) => subscription.listening(on));
  for (const subscription of subscriptions) subscriber.notifications.on(subscription.channel, (payload: unknown) => subscription.notice(payload));
  subscriber.events.on('connected', () => setListening(true));
  subscriber.events.on('reconnect', (attempt) => {
    setListening(false);
    logger.warn({ attempt }, 'change listener reconnecting; caches off meanwhile');
  });
  subscriber.events.on('error', (error) => {
    setListening(false);
    logger.error({ err: error }, 'change listener failed; caches off');
  });
  await subscriber.connect();
  for (const subscription of subscriptions) await subscriber.listenTo(subscription.channel);
  setListening(true);
  return {
    close: async () => {
      setListening(false);
      await subscriber.close();
    },
  };
}
