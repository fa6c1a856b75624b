import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MAIN_JS, post, startApi, stopApi, type ChildApi } from '../support/child-api';

/**
 * Fault test: the API is killed with SIGKILL while writes are in flight, then started again on the
 * same DATA_DIR. It must recover the PostgreSQL the killed process left running, and every write it
 * acknowledged must be there, whole.
 */
const dataDir = path.join(process.env.LINDUNG_DATA_DIR!, 'fault');
const databaseDir = path.join(dataDir, 'postgres');
const env = { DATA_DIR: dataDir, DEMO_DATA: '1' };

const DISTRICT_CODE = '51.04.90'; // not a real Gianyar kecamatan: only this test's villages live under it
const MARKER = `faultmark${randomBytes(4).toString('hex')}`;
const CONCURRENCY = 4;
const KILL_AFTER_ACKS = 40;
const MAX_WRITES = 900; // codes 51.04.90.1000–1999 and .2000–2999 leave room for these
const REQUEST_TIMEOUT_MS = 15_000;

const VILLAGE_FIELDS = 'id code name type districtId regencyId';

interface Sent {
  code: string;
  name: string;
}
interface VillageRow extends Sent {
  id: string;
  type: string;
  districtId: string;
  regencyId: string;
}

let api: ChildApi | null = null;

afterAll(async () => {
  if (api) expect(await stopApi(api.child)).toBe(0);
  await stopLeftoverPostgres();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('kill -9 during writes', () => {
  it('should start again on the same DATA_DIR and keep every acknowledged write, whole', async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    const first = await startApi(env);
    api = first;
    const token = await signIn(first.url);
    const regencyId = await gianyarId(first.url, token);
    const district = await call(first.url, token, `mutation($code: String!, $name: String!, $regencyId: ID!) {
      createDistrict(code: $code, name: $name, regencyId: $regencyId) { id } }`, { code: DISTRICT_CODE, name: `${MARKER} district`, regencyId });
    const districtId: string = district.createDistrict.id;

    const run = await writeUntilKilled(first, token, districtId);
    api = null;
    expect(run.errorsBeforeKill).toEqual([]);
    expect(run.acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(run.inFlightAtKill).toBeGreaterThan(0);
    // The situation under test: the killed API's PostgreSQL is still running on DATA_DIR.
    const orphan = postmasterPid();
    expect(orphan !== null && isAlive(orphan)).toBe(true);

    const second = await startApi(env, 60_000);
    api = second;
    expect(second.log()).toMatch(/"msg":"stopped a PostgreSQL left running by an earlier run"/);
    expect(isAlive(orphan!)).toBe(false);
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200);

    const token2 = await signIn(second.url);
    const expectedRow = (sent: Sent) => ({ ...sent, type: villageTypeOf(sent.code), districtId, regencyId });
    // Every acknowledged write is there with exactly the values sent.
    const acknowledgedIds = [...run.acknowledged.keys()];
    const found = await call(second.url, token2, `query($ids: [ID!]) { allVillages(filter: { ids: $ids }, perPage: 1000) { ${VILLAGE_FIELDS} } }`, {
      ids: acknowledgedIds,
    });
    const foundById = new Map<string, VillageRow>(found.allVillages.map((row: VillageRow) => [row.id, row]));
    for (const [id, sent] of run.acknowledged) expect(foundById.get(id)).toEqual({ id, ...expectedRow(sent) });
    expect(foundById.size).toBe(acknowledgedIds.length);

    // No row is half-written or unexpected: every marked row is one a request sent, in full. Writes
    // in flight at the kill may or may not have committed, but only ever as a whole row.
    const marked = await call(second.url, token2, `query($q: String) {
      allVillages(filter: { q: $q }, perPage: 1000) { ${VILLAGE_FIELDS} }
      _allVillagesMeta(filter: { q: $q }) { count } }`, { q: MARKER });
    expect(marked._allVillagesMeta.count).toBe(marked.allVillages.length);
    for (const row of marked.allVillages as VillageRow[]) {
      const sent = run.sent.get(row.code);
      expect(sent).toBeDefined();
      expect(row).toEqual({ id: row.id, ...expectedRow(sent!) });
    }
    expect(marked.allVillages.length).toBeGreaterThanOrEqual(run.acknowledged.size);
    expect(marked.allVillages.length).toBeLessThanOrEqual(run.sent.size);
  }, 120_000);

  it('should refuse a second start while an API uses the DATA_DIR, and leave that API running', async () => {
    api ??= await startApi(env, 60_000);
    const postmaster = postmasterPid();
    const startedAt = Date.now();
    const second = await runToExit(20_000);
    expect(second.code).toBe(1);
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    expect(second.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^lindung: failed to start: DATA_DIR is in use: another Lindung \(pid \d+\)/)]);

    expect(postmasterPid()).toBe(postmaster);
    expect(isAlive(postmaster!)).toBe(true);
    expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
    expect((await post(api.url, '{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
  }, 90_000);
});

/** Creates villages, CONCURRENCY at a time, and kills the API with SIGKILL once enough are acknowledged. */
async function writeUntilKilled(target: ChildApi, token: string, districtId: string) {
  const sent = new Map<string, Sent>(); // by code
  const acknowledged = new Map<string, Sent>(); // by id: answered with data and no errors
  const errorsBeforeKill: string[] = [];
  const exited = new Promise<NodeJS.Signals | null>((resolve) => target.child.once('exit', (_code, signal) => resolve(signal)));
  let next = 0;
  let inFlight = 0;
  let inFlightAtKill = -1;
  let killed = false;

  const writer = async () => {
    while (!killed && next < MAX_WRITES && errorsBeforeKill.length === 0) {
      const n = next++;
      const village = { code: villageCode(n), name: `${MARKER} Banjar ${n} — Pura Désa` };
      sent.set(village.code, village);
      inFlight++;
      const answer = await createVillage(target.url, token, districtId, village);
      inFlight--;
      if (answer.id) acknowledged.set(answer.id, village);
      else if (!killed) errorsBeforeKill.push(answer.error);
      if (!killed && acknowledged.size >= KILL_AFTER_ACKS) {
        killed = true;
        inFlightAtKill = inFlight;
        target.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, writer));
  if (!killed) target.child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return { sent, acknowledged, errorsBeforeKill, inFlightAtKill };
}

/** One createVillage; `id` only when the API acknowledged it (data, no errors). */
async function createVillage(url: string, token: string, districtId: string, village: Sent): Promise<{ id?: string; error: string }> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `mutation($code: String!, $name: String!, $districtId: ID!) { createVillage(code: $code, name: $name, districtId: $districtId) { id code name } }`,
        variables: { ...village, districtId },
      }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await response.json()) as { data?: { createVillage?: { id: string; code: string; name: string } }; errors?: unknown[] };
    const created = body.data?.createVillage;
    if (created && !body.errors?.length && created.code === village.code && created.name === village.name) return { id: created.id, error: '' };
    return { error: JSON.stringify(body).slice(0, 500) };
  } catch (error) {
    return { error: String(error) }; // the connection died with the process
  }
}

