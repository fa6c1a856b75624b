// Starts PostgreSQL (embedded, or a fresh database on DATABASE_URL's server) and the real, built
// API as a child process, once for the whole run. Tests reach it over HTTP at LINDUNG_API_URL.
// It trusts X-Forwarded-For from loopback, so sign-in-limit tests can speak from addresses of their own.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'test/package.json'));

export default async function globalSetup() {
  // One directory per run, so that runs side by side never share files; the ones of runs that
  // have ended are removed (the last run's api.log stays for reading until the next run).
  removeEndedRuns(path.join(root, '.data'));
  const runDir = path.join(root, '.data', `test-run-${process.pid}`);
  fs.mkdirSync(runDir, { recursive: true });
  const database = process.env.DATABASE_URL ? await freshDatabaseOn(process.env.DATABASE_URL) : await embeddedDatabase(runDir);
  const port = await freePort();
  const logFile = path.join(runDir, 'api.log');
  const api = spawn(process.execPath, [path.join(root, 'api/dist/main.js')], {
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), DATA_DIR: runDir, DEMO_DATA: '1', LOG_LEVEL: 'info', NODE_ENV: 'test', TRUST_PROXY: 'loopback' },
    stdio: ['ignore', fs.openSync(logFile, 'w'), fs.openSync(logFile, 'a')],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, api, logFile);
  Object.assign(process.env, {
    LINDUNG_API_URL: url,
    LINDUNG_DATABASE_URL: database.url,
    LINDUNG_DATA_DIR: runDir,
    LINDUNG_REPO_ROOT: root,
  });
  globalThis.__lindung = { api, database };
}

function removeEndedRuns(dataDir) {
  if (!fs.existsSync(dataDir)) return;
  for (const name of fs.readdirSync(dataDir)) {
    const match = /^test-run-(\d+)$/.exec(name);
    if (match && !processAlive(Number(match[1]))) fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
  }
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

async function embeddedDatabase(runDir) {
  const child = spawn(process.execPath, [path.join(root, 'test/support/embedded-postgres.mjs'), runDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { url } = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(JSON.parse(out));
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}`)));
  });
  child.stdout.destroy();
  return { url, stop: () => stopProcess(child, 30_000) };
}

// A second PostgreSQL (CI's service): each run gets its own database, dropped afterwards.
async function freshDatabaseOn(serverUrl) {
  const { Client } = require('pg');
  const name = `lindung_test_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    stop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function waitUntilReady(url, child, logFile) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`API did not become ready; its log:\n${fs.readFileSync(logFile, 'utf8').slice(-4000)}`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// SIGTERM, and SIGKILL if it has not exited in time; the timer must not outlive the process.
export async function stopProcess(child, graceMs) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  let timer;
  const timedOut = new Promise((resolve) => (timer = setTimeout(resolve, graceMs)));
  await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (child.exitCode === null) child.kill('SIGKILL');
}
