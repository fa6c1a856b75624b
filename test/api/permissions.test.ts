import { PERMISSIONS, Permission, ROLE_PERMISSIONS } from '@lindung/domain';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const run = (script: string) => JSON.parse(execFileSync(process.execPath, [path.join(__dirname, '../support', script)], { encoding: 'utf8' }));

describe('access declarations', () => {
  type Declaration = string[] | { allow: string[] | null; ownTransactions?: string; allowDuringPasswordChange?: true } | null;
  const map: Record<string, Declaration> = run('print-permissions.cjs');
  const allowed: Record<string, string[] | null> = Object.fromEntries(
    Object.entries(map).map(([field, declaration]) => [field, Array.isArray(declaration) ? declaration : (declaration?.allow ?? null)]),
  );

  it('should declare an access rule on every query and mutation', () => {
    const undeclared = Object.entries(allowed).filter(([, permissions]) => !permissions?.length).map(([field]) => field);
    expect(undeclared).toEqual([]);
  });

  it('should only use permissions of the shared matrix', () => {
    const used = new Set(Object.values(allowed).flat());
    for (const permission of used) expect(PERMISSIONS).toContain(permission);
  });

  it('should keep public operations to the sign-in flow', () => {
    const open = Object.entries(allowed).filter(([, p]) => p?.includes(Permission.Public)).map(([f]) => f).sort();
    expect(open).toEqual(['Mutation.login', 'Mutation.logout', 'Mutation.refreshSession']);
  });

  it('should run every mutation in one transaction unless it says why not', () => {
    const own = Object.entries(map).filter(([, d]) => d && !Array.isArray(d) && d.ownTransactions).map(([field]) => field);
    // Each hashes or verifies a password (tens of ms of CPU) before it takes a connection.
    expect(own.sort()).toEqual(['Mutation.changePassword', 'Mutation.createUser', 'Mutation.login', 'Mutation.resetPassword', 'Mutation.updateUser']);
  });

  it('should leave an account that must change its password only changing it, me and logout', () => {
    const open = Object.entries(map).filter(([, d]) => d && !Array.isArray(d) && d.allowDuringPasswordChange).map(([field]) => field);
    expect(open.sort()).toEqual(['Mutation.changePassword', 'Mutation.logout', 'Query.me']);
  });

  // A diff in this snapshot is a permission change: review it like one.
  it('should match the reviewed permission map', () => {
    expect(map).toMatchSnapshot();
    expect(ROLE_PERMISSIONS).toMatchSnapshot();
  });

  it('should refuse at runtime an operation that declares no rule, even to an ADMIN', () => {
    const result = run('undeclared-operation.cjs');
    expect(result.data).toBeNull();
    expect(result.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
