import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

/**
 * A second, separately configured API: the built server as a child process, for tests that need
 * their own settings (production mode, a tiny pool, a data directory to kill and restart).
 */
export const MAIN_JS = path.join(process.env.LINDUNG_REPO_ROOT!, 'api/dist/main.js');

export interface ChildApi {
  child: ChildProcess;
  url: string;
  apiPort: number;
  log: () => string;
}

/** Starts the built API with this environment; resolves once it logs that it is ready. */
export async function startApi(env: Record<string, string>, timeoutMs = 40_000): Promise<ChildApi> {
  const child = spawn(process.execPath, [MAIN_JS], {
    env: { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const deadline = Date.now() + timeoutMs;
  while (!/"msg":"Lindung is ready"/.test(log)) {
    if (Date.now() > deadline || child.exitCode !== null) {
      if (child.exitCode === null) child.kill('SIGKILL');
      throw new Error(`API did not start:\n${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const apiPort = Number(/http:\/\/localhost:(\d+)\/graphql/.exec(log)![1]);
  return { child, apiPort, url: `http://127.0.0.1:${apiPort}`, log: () => log };
}

/** SIGTERM and wait for the exit code. */
export async function stopApi(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A database of its own on the test run's PostgreSQL server; `drop()` removes it. */
export async function scratchDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.LINDUNG_DATABASE_URL!;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** One GraphQL POST to a given API. */
export async function post(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}
