import { execFileSync } from 'node:child_process';
import path from 'node:path';

const run = (script: string, ...args: string[]) =>
  JSON.parse(execFileSync(process.execPath, [path.join(__dirname, '../support', script), ...args], { encoding: 'utf8' }));

describe('the scope mechanism', () => {
  const found = run('scope-mechanism.cjs', process.env.LINDUNG_DATABASE_URL!);

  it('should keep the scope when a later where() replaces the conditions', () => {
    expect(found.ownPartner).toBe(1);
    expect(found.allPartners).toBeGreaterThan(1);
    expect(found.afterWhere).toBe(1);
    expect(found.afterWhereObject).toBe(1);
    expect(found.afterWhereExists).toBe(1);
    expect(found.cloneKeepsScope).toBe(1);
    // Alternatives inside Brackets stay inside the scope.
    expect(found.withBrackets).toBe(1);
  });

  it('should refuse a top-level orWhere and an overwritten scope parameter', () => {
    expect(found.orWhere.error).toMatch(/no top-level orWhere/);
    expect(found.overwriteScopeParameter.error).toMatch(/belongs to the query's scope/);
  });

  it.each(['parentTerm', 'anyOfTerm', 'columnTerm'])('should select exactly the rows of a %s', (term) => {
    expect(found[term].want.length).toBeGreaterThan(0);
    expect(found[term].got).toEqual(found[term].want);
  });

  it("should select exactly the rows of a link term, and read a page off the caller's links in the order they carry", () => {
    expect(found.linkTerm.want.length).toBeGreaterThan(0);
    expect(found.linkTerm.got).toEqual(found.linkTerm.want);
    expect(found.linkedPage.ascending).toEqual(found.linkedPage.want);
    expect(found.linkedPage.afterWhere).toEqual(found.linkedPage.want);
    expect(found.linkedPage.descending).toEqual(found.linkedPage.wantDescending);
    expect(found.linkedPage.wantDescending).toHaveLength(5);
  });

  it('should read a page off the links only for the scope that is a link, in an order it carries', () => {
    expect(found.linkedPageNotCarried).toBe(true);
    // A village head, an official, no caller, and a partner account without its partner: the plain scoped query.
    expect(found.linkedPageOtherScopes).toEqual([true, true, true, true]);
  });

  it('should fail closed for a switched-off scope and for no caller at all', () => {
    expect(found.missingScopeId).toBe(0);
    expect(found.anonymous).toBe(0);
  });
});

describe('nested entity fields', () => {
  const { unguarded, relations, sensitive, nikFields } = run('print-relations.cjs');

  it('should declare every field that carries a NIK sensitive, so that it is masked for roles that may not read it', () => {
    expect(nikFields.length).toBeGreaterThan(0);
    for (const field of nikFields) expect(sensitive).toContain(field);
  });

  // AuthPayload.user is the account that has just signed in, returned by login itself.
  it('should read every field that returns an entity through the scoped, batched loader', () => {
    expect(unguarded).toEqual(['AuthPayload.user']);
  });

  // A diff here is a change of what can be reached through nesting: review it like a permission.
  it('should match the reviewed map of relations', () => {
    expect(relations).toMatchSnapshot();
  });
});
