import { PERMISSIONS, Permission, ROLE_PERMISSIONS } from '@lindung/domain';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const run = (script: string) => JSON.parse(execFileSync(process.execPath, [path.join(__dirname, '../support', script)], { encoding: 'utf8' }));

describe('access declarations', () => {
  const map: Record<string, string[] | null> = run('print-permissions.cjs');

  it('should declare an access rule on every query and mutation', () => {
    const undeclared = Object.entries(map).filter(([, permissions]) => !permissions?.length).map(([field]) => field);
    expect(undeclared).toEqual([]);
  });

  it('should only use permissions of the shared matrix', () => {
    const used = new Set(Object.values(map).flat());
    for (const permission of used) expect(PERMISSIONS).toContain(permission);
  });

  it('should keep public operations to the sign-in flow', () => {
    const open = Object.entries(map).filter(([, p]) => p?.includes(Permission.Public)).map(([f]) => f).sort();
    expect(open).toEqual(['Mutation.login', 'Mutation.logout', 'Mutation.refreshSession']);
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
