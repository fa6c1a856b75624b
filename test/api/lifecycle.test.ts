import { newNik } from '../support/registry';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { Client } from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import { portOpen, startApi, stopApi as stop } from '../support/child-api';

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

describe('production mode with explicit keys and database', () => {
  const database = `lindung_production_${process.pid}`;
  let child: ChildProcess;
  let url: string;

  beforeAll(async () => {
    const admin = new Client({ connectionString: process.env.LINDUNG_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const databaseUrl = new URL(process.env.LINDUNG_DATABASE_URL!);
    databaseUrl.pathname = `/${database}`;
    const keys = generateKeyPairSync('ed25519', {
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const started = await startApi({
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl.toString(),
      JWT_PRIVATE_KEY: keys.privateKey,
      JWT_PUBLIC_KEY: keys.publicKey,
      DATA_DIR: path.join(process.env.LINDUNG_DATA_DIR!, 'production'),
    });
    child = started.child;
    url = `http://127.0.0.1:${started.apiPort}`;
  }, 60_000);

  afterAll(async () => {
    await stop(child);
    const admin = new Client({ connectionString: process.env.LINDUNG_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  const post = async (query: string) =>
    (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json();

  it('should turn introspection off', async () => {
    const body = await post('{ __schema { types { name } } }');
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await post('{ __typename }')).toEqual({ data: { __typename: 'Query' } });
  });

  it('should load reference data but no demo accounts', async () => {
    const body = await post('mutation { login(email: "admin@lindung.test", password: "lindung-demo") { accessToken } }');
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].extensions.stacktrace).toBeUndefined();
    const admin = new Client({ connectionString: process.env.LINDUNG_DATABASE_URL!.replace(/\/[^/]*$/, `/${database}`) });
    await admin.connect();
    const { rows } = await admin.query(`SELECT (SELECT count(*)::int FROM villages) AS villages, (SELECT count(*)::int FROM users) AS users`);
    await admin.end();
    expect(rows[0]).toEqual({ villages: 716, users: 0 });
  });
});

describe('embedded database lifecycle', () => {
  it('should start its own PostgreSQL without DATABASE_URL and stop everything on SIGTERM', async () => {
    const dataDir = path.join(process.env.LINDUNG_DATA_DIR!, 'lifecycle');
    fs.rmSync(dataDir, { recursive: true, force: true });
    const { child, apiPort, log } = await startApi({ DATA_DIR: dataDir, DEMO_DATA: '1' });
    const pgPort = Number(/"port":(\d+),"databaseDir"/.exec(log())![1]);
    expect(await portOpen(pgPort)).toBe(true);
    const readiness = await (await fetch(`http://127.0.0.1:${apiPort}/readyz`)).json();
    expect(readiness.ready).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'keys', 'access-token-ed25519.json'))).toBe(true);
    const nik = await reportAndFailWithNik(apiPort);

    expect(await stop(child)).toBe(0);
    expect(await portOpen(apiPort)).toBe(false);
    expect(await portOpen(pgPort)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    // No NIK or password ever reaches the log.
    expect(log()).not.toMatch(/lindung-demo|password_hash|\$argon2/);
    expect(log()).not.toContain(nik);
    expect(log()).not.toContain(nik.slice(6));
  }, 60_000);
});

/**
 * A partner reports a worker, then sends the same NIK in a request that fails in every way a
 * request can (bad input, a conflict, an unparsable document): the NIK it returns must appear in
 * no log line.
 */
async function reportAndFailWithNik(port: number): Promise<string> {
  const call = async (query: string, variables: object = {}, token?: string) =>
    (
      await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      })
    ).json();
  const login = await call(`mutation { login(email: "mitra.sanggar@lindung.test", password: "lindung-demo") { accessToken } }`);
  const token = login.data.login.accessToken as string;
  const nik = newNik('1980-10-10');
  const village = (await call(`{ allVillages(filter: { code: "51.04.05.2002" }) { id } }`, {}, token)).data.allVillages[0].id;
  const create = `mutation($nik: String!, $v: ID!, $kpj: String) { createWorker(nik: $nik, fullName: "Log Uji", villageId: $v, kpj: $kpj) { id } }`;
  expect((await call(create, { nik, v: village }, token)).errors).toBeUndefined();
  expect((await call(create, { nik, v: village, kpj: 'x' }, token)).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect((await call(`{ allWorkers(filter: { q: "${nik}" }) { nik }`, {}, token)).errors).toBeDefined();
  await call(`mutation($csv: String!) { importEnrollments(csv: $csv) { accepted } }`, { csv: `nik,full_name\n${nik},x` }, token);
  return nik;
}
