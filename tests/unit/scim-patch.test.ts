import { describe, expect, it } from 'vitest';
import { ScimError } from '../../lib/scim/scim-errors.ts';
import { filterCondition, parseFilter } from '../../lib/scim/scim-filter.ts';
import { applyPatch, parsePatchBody, parsePath } from '../../lib/scim/scim-patch.ts';
import { parseUser, project } from '../../lib/scim/scim-resources.ts';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

function scimTypeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScimError) return error.scimType ?? `status ${error.status}`;
    throw error;
  }
  throw new Error('expected a ScimError');
}

describe('SCIM filters', () => {
  it('parse the RFC 7644 grammar, case-insensitively, with JSON string escapes', () => {
    expect(parseFilter('USERNAME EQ "a\\"b"')).toEqual({ op: 'eq', attrPath: 'USERNAME', compValue: 'a"b' });
    expect(parseFilter('not (title pr) or name.familyName sw "L"')).toMatchObject({ op: 'or', filters: [{ op: 'not' }, { op: 'sw', attrPath: 'name.familyName' }] });
    // A value path with a sub-attribute is one item's test, not two independent ones.
    expect(parseFilter('emails[type eq "work"].value co "@x"')).toEqual({
      op: '[]',
      attrPath: 'emails',
      valFilter: { op: 'and', filters: [{ op: 'eq', attrPath: 'type', compValue: 'work' }, { op: 'co', attrPath: 'value', compValue: '@x' }] },
    });
  });

  it('refuse what is not a filter with invalidFilter', () => {
    for (const filter of ['userName eq', 'userName eq "open', 'userName eq ada', '(userName eq "a"', 'userName zz "a"']) {
      expect(scimTypeOf(() => parseFilter(filter)), filter).toBe('invalidFilter');
    }
    expect(scimTypeOf(() => filterCondition('User', 'nickName2 eq "x"'))).toBe('invalidFilter');
    expect(scimTypeOf(() => filterCondition('User', 'active gt true'))).toBe('invalidFilter');
    expect(scimTypeOf(() => filterCondition('Group', 'members.display eq "x"'))).toBe('invalidFilter');
    expect(scimTypeOf(() => filterCondition('User', 'password eq "x"'))).toBe('invalidFilter');
  });
});

describe('SCIM PATCH', () => {
  const user = { userName: 'ada', active: true, name: { givenName: 'Ada', familyName: 'L' }, emails: [{ type: 'work', value: 'a@x.test', primary: true }] };

  it('reads Okta and Entra bodies, op names in any case', () => {
    expect(parsePatchBody({ Operations: [{ op: 'Replace', path: 'active', value: 'False' }] })).toEqual([{ op: 'replace', path: 'active', value: 'False' }]);
    expect(parsePatchBody({ operations: [{ op: 'add', value: { title: 'x' } }] })).toEqual([{ op: 'add', path: null, value: { title: 'x' } }]);
    expect(scimTypeOf(() => parsePatchBody({ Operations: [{ op: 'copy', path: 'x' }] }))).toBe('invalidSyntax');
    expect(scimTypeOf(() => parsePatchBody({ Operations: [{ op: 'remove' }] }))).toBe('noTarget');
    expect(scimTypeOf(() => parsePatchBody({ Operations: 'replace' }))).toBe('invalidSyntax');
  });

  it('replaces path-less values, sub-attributes, filtered multi-valued items and extension attributes', () => {
    const ops = parsePatchBody({
      Operations: [
        { op: 'replace', value: { active: false, 'name.familyName': 'Lovelace' } },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'ada@x.test' },
        { op: 'Add', path: 'emails[type eq "home"].value', value: 'home@x.test' },
        { op: 'add', path: `${ENTERPRISE}:department`, value: 'R&D' },
        { op: 'replace', value: { [ENTERPRISE]: { department: 'Math', manager: { value: 'm1' } } } },
        { op: 'replace', path: `${ENTERPRISE}:manager.value`, value: 'm2' },
      ],
    });
    const out = applyPatch(user, ops);
    expect(out).toMatchObject({
      active: false,
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      emails: [
        { type: 'work', value: 'ada@x.test', primary: true },
        { type: 'home', value: 'home@x.test' },
      ],
      [ENTERPRISE]: { department: 'Math', manager: { value: 'm2' } },
    });
    // The input is untouched.
    expect(user.active).toBe(true);
  });

  it('adds, removes and replaces group members in every shape', () => {
    const group = { displayName: 'G', members: [{ value: 'u1' }, { value: 'u2' }] };
    const run = (...Operations: unknown[]) => (applyPatch(group, parsePatchBody({ Operations })).members as { value: string }[] | undefined)?.map((m) => m.value);
    expect(run({ op: 'add', path: 'members', value: [{ value: 'u2' }, { value: 'u3' }] })).toEqual(['u1', 'u2', 'u3']);
    expect(run({ op: 'remove', path: 'members[value eq "u1"]' })).toEqual(['u2']);
    expect(run({ op: 'Remove', path: 'members', value: [{ $ref: null, value: 'u2' }] })).toEqual(['u1']);
    expect(run({ op: 'replace', path: 'members', value: [{ value: 'u9' }] })).toEqual(['u9']);
    expect(run({ op: 'remove', path: 'members' })).toBeUndefined();
    expect(applyPatch(group, parsePatchBody({ Operations: [{ op: 'replace', value: { id: 'g', displayName: 'H' } }] })).displayName).toBe('H');
  });

  it('refuses paths that are not attribute paths', () => {
    for (const path of ['__proto__', 'constructor.prototype', 'a..b', 'emails[type eq "w"', '[x]', 'a.b.c']) {
      expect(['invalidPath', 'invalidFilter']).toContain(scimTypeOf(() => parsePath(path)));
    }
    const polluted = applyPatch({}, parsePatchBody({ Operations: [{ op: 'add', value: { title: 'x' } }] }));
    expect(({} as Record<string, unknown>).title).toBeUndefined();
    expect(polluted.title).toBe('x');
  });
});

