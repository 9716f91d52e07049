import { describe, expect, it } from 'vitest';
import { attributeValues, mappedRole, roleForSignIn } from '../../lib/sso/role-mapping.ts';
import { mappingRows } from '../../lib/sso/sso-config-schema.ts';

describe('SSO role mapping', () => {
  const mapping = [
    { value: 'staff', role: 'member' as const },
    { value: 'admins', role: 'admin' as const },
    { value: 'guests', role: 'viewer' as const },
  ];

  it('reads one value, several, or a comma-joined list', () => {
    expect(attributeValues({ groups: 'admins' }, 'groups')).toEqual(['admins']);
    expect(attributeValues({ groups: ['a', 'b'] }, 'groups')).toEqual(['a', 'b']);
    expect(attributeValues({ groups: 'a, b,,c' }, 'groups')).toEqual(['a', 'b', 'c']);
    expect(attributeValues({}, 'groups')).toEqual([]);
    expect(attributeValues(undefined, 'groups')).toEqual([]);
  });

  it('picks the highest mapped role, or none', () => {
    expect(mappedRole(['guests', 'admins', 'staff'], mapping)).toBe('admin');
    expect(mappedRole(['guests'], mapping)).toBe('viewer');
    expect(mappedRole(['other'], mapping)).toBeNull();
    expect(mappedRole(['Admins'], mapping)).toBeNull(); // values match exactly
  });

  it('lets the IdP decide when a mapping exists, never touching owners', () => {
    expect(roleForSignIn(null, 'admin', true, 'member')).toBe('admin');
    expect(roleForSignIn('admin', null, true, 'member')).toBe('member');
    expect(roleForSignIn('owner', 'viewer', true, 'member')).toBe('owner');
    expect(roleForSignIn(null, null, true, 'owner')).toBe('member');
  });

  it('without a mapping, gives new people the default role and leaves existing roles alone', () => {
    expect(roleForSignIn(null, null, false, 'viewer')).toBe('viewer');
    expect(roleForSignIn('admin', null, false, 'viewer')).toBe('admin');
  });

  it('reads stored mappings back in a stable order, dropping what is not a role', () => {
    expect(mappingRows({ z: 'viewer', b: 'admin', a: 'admin', x: 'owner', y: 42 })).toEqual([
      { value: 'a', role: 'admin' },
      { value: 'b', role: 'admin' },
      { value: 'z', role: 'viewer' },
    ]);
    expect(mappingRows(null)).toEqual([]);
    expect(mappingRows([])).toEqual([]);
  });
});
