import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const root = process.env.LINDUNG_REPO_ROOT!;
const main = path.join(root, 'api/dist/main.js');

function run(env: Record<string, string | undefined>) {
  return spawnSync(process.execPath, [main], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 20_000 });
}

describe('production mode', () => {
  it('should refuse to start without DATABASE_URL, with a one-line reason', () => {
    const result = run({ NODE_ENV: 'production', JWT_PRIVATE_KEY: 'x', JWT_PUBLIC_KEY: 'y' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^lindung: refusing to start: DATABASE_URL is not set/)]);
  });

  it('should refuse to start without explicit signing keys', () => {
    const result = run({ NODE_ENV: 'production', DATABASE_URL: 'postgres://nowhere.invalid/x' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/JWT_PRIVATE_KEY and JWT_PUBLIC_KEY must be set/)]);
  });
});

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

describe('embedded database lifecycle', () => {
  it('should start its own PostgreSQL without DATABASE_URL and stop everything on SIGTERM', async () => {
    const dataDir = path.join(process.env.LINDUNG_DATA_DIR!, 'lifecycle');
    fs.rmSync(dataDir, { recursive: true, force: true });
    const child = spawn(process.execPath, [main], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0', DEMO_DATA: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    const ready = () => /"msg":"Lindung is ready"/.test(log);
    const deadline = Date.now() + 40_000;
    while (!ready() && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
    expect(ready()).toBe(true);

    const pgPort = Number(/"port":(\d+),"databaseDir"/.exec(log)![1]);
    const apiPort = Number(/http:\/\/localhost:(\d+)\/graphql/.exec(log)![1]);
    expect(await portOpen(pgPort)).toBe(true);
    const readiness = await (await fetch(`http://127.0.0.1:${apiPort}/readyz`)).json();
    expect(readiness.ready).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'keys', 'access-token-ed25519.json'))).toBe(true);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await portOpen(apiPort)).toBe(false);
    expect(await portOpen(pgPort)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    // No NIK or password ever reaches the log.
    expect(log).not.toMatch(/lindung-demo|password_hash|\$argon2/);
  }, 60_000);
});
