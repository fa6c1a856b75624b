import path from 'node:path';

/** Everything the process reads from its environment, checked once at start. */
export interface Config {
  port: number;
  production: boolean;
  databaseUrl: string | null;
  dataDir: string;
  demoData: boolean;
  logLevel: string;
  /** PEM keys for access tokens; required in production, generated into DATA_DIR otherwise. */
  jwtPrivateKey: string | null;
  jwtPublicKey: string | null;
  adminDist: string;
  /** Express's `trust proxy`: whose X-Forwarded-For / -Proto to believe (false: nobody's). */
  trustProxy: boolean | number | string;
  database: DatabaseSettings;
  /** How long a checked account + session is trusted without asking the database (0: never). */
  authCacheTtlMs: number;
}

/** Pool and per-connection limits: no request waits or runs unbounded. */
export interface DatabaseSettings {
  poolSize: number;
  /** How long a request waits for a free pool connection before it is answered 503. */
  acquireTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

export class ConfigError extends Error {}

const REPO_ROOT = path.resolve(__dirname, '../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const config: Config = {
    port: parsePort(env.PORT ?? '4000'),
    production,
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(REPO_ROOT, env.DATA_DIR || '.data'),
    demoData: (env.DEMO_DATA ?? (production ? '0' : '1')) === '1',
    logLevel: env.LOG_LEVEL || (production ? 'info' : 'info'),
    jwtPrivateKey: env.JWT_PRIVATE_KEY || null,
    jwtPublicKey: env.JWT_PUBLIC_KEY || null,
    adminDist: path.resolve(REPO_ROOT, env.ADMIN_DIST || 'admin/dist'),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    authCacheTtlMs: parseInteger('AUTH_CACHE_TTL_MS', env.AUTH_CACHE_TTL_MS, 30_000, 0, 600_000),
    database: {
      poolSize: parseInteger('DATABASE_POOL_SIZE', env.DATABASE_POOL_SIZE, 10, 1, 500),
      acquireTimeoutMs: parseInteger('DATABASE_ACQUIRE_TIMEOUT_MS', env.DATABASE_ACQUIRE_TIMEOUT_MS, 3_000, 50, 60_000),
      statementTimeoutMs: parseInteger('DATABASE_STATEMENT_TIMEOUT_MS', env.DATABASE_STATEMENT_TIMEOUT_MS, 15_000, 100, 3_600_000),
      idleInTransactionTimeoutMs: parseInteger('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS, 30_000, 100, 3_600_000),
    },
  };
  if (production) assertSafeForProduction(config);
  return config;
}

// Production must never fall back to a throw-away database or self-made keys.
function assertSafeForProduction(config: Config): void {
  if (!config.databaseUrl) {
    throw new ConfigError('DATABASE_URL is not set (production never starts an embedded database)');
  }
  if (!config.jwtPrivateKey || !config.jwtPublicKey) {
    throw new ConfigError('JWT_PRIVATE_KEY and JWT_PUBLIC_KEY must be set (production never generates signing keys)');
  }
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT "${value}" is not a port number`);
  return port;
}

function parseInteger(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new ConfigError(`${name} "${value}" must be a whole number from ${min} to ${max}`);
  }
  return number;
}

/**
 * TRUST_PROXY as Express reads it: unset or `false` trusts no proxy (the socket's address is the
 * source), `true` any, a number that many hops, or addresses / CIDRs / `loopback`, comma-separated.
 */
function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
