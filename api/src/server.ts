/**
 * The composition root: the database (embedded unless DATABASE_URL), the process's services, and
 * the HTTP surface in order — access log, security headers, health, GraphQL, exports, the portal,
 * JSON errors for everything else.
 */
import 'reflect-metadata';
import express from 'express';
import http from 'node:http';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { AppServices } from './core/context';
import { httpErrorHandler, notFoundHandler } from './core/http-errors';
import { createLogger } from './core/logger';
import { servePortal } from './core/portal-assets';
import { securityHeaders } from './core/security-headers';
import { createDataSource } from './database/data-source';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './database/embedded';
import { prepareDatabase } from './database/prepare';
import { startHousekeeping } from './housekeeping';
import { accessLog } from './http/access-log';
import { graphqlRoute, startGraphQLServer } from './http/graphql-server';
import { healthRoutes } from './http/health';
import { createContext } from './http/request-context';
import { listenForChanges, type ChangeListener } from './core/change-listener';
import { AuthCache, authChanges } from './modules/auth/auth-cache';
import { RateCache } from './modules/contributions/rate-cache';
import { loadTokenKeys } from './modules/auth/keys';
import { LoginLimits } from './modules/auth/login-limits';
import { exportRoute } from './modules/exports/export.route';
import { buildLindungSchema } from './schema';

export interface RunningServer {
  url: string;
  port: number;
  /** The API's own pool: benchmarks run their baseline SQL on it. */
  dataSource: DataSource;
  stop(): Promise<void>;
}

/** Starts the database (embedded unless DATABASE_URL), migrates, loads data and serves HTTP. */
export async function startServer(config: Config): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  const embedded = config.databaseUrl ? null : await startEmbeddedDatabase(config.dataDir, logger);
  const databaseUrl = embedded?.url ?? config.databaseUrl!;
  let dataSource: DataSource | null = null;
  let listener: ChangeListener | null = null;
  try {
    await prepareDatabase(databaseUrl, config, logger);
    dataSource = createDataSource(databaseUrl, config.database);
    await dataSource.initialize();
    const authCache = new AuthCache(config.authCacheTtlMs);
    const rateCache = new RateCache();
    listener = await listenForChanges(databaseUrl, logger, [authChanges(authCache), rateCache.subscription()]);
    const keys = await loadTokenKeys(config, logger);
    const app: AppServices = { config, dataSource, keys, logger, authCache, rateCache, loginLimits: new LoginLimits(dataSource) };
    return await serve(app, embedded, listener);
  } catch (error) {
    await listener?.close().catch(() => undefined);
    await dataSource?.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}

async function serve(app: AppServices, embedded: EmbeddedDatabase | null, listener: ChangeListener): Promise<RunningServer> {
  const { config, dataSource, logger } = app;
  const expressApp = express();
  const httpServer = http.createServer(expressApp);
  const schema = await buildLindungSchema();

  const apollo = await startGraphQLServer(schema, httpServer, config, logger);

  expressApp.disable('x-powered-by');
  // No ETag on what the app itself sends: Express hashes every body for one, and a GraphQL answer
  // (a POST, for one signed-in person) is never revalidated — on a 20-row list the hash was ~2 % of
  // the request's CPU. The portal's files keep theirs (portal-assets.ts).
  expressApp.disable('etag');
  // Which client address and protocol to believe: req.ip (sign-in limits) and req.secure (cookies, HSTS).
  expressApp.set('trust proxy', config.trustProxy);
  expressApp.use(accessLog(logger));
  expressApp.use(securityHeaders());
  expressApp.use(healthRoutes(dataSource));
  expressApp.use('/graphql', ...graphqlRoute(apollo, (req, res) => createContext(app, req, res)));
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
  const stopHousekeeping = startHousekeeping(app);
  logger.info({ url: `http://localhost:${port}/`, graphql: `http://localhost:${port}/graphql` }, 'Lindung is ready');

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      stopHousekeeping();
      await apollo.stop(); // stops accepting, lets in-flight requests finish, closes the HTTP server
      await listener.close();
      await dataSource.destroy();
      await embedded?.stop();
      logger.info('stopped');
    })());
  return { url: `http://127.0.0.1:${port}`, port, dataSource, stop };
}
