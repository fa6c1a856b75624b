import 'reflect-metadata';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { pinoHttp } from 'pino-http';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { AppServices, RequestContext } from './core/context';
import { QUERY_TOO_COSTLY, queryCostLimit } from './core/cost';
import { asServiceUnavailable, serviceErrorOf } from './core/database-errors';
import { formatError, isExpectedError } from './core/format-error';
import { graphqlTransportGuard, httpErrorHandler, notFoundHandler } from './core/http-errors';
import { LIMITS, MAX_REQUEST_BODY, queryLimits } from './core/limits';
import { createLogger } from './core/logger';
import { servePortal } from './core/portal-assets';
import { securityHeaders } from './core/security-headers';
import { createDataSource, poolStarved } from './database/data-source';
import { loadDemoData } from './database/demo-data';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './database/embedded';
import { loadReferenceData } from './database/reference-data';
import { authenticate } from './modules/auth/actor';
import { AuthCache, listenForAuthChanges, type AuthChangeListener } from './modules/auth/auth-cache';
import { loadTokenKeys } from './modules/auth/keys';
import { forgetExpiredLimits, LoginLimits } from './modules/auth/login-limits';
import { sessionCookieOf } from './modules/auth/session-cookie';
import { deleteExpiredSessions } from './modules/auth/sessions';
import { buildLindungSchema } from './schema';
import { exportRoute } from './modules/exports/export.route';
import { compactRowCounts } from './core/row-counts';

export interface RunningServer {
  url: string;
  port: number;
  /** The API's own pool: benchmarks run their baseline SQL on it. */
  dataSource: DataSource;
  stop(): Promise<void>;
}

const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;
/** Kept row counts grow by a delta per write statement; folding them keeps every total a short sum. */
const ROW_COUNT_COMPACTION_MS = 30 * 1000;

/** Starts the database (embedded unless DATABASE_URL), migrates, loads data and serves HTTP. */
export async function startServer(config: Config): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  const embedded = config.databaseUrl ? null : await startEmbeddedDatabase(config.dataDir, logger);
  const databaseUrl = embedded?.url ?? config.databaseUrl!;
  let dataSource: DataSource | null = null;
  let listener: AuthChangeListener | null = null;
  try {
    await prepareDatabase(databaseUrl, config, logger);
    dataSource = createDataSource(databaseUrl, config.database);
    await dataSource.initialize();
    const authCache = new AuthCache(config.authCacheTtlMs);
    listener = await listenForAuthChanges(databaseUrl, authCache, logger);
    const keys = await loadTokenKeys(config, logger);
    const app: AppServices = { config, dataSource, keys, logger, authCache, loginLimits: new LoginLimits(dataSource) };
    return await serve(app, embedded, listener);
  } catch (error) {
    await listener?.close().catch(() => undefined);
    await dataSource?.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}

/**
 * Migrations and data loading, on a small pool of their own: start-up work may run long (a
 * migration on a big table, another instance's turn at the lock), which the serving pool's
 * statement and acquire timeouts are there to forbid for requests.
 */
async function prepareDatabase(url: string, config: Config, logger: AppServices['logger']): Promise<void> {
  const setup = createDataSource(url, { poolSize: 2, acquireTimeoutMs: 60_000, statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 });
  await setup.initialize();
  // Instances starting together take turns: one migrates and loads, the others then find it done.
  const runner = setup.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    const applied = await setup.runMigrations({ transaction: 'each' });
    if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    await setup.transaction(async (em) => {
      await loadReferenceData(em);
      if (config.demoData && (await loadDemoData(em))) logger.info('demo data loaded');
    });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
    await runner.release();
    await setup.destroy();
  }
}

/** Advisory lock key for start-up work ("lindung" in ASCII, as a number). */
const STARTUP_LOCK = 0x6c696e64756e67;

