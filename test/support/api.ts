import { randomBytes } from 'node:crypto';

/**
 * The GraphQL client every API test uses: plain fetch over HTTP to the real server.
 */
export const API_URL = process.env.LINDUNG_API_URL!;
export const DEMO_PASSWORD = 'lindung-demo';

export const DEMO = {
  admin: 'admin@lindung.test',
  pejabatGianyar: 'pejabat.gianyar@lindung.test',
  pejabatBadung: 'pejabat.badung@lindung.test',
  perbekelMas: 'perbekel.mas@lindung.test',
  perbekelBatuan: 'perbekel.batuan@lindung.test',
  mitraSanggar: 'mitra.sanggar@lindung.test',
  mitraUsaha: 'mitra.usaha@lindung.test',
  mitraPenyuluh: 'mitra.penyuluh@lindung.test',
  auditor: 'auditor@lindung.test',
} as const;
export type DemoAccount = keyof typeof DEMO;

export interface GraphQLErrorShape {
  message: string;
  extensions: { code: string; fields?: Record<string, string>; reason?: string; [key: string]: unknown };
}
export interface GraphQLResult<T = any> {
  data?: T | null;
  errors?: GraphQLErrorShape[];
  status: number;
}

export async function gql<T = any>(
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(`${API_URL}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResult<T>, 'status'>;
  return { ...body, status: response.status };
}

/** The data of a call that must succeed; fails the test with the errors otherwise. */
export async function ok<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
  const result = await gql<T>(query, variables, token);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

/** The first error's code (and the error) of a call that must fail. */
export async function failure(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLErrorShape> {
  const result = await gql(query, variables, token);
  if (!result.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(result.data).slice(0, 300)}`);
  return result.errors[0];
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; role: string; regencyId: string | null; villageId: string | null; partnerId: string | null };
}

export const LOGIN = /* GraphQL */ `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken refreshToken accessTokenExpiresAt
      user { id email role regencyId villageId partnerId }
    }
  }`;

export async function login(email: string, password = DEMO_PASSWORD): Promise<Session> {
  return (await ok<{ login: Session }>(LOGIN, { email, password })).login;
}

/**
 * A client address of its own (IPv6 documentation range, RFC 3849, random within it) for a
 * sign-in-limit test, sent as X-Forwarded-For (the test API trusts it from loopback), so that no
 * two tests, files or runs ever share a source's count.
 */
export function newSource(): Record<string, string> {
  const groups = randomBytes(8).toString('hex').match(/.{4}/g)!;
  return { 'x-forwarded-for': `2001:db8:${groups.slice(0, 2).join(':')}::${groups.slice(2).join(':')}` };
}

const tokens = new Map<string, Promise<Session>>();
/** One session per demo account per test file. */
export function demo(account: DemoAccount): Promise<Session> {
  if (!tokens.has(account)) tokens.set(account, login(DEMO[account]));
  return tokens.get(account)!;
}
export async function tokenOf(account: DemoAccount): Promise<string> {
  return (await demo(account)).accessToken;
}

/** Reference ids looked up by Kemendagri code. */
export async function regencyId(code: string): Promise<string> {
  const data = await ok(`query($c: String) { allRegencies(filter: { code: $c }) { id } }`, { c: code }, await tokenOf('admin'));
  return data.allRegencies[0].id;
}
export async function villageId(code: string): Promise<string> {
  const data = await ok(`query($c: String) { allVillages(filter: { code: $c }) { id } }`, { c: code }, await tokenOf('admin'));
  return data.allVillages[0].id;
}
export async function districtId(code: string): Promise<string> {
  const data = await ok(`query($c: String) { allDistricts(filter: { code: $c }) { id } }`, { c: code }, await tokenOf('admin'));
  return data.allDistricts[0].id;
}

let counter = 0;
/** A unique email for accounts a test creates. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${process.pid}.${Date.now()}.${counter}@lindung.test`;
}