/** Desa (2xxx) and kelurahan (1xxx) codes alternate, so the derived type is checked both ways. */
function villageCode(n: number): string {
  return `${DISTRICT_CODE}.${n % 2 ? '1' : '2'}${String(n).padStart(3, '0')}`;
}

function villageTypeOf(code: string): string {
  return code.split('.')[3]!.startsWith('1') ? 'KELURAHAN' : 'DESA';
}

async function call(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const { body } = await post(url, query, variables, { authorization: `Bearer ${token}` });
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function signIn(url: string): Promise<string> {
  const { body } = await post(url, 'mutation { login(email: "admin@lindung.test", password: "lindung-demo") { accessToken } }');
  if (!body.data?.login) throw new Error(`sign-in failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.accessToken;
}

async function gianyarId(url: string, token: string): Promise<string> {
  const data = await call(url, token, `{ allRegencies(filter: { code: "51.04" }) { id } }`, {});
  return data.allRegencies[0].id;
}

/** Runs the built API once more on the same DATA_DIR; resolves with its exit code and stderr. */
function runToExit(timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN_JS], {
      env: { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    // Should it start after all, stop it (SIGTERM stops its database too) and let the test fail.
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

function postmasterPid(): number | null {
  try {
    return Number(fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie (exited, not yet reaped) still answers kill(pid, 0).
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** After a failure midway, a killed API's PostgreSQL may still run here: stop it, never anything else. */
async function stopLeftoverPostgres(): Promise<void> {
  const pid = postmasterPid();
  if (pid === null || !isAlive(pid)) return;
  let cmdline = '';
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return;
  }
  if (!cmdline.includes(databaseDir)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}
