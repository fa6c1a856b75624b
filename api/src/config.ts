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