async function serve(app: AppServices, embedded: EmbeddedDatabase | null, listener: AuthChangeListener): Promise<RunningServer> {
  const { config, dataSource, logger } = app;
  const expressApp = express();
  const httpServer = http.createServer(expressApp);
  const armor = queryLimits();
  const schema = await buildLindungSchema();

  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    validationRules: armor.validationRules,
    formatError,
    logger,
    plugins: [
      ...armor.plugins,
      queryCostLimit(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Cache hints are not used; the plugin would otherwise wrap every field of every row.
      ApolloServerPluginCacheControlDisabled(),
      errorLogging(),
      legacyJsonStatus(),
    ],
  });
  await apollo.start();

  expressApp.disable('x-powered-by');
  // Which client address and protocol to believe: req.ip (sign-in limits) and req.secure (cookies, HSTS).
  expressApp.set('trust proxy', config.trustProxy);
  expressApp.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      // Path only: a GET request's query string carries GraphQL variables (personal data such as NIKs).
      serializers: {
        req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
          remoteAddress: req.remoteAddress,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // Health probes every few seconds would drown the access log.
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );
  expressApp.use(securityHeaders());
  expressApp.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  expressApp.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness(dataSource);
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  expressApp.use(
    '/graphql',
    graphqlTransportGuard(),
    express.json({ limit: MAX_REQUEST_BODY }),
    expressMiddleware(apollo, { context: async ({ req, res }) => createContext(app, req, res) }),
  );
  expressApp.use('/export', exportRoute(schema, (req, res) => createContext(app, req, res)));
  servePortal(expressApp, config.adminDist);
  // JSON, never express's HTML error page (a stack and absolute paths): see http-errors.ts.
  expressApp.use(notFoundHandler());
  expressApp.use(httpErrorHandler(logger));

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, resolve);
    });
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  const port = (httpServer.address() as { port: number }).port;
  const housekeeping = setInterval(() => void housekeep(app), HOUSEKEEPING_INTERVAL_MS).unref();
  void housekeep(app);
  const counting = setInterval(() => void compactCounts(app), ROW_COUNT_COMPACTION_MS).unref();
  logger.info({ url: `http://localhost:${port}/`, graphql: `http://localhost:${port}/graphql` }, 'Lindung is ready');

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(housekeeping);
      clearInterval(counting);
      await apollo.stop(); // stops accepting, lets in-flight requests finish, closes the HTTP server
      await listener.close();
      await dataSource.destroy();
      await embedded?.stop();
      logger.info('stopped');
    })());
  return { url: `http://127.0.0.1:${port}`, port, dataSource, stop };
}

async function createContext(app: AppServices, req: Request, res: Response): Promise<RequestContext> {
  const requestId = String(req.id);
  let authentication;
  try {
    authentication = await authenticate(req.headers.authorization, app);
  } catch (error) {
    throw serviceErrorOf(error, app.logger.child({ requestId }));
  }
  const { actor, authError } = authentication;
  let logger: AppServices['logger'] | undefined;
  return {
    requestId,
    app,
    // Most requests never log: the child logger is made on first use.
    get logger() {
      return (logger ??= app.logger.child({ requestId, userId: actor?.id }));
    },
    actor,
    authError,
    em: app.dataSource.manager,
    afterRollback: [],
    afterCommit: [],
    loaders: new Map(),
    clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    sessionCookie: sessionCookieOf(req, res),
  };
}

/** Logs what the client is not shown: unexpected errors, with the request id the client got. */
function errorLogging(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (isExpectedError(error)) continue;
            contextValue.logger.error({ err: error.originalError ?? error, operationName }, 'unexpected error');
          }
        },
      };
    },
  };
}

/** Apollo's codes (kept as `reason` by formatError) for a document that failed to parse, validate or coerce; or over the cost limit. */
const DOCUMENT_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', QUERY_TOO_COSTLY]);

/**
 * GraphQL-over-HTTP: a client that accepts only `application/json` SHOULD get 200 for a request
 * that fails to parse or validate (the errors are in the body); `application/graphql-response+json`
 * keeps the 4xx. Apollo answers 400 to both.
 */
function legacyJsonStatus(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          // Apollo answers in application/graphql-response+json whenever the client accepts it.
          const accept = request.http?.headers.get('accept') ?? '';
          const jsonOnly = !accept.includes('application/graphql-response+json');
          if (jsonOnly && response.http.status === 400 && response.body.kind === 'single') {
            const errors = response.body.singleResult.errors ?? [];
            const documentErrors = errors.length > 0 && errors.every((e) => DOCUMENT_ERRORS.has(String(e.extensions?.reason)));
            if (documentErrors) response.http.status = 200;
          }
        },
      };
    },
  };
}

interface Readiness {
  ready: boolean;
  database: 'ok' | 'busy' | 'unreachable';
  migrations: 'applied' | 'pending' | 'unknown';
}

/**
 * Not ready while every pool connection is taken and requests queue for one (a load balancer
 * should send traffic elsewhere), and ready again once the queue drains; the probe's own query
 * waits no longer than the pool's acquire timeout.
 */
async function checkReadiness(dataSource: DataSource): Promise<Readiness> {
  if (poolStarved(dataSource)) return { ready: false, database: 'busy', migrations: 'unknown' };
  try {
    await dataSource.query('SELECT 1');
  } catch (error) {
    const busy = asServiceUnavailable(error)?.extensions.reason === 'DATABASE_BUSY';
    return { ready: false, database: busy ? 'busy' : 'unreachable', migrations: 'unknown' };
  }
  const pending = await dataSource.showMigrations().catch(() => true);
  return { ready: !pending, database: 'ok', migrations: pending ? 'pending' : 'applied' };
}

async function compactCounts(app: AppServices): Promise<void> {
  try {
    await compactRowCounts({ em: app.dataSource.manager });
  } catch (error) {
    app.logger.warn({ err: error }, 'row count compaction failed');
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
