// The argument validator keeps each class's rules after their first lookup; these tests run it in
// this process on classes made here (the decorators applied as functions), not over HTTP.
import { IsNotEmpty, MaxLength } from 'class-validator';
import { validateArgs } from '../../api/src/core/validation';

const validateOne = (value: object) => validateArgs(value, undefined as never, undefined as never);

/** Each refused field's reason code. */
async function fieldsRefused(value: object): Promise<Record<string, string>> {
  try {
    await validateOne(value);
    return {};
  } catch (error) {
    const { reasons } = (error as { extensions: { reasons: Record<string, { code: string }> } }).extensions;
    return Object.fromEntries(Object.entries(reasons).map(([field, reason]) => [field, reason.code]));
  }
}

describe('argument rules, kept per class', () => {
  it('should apply a class’s own and inherited rules the same on every lookup', async () => {
    class Named {
      name = '';
    }
    IsNotEmpty()(Named.prototype, 'name');
    class Person extends Named {}
    for (let round = 0; round < 3; round += 1) {
      await expect(fieldsRefused(new Person())).resolves.toEqual({ name: 'REQUIRED' });
      await expect(fieldsRefused(Object.assign(new Person(), { name: 'Wayan' }))).resolves.toEqual({});
    }
  });

  it('should apply a rule registered after a class’s rules were first looked up', async () => {
    class Base {
      name = 'Made';
      village = 'Mas, Ubud';
    }
    IsNotEmpty()(Base.prototype, 'name');
    class Derived extends Base {}
    await expect(fieldsRefused(new Derived())).resolves.toEqual({});
    MaxLength(3)(Base.prototype, 'village');
    await expect(fieldsRefused(new Derived())).resolves.toEqual({ village: 'TOO_LONG' });
  });
});
