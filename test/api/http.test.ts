import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { auditServer } from 'graphql-http';
import { API_URL, failure, gql, tokenOf } from '../support/api';

describe('HTTP surface', () => {
  it('should answer /healthz and /readyz with JSON', async () => {
    const health = await fetch(`${API_URL}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${API_URL}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, database: 'ok', migrations: 'applied' });
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
    const fields = Array.from({ length: 800 }, () => 'code').join(' ');
    const error = await failure(`{ allVillages { ${fields} } }`, {}, await tokenOf('admin'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' });
    expect(error.message).toMatch(/cost/i);
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
