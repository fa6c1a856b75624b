import { execFileSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { auditServer } from 'graphql-http';
import { API_URL, failure, gql, ok, tokenOf } from '../support/api';
import { scratchDatabase, startApi, stopApi } from '../support/child-api';
import { waitFor } from '../support/wait';

describe('HTTP surface', () => {
  it('should answer /healthz and /readyz with JSON', async () => {
    const health = await fetch(`${API_URL}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    // Other suites flood this same API at the same time (reliability.test.ts): while every pool
    // connection is taken, /readyz rightly answers 503 `busy`. Its answer once the pool drains:
    let ready: { status: number; body: unknown } = { status: 0, body: null };
    await waitFor(
      async () => {
        const response = await fetch(`${API_URL}/readyz`);
        ready = { status: response.status, body: await response.json() };
        return ready.status === 200;
      },
      10_000,
      { what: '/readyz answering 200', state: async () => JSON.stringify(ready) },
    );
    expect(ready.body).toEqual({ ready: true, database: 'ok', migrations: 'applied' });
  });

  it('should serve the portal at / and for client-side routes, with security headers', async () => {
    for (const route of ['/', '/Village']) {
      const response = await fetch(`${API_URL}${route}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('should send GraphQL answers without an ETag (never revalidated) or X-Powered-By', async () => {
    const response = await fetch(`${API_URL}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('should pass the GraphQL-over-HTTP audit without a failure or a SHOULD warning', async () => {
    const results = await auditServer({ url: `${API_URL}/graphql` });
    const failures = results.filter((result) => result.status === 'error' || result.status === 'warn');
    expect(failures.map((f) => `${f.id} ${f.name}: ${'reason' in f ? f.reason : ''}`)).toEqual([]);
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThanOrEqual(50);
  });

  it('should answer application/graphql-response+json when asked', async () => {
    const response = await fetch(`${API_URL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.headers.get('content-type')).toContain('application/graphql-response+json');
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('should answer GET queries that carry a preflight header, and refuse mutations over GET', async () => {
    const token = await tokenOf('auditor');
    const query = encodeURIComponent('{ _allRegenciesMeta { count } }');
    const headers = { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' };
    const get = await fetch(`${API_URL}/graphql?query=${query}`, { headers });
    expect(await get.json()).toEqual({ data: { _allRegenciesMeta: { count: 9 } } });
    const mutation = encodeURIComponent('mutation { logout(refreshToken: "x") }');
    const refused = await fetch(`${API_URL}/graphql?query=${mutation}`, { headers });
    expect(refused.status).toBe(405);
  });

  it('should refuse a simple (CSRF-able) GET request', async () => {
    const response = await fetch(`${API_URL}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
  });

  it('should answer a document error with 200 under application/json and 400 under graphql-response+json', async () => {
    const post = (accept: string) =>
      fetch(`${API_URL}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query: '{ nope }' }) });
    const legacy = await post('application/json');
    expect(legacy.status).toBe(200);
    expect((await legacy.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await post('application/graphql-response+json')).status).toBe(400);
  });

  it('should refuse batched requests', async () => {
    const response = await fetch(`${API_URL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('should keep variables, and so NIKs and passwords, out of the access log', async () => {
    const nik = '5104054107900007';
    const variables = encodeURIComponent(JSON.stringify({ nik }));
    await fetch(`${API_URL}/graphql?query=${encodeURIComponent('query($nik: String) { __typename }')}&variables=${variables}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: 'nobody@lindung.test', p: 'secret-password-in-body' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const log = fs.readFileSync(path.join(process.env.LINDUNG_DATA_DIR!, 'api.log'), 'utf8');
    expect(log).toContain('"path":"/graphql"');
    expect(log).not.toContain(nik);
    expect(log).not.toContain('secret-password-in-body');
  });

  it('should tag every response with a request id', async () => {
    const response = await fetch(`${API_URL}/healthz`);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('query limits and request errors', () => {
  it('should refuse a query over the depth limit before it runs', () => {
    // Lindung's types are shallow, so the configured rule is checked on a recursive schema.
    const result = JSON.parse(execFileSync(process.execPath, [path.join(__dirname, '../support/depth-limit.cjs')], { encoding: 'utf8' }));
    expect(result.atLimit).toEqual([]);
    expect(result.overLimit.join(' ')).toMatch(/depth limit of 10/i);
  });

  it('should still answer the standard introspection query in development', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const result = await gql(getIntrospectionQuery());
    expect(result.errors).toBeUndefined();
  });

  it('should refuse too many aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ');
    const error = await failure(`{ ${aliases} }`);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(error.message).toMatch(/alias/i);
  });

  it('should refuse a document with too many tokens', async () => {
    const fields = Array.from({ length: 1200 }, () => '__typename').join(' ');
    const error = await failure(`{ ${fields} }`);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('should refuse a query over the cost limit', async () => {
    // 1 + 300 fields × 100 rows (graphql-js itself gives up on many more repeated fields).
    const fields = Array.from({ length: 300 }, () => 'code').join(' ');
    const error = await failure(`{ allVillages(perPage: 100) { ${fields} } }`, {}, await tokenOf('admin'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COSTLY' });
    expect(error.message).toMatch(/costs 30001, more than the maximum of 20000/);
  });

  it('should answer syntax errors and unknown fields with BAD_USER_INPUT and no field suggestions', async () => {
    const syntax = await failure(`{ allVillages( }`);
    expect(syntax.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' });
    const unknown = await failure(`{ allVilage { id } }`);
    expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' });
    expect(unknown.message).not.toMatch(/did you mean/i);
  });

  it('should hide unexpected errors: no stack, SQL or driver text', () => {
    const result = JSON.parse(execFileSync(process.execPath, [path.join(__dirname, '../support/internal-error.cjs')], { encoding: 'utf8' }));
    expect(result.errors).toEqual([{ message: 'Internal server error', path: ['boom'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
  });

  it('should refuse NUL characters in any string argument as BAD_USER_INPUT', async () => {
    const error = await failure(`mutation { createRegency(code: "51.98", name: "Nul\\u0000Byte") { id } }`, {}, await tokenOf('admin'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { name: 'must not contain NUL characters' } });
  });
});

const VILLAGE_FIELDS = 'id code name type districtId regencyId createdAt updatedAt __typename';
const USER_FIELDS = 'id email fullName role active regencyId villageId partnerId lastLoginAt createdAt updatedAt __typename';
/** A page as ra-data-graphql-simple asks for it: the rows and the count, paging in variables. */
const raList = (list: string, type: string, fields: string) => /* GraphQL */ `
  query ${list}($filter: ${type}Filter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: String) {
    items: ${list}(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) { ${fields} }
    total: _${list}Meta(filter: $filter, page: $page, perPage: $perPage) { count __typename }
  }`;

describe('query cost weighs list sizes', () => {
  const aliases = (perPage: string) => Array.from({ length: 15 }, (_, i) => `a${i}: allVillages(perPage: ${perPage}) { ${VILLAGE_FIELDS} }`).join(' ');

  it('should refuse 15 aliases of allVillages(perPage: 1000) before anything runs', async () => {
    const result = await gql(`{ ${aliases('1000')} }`, {}, await tokenOf('admin'));
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([
      {
        message: expect.stringMatching(/costs 135015, more than the maximum of 20000/),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COSTLY' }),
      },
    ]);
  });

  it('should weigh perPage given as a variable, and answer 200 under plain application/json', async () => {
    const query = `query($n: Int) { ${aliases('$n')} }`;
    const error = await failure(query, { n: 1000 }, await tokenOf('admin'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COSTLY' });
    const legacy = await fetch(`${API_URL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${await tokenOf('admin')}` },
      body: JSON.stringify({ query, variables: { n: 1000 } }),
    });
    expect(legacy.status).toBe(200);
    expect((await legacy.json()).errors[0].extensions.reason).toBe('QUERY_TOO_COSTLY');
    // The same document with a small page is fine: 15 × (1 + 9 × 25).
    expect((await gql(query, { n: 25 }, await tokenOf('admin'))).errors).toBeUndefined();
    // Costs are kept per document and variables: each request is weighed with its own.
    expect((await failure(query, { n: 1000 }, await tokenOf('admin'))).extensions).toMatchObject({ reason: 'QUERY_TOO_COSTLY' });
    expect((await gql(query, { n: 25 }, await tokenOf('admin'))).errors).toBeUndefined();
  });

  it('should refuse a long alias, which would repeat as a key in every row', async () => {
    const error = await failure(`{ allVillages(perPage: 1000) { ${'x'.repeat(65)}: id } }`, {}, await tokenOf('admin'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' });
    expect(error.message).toMatch(/limited to 64 characters/);
    expect((await gql(`{ allVillages(perPage: 1) { ${'x'.repeat(64)}: id } }`, {}, await tokenOf('admin'))).errors).toBeUndefined();
  });

  it("should accept the portal's list page and its 1000-row export", async () => {
    const token = await tokenOf('admin');
    const page = await ok(raList('allVillages', 'Village', VILLAGE_FIELDS), { filter: {}, page: 0, perPage: 25, sortField: 'code', sortOrder: 'ASC' }, token);
    expect(page.items).toHaveLength(25);
    const exported = await ok(raList('allVillages', 'Village', VILLAGE_FIELDS), { filter: {}, page: 0, perPage: 1000, sortField: 'code', sortOrder: 'ASC' }, token);
    expect(exported.items.length).toBe(Math.min(1000, exported.total.count));
    // The widest resource: 1 + 12 × 1000 + 3.
    const users = await gql(raList('allUsers', 'User', USER_FIELDS), { filter: {}, page: 0, perPage: 1000 }, token);
    expect(users.errors).toBeUndefined();
  });
});

/** What a failure before GraphQL must look like: JSON in the GraphQL error shape, nothing internal. */
async function expectJsonError(response: Response, status: number, code: string, reason: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const text = await response.text();
  expect(text).not.toMatch(/^\s*at /m);
  expect(text).not.toMatch(/\bat \S+ \(|:\d+:\d+\)/);
  expect(text).not.toContain('/work');
  expect(text).not.toContain('node_modules');
  const body = JSON.parse(text);
  expect(body).toEqual({ errors: [{ message: expect.any(String), extensions: { code, reason } }] });
  return body;
}

const json = { 'content-type': 'application/json' };

describe('request errors before GraphQL answer JSON', () => {
  it('should answer malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await fetch(`${API_URL}/graphql`, { method: 'POST', headers: json, body: '{"query": "{ __typename }"' });
    await expectJsonError(response, 400, 'BAD_USER_INPUT', 'MALFORMED_JSON');
  });

  it('should answer a 12 MB body with 413 PAYLOAD_TOO_LARGE', async () => {
    const body = JSON.stringify({ query: `{ __typename }`, variables: { filler: 'x'.repeat(12 * 1024 * 1024) } });
    const response = await fetch(`${API_URL}/graphql`, { method: 'POST', headers: json, body });
    await expectJsonError(response, 413, 'BAD_USER_INPUT', 'PAYLOAD_TOO_LARGE');
  });

  it('should answer a text/plain or untyped body with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const plain = await fetch(`${API_URL}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    await expectJsonError(plain, 415, 'BAD_USER_INPUT', 'UNSUPPORTED_MEDIA_TYPE');
    const xml = await fetch(`${API_URL}/graphql`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<query/>' });
    await expectJsonError(xml, 415, 'BAD_USER_INPUT', 'UNSUPPORTED_MEDIA_TYPE');
    const latin1 = await fetch(`${API_URL}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body });
    await expectJsonError(latin1, 415, 'BAD_USER_INPUT', 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('should answer PUT and DELETE on /graphql with 405 and Allow', async () => {
    for (const method of ['PUT', 'DELETE']) {
      const response = await fetch(`${API_URL}/graphql`, { method, headers: method === 'PUT' ? json : {}, body: method === 'PUT' ? '{}' : undefined });
      expect(response.headers.get('allow')).toBe('GET, POST');
      await expectJsonError(response, 405, 'BAD_USER_INPUT', 'METHOD_NOT_ALLOWED');
    }
  });

  it('should answer an unknown non-GET route with 404 NOT_FOUND', async () => {
    const response = await fetch(`${API_URL}/no-such-route`, { method: 'POST', headers: json, body: '{}' });
    await expectJsonError(response, 404, 'NOT_FOUND', 'NOT_FOUND');
  });
});

describe('caching and transport-security headers', () => {
  it('should mark every /graphql response no-store, answers and refusals alike', async () => {
    const answered = await fetch(`${API_URL}/graphql`, { method: 'POST', headers: json, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(answered.status).toBe(200);
    expect(answered.headers.get('cache-control')).toBe('no-store');
    const get = await fetch(`${API_URL}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(get.headers.get('cache-control')).toBe('no-store');
    const malformed = await fetch(`${API_URL}/graphql`, { method: 'POST', headers: json, body: '{' });
    expect(malformed.headers.get('cache-control')).toBe('no-store');
  });

  it('should send no HSTS and no upgrade-insecure-requests over plain HTTP', async () => {
    for (const route of ['/', '/graphql']) {
      const response = await fetch(`${API_URL}${route}`);
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    }
  });

  describe('behind a trusted proxy, in production', () => {
    let child: ChildProcess | undefined;
    let url = '';
    let drop: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      const database = await scratchDatabase(`lindung_https_${process.pid}`);
      drop = database.drop;
      const keys = generateKeyPairSync('ed25519', {
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        publicKeyEncoding: { type: 'spki', format: 'pem' },
      });
      const started = await startApi({
        NODE_ENV: 'production',
        TRUST_PROXY: 'loopback',
        DATABASE_URL: database.url,
        JWT_PRIVATE_KEY: keys.privateKey,
        JWT_PUBLIC_KEY: keys.publicKey,
        DATA_DIR: path.join(process.env.LINDUNG_DATA_DIR!, 'https'),
      });
      child = started.child;
      url = started.url;
    }, 60_000);

    afterAll(async () => {
      if (child) await stopApi(child);
      await drop?.();
    });

    it('should send HSTS and upgrade-insecure-requests when the request came over HTTPS', async () => {
      const secure = await fetch(`${url}/`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(secure.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(secure.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
      const plain = await fetch(`${url}/`);
      expect(plain.headers.get('strict-transport-security')).toBeNull();
      expect(plain.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    });

    it('should answer bad bodies with JSON in production too', async () => {
      await expectJsonError(await fetch(`${url}/graphql`, { method: 'POST', headers: json, body: '{bad' }), 400, 'BAD_USER_INPUT', 'MALFORMED_JSON');
      const large = JSON.stringify({ query: '{ __typename }', variables: { filler: 'x'.repeat(12 * 1024 * 1024) } });
      await expectJsonError(await fetch(`${url}/graphql`, { method: 'POST', headers: json, body: large }), 413, 'BAD_USER_INPUT', 'PAYLOAD_TOO_LARGE');
      await expectJsonError(await fetch(`${url}/anything`, { method: 'DELETE' }), 404, 'NOT_FOUND', 'NOT_FOUND');
    });
  });
});

describe('portal assets', () => {
  interface RawResponse {
    status: number;
    headers: http.IncomingHttpHeaders;
    body: Buffer;
  }

  /** A GET with exactly these headers, the body as sent (fetch would ask for and decode compression itself). */
  function rawGet(route: string, headers: Record<string, string> = {}): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const { hostname, port } = new URL(API_URL);
      // The path exactly as given (new URL would resolve `%2e%2e` segments first).
      const request = http.get({ hostname, port, path: route, headers, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      });
      request.on('error', reject);
    });
  }

  /** The hashed files index.html loads: its entry script and its stylesheet. */
  async function builtAssets(): Promise<{ script: string; stylesheet: string }> {
    const html = (await rawGet('/')).body.toString('utf8');
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const stylesheet = /<link[^>]+rel="stylesheet"[^>]+href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
    if (!script || !stylesheet) throw new Error(`no /assets/ script or stylesheet in index.html:\n${html}`);
    return { script, stylesheet };
  }

  const CHROME = 'gzip, deflate, br, zstd';
  const IMMUTABLE = 'public, max-age=31536000, immutable';

  it('should send a script brotli-compressed, as precompressed at build time, to a browser that accepts br', async () => {
    const { script } = await builtAssets();
    const plain = await rawGet(script);
    const br = await rawGet(script, { 'accept-encoding': CHROME });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    // The client's q-values count, not its order.
    expect((await rawGet(script, { 'accept-encoding': 'gzip;q=0.5, br;q=0.9' })).headers['content-encoding']).toBe('br');
  });

  it('should send gzip when gzip is the only compression accepted', async () => {
    const { script, stylesheet } = await builtAssets();
    for (const acceptEncoding of ['gzip', 'gzip, deflate', 'br;q=0, gzip', 'deflate, x-gzip;q=0.5, gzip;q=0.8']) {
      const gz = await rawGet(script, { 'accept-encoding': acceptEncoding });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(gz.headers.vary).toMatch(/accept-encoding/i);
      expect(gunzipSync(gz.body).equals((await rawGet(script)).body)).toBe(true);
    }
    const css = await rawGet(stylesheet, { 'accept-encoding': 'gzip' });
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('should send the file as it is when no compression is accepted', async () => {
    const { script } = await builtAssets();
    const onDisk = fs.readFileSync(path.join(__dirname, '../../admin/dist', script));
    const variants: Record<string, string>[] = [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'deflate' }, { 'accept-encoding': 'br;q=0, gzip;q=0' }];
    for (const headers of variants) {
      const plain = await rawGet(script, headers);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
      // Caches must still tell this answer from the compressed ones.
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
      expect(plain.body.equals(onDisk)).toBe(true);
    }
  });

  it('should let browsers cache hashed assets for a year without revalidating, with the security headers', async () => {
    const { script, stylesheet } = await builtAssets();
    for (const asset of [script, stylesheet]) {
      for (const acceptEncoding of [CHROME, 'identity']) {
        const response = await rawGet(asset, { 'accept-encoding': acceptEncoding });
        expect(response.status).toBe(200);
        expect(response.headers['cache-control']).toBe(IMMUTABLE);
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      }
    }
  });

  it('should make browsers revalidate index.html, at / and for client-side routes, and answer 304 while unchanged', async () => {
    for (const route of ['/', '/index.html', '/Village', '/User/123/show']) {
      const response = await rawGet(route, { 'accept-encoding': CHROME });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      const html = response.headers['content-encoding'] === 'br' ? brotliDecompressSync(response.body) : response.body;
      expect(html.toString('utf8')).toContain('<div id="root">');
      const etag = response.headers.etag;
      expect(etag).toBeTruthy();
      const again = await rawGet(route, { 'accept-encoding': CHROME, 'if-none-match': etag! });
      expect(again.status).toBe(304);
    }
  });

  it('should answer 404, not index.html, for a file under /assets/ that does not exist', async () => {
    const { script } = await builtAssets();
    for (const route of ['/assets/index-00000000.js', '/assets/', '/assets/nested/missing.css', `${script}.br`, `${script}.gz`, '/assets/%2e%2e/index.html']) {
      const response = await rawGet(route, { 'accept-encoding': CHROME });
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['cache-control']).not.toBe(IMMUTABLE);
      expect(response.body.toString('utf8')).not.toContain('<div id="root">');
    }
  });
});