describe('SCIM resources', () => {
  it('pick the address to provision and coerce Entra booleans', () => {
    expect(parseUser({ userName: 'Ada@X.test' })).toMatchObject({ email: 'ada@x.test', active: undefined });
    expect(parseUser({ userName: 'upn', emails: [{ value: 'home@x.test', type: 'home' }, { value: 'work@x.test', type: 'work' }] }).email).toBe('work@x.test');
    expect(parseUser({ userName: 'upn', emails: [{ value: 'w@x.test', type: 'work' }, { value: 'p@x.test', primary: 'True' }] }).email).toBe('p@x.test');
    expect(parseUser({ userName: 'upn' }).email).toBeNull();
    expect(parseUser({ userName: 'a@x.test', active: 'False' }).active).toBe(false);
    const input = parseUser({ userName: 'a@x.test', password: 'secret', id: 'forged', meta: {}, schemas: [USER], title: 'T', favouriteColour: 'red', Groups: [{ value: 'g' }] });
    expect(input.resource).toEqual({ title: 'T' });
    // Canonical names, whatever the client's casing.
    expect(parseUser({ UserName: 'a@x.test', Emails: [{ Value: 'b@x.test', Type: 'work', Primary: 'True' }], NAME: { GivenName: 'Ada' } })).toMatchObject({
      userName: 'a@x.test',
      email: 'b@x.test',
      resource: { emails: [{ value: 'b@x.test', type: 'work', primary: true }], name: { givenName: 'Ada' } },
    });
    expect(scimTypeOf(() => parseUser({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], userName: 'a@x.test' }))).toBe('invalidValue');
  });

  it('project attributes and excludedAttributes with sub-attributes, keeping id, schemas and meta', () => {
    const resource = { schemas: ['s'], id: 'i', displayName: 'd', members: [{ value: 'u', display: 'U' }], meta: {} };
    expect(project('Group', resource, null, 'members')).toEqual({ schemas: ['s'], id: 'i', displayName: 'd', meta: {} });
    expect(project('Group', resource, 'DisplayName', null)).toEqual({ schemas: ['s'], id: 'i', displayName: 'd', meta: {} });
    expect(project('Group', resource, 'members.value', 'id')).toEqual({ schemas: ['s'], id: 'i', members: [{ value: 'u' }], meta: {} });
    expect(project('Group', resource, null, 'members.display,schemas')).toEqual({ schemas: ['s'], id: 'i', displayName: 'd', members: [{ value: 'u' }], meta: {} });
    const user = { schemas: ['s'], id: 'i', userName: 'u', name: { givenName: 'A', familyName: 'L' }, [ENTERPRISE]: { department: 'R', costCenter: 'C' }, meta: {} };
    expect(project('User', user, 'urn:ietf:params:scim:schemas:core:2.0:User:name.givenName', null)).toEqual({ schemas: ['s'], id: 'i', name: { givenName: 'A' }, meta: {} });
    expect(project('User', user, `${ENTERPRISE}:department`, null)).toEqual({ schemas: ['s'], id: 'i', [ENTERPRISE]: { department: 'R' }, meta: {} });
  });
});
