import type { Role } from '../db/generated/enums.ts';
import { MAPPABLE_ROLES, type MappableRole } from './sso-config-schema.ts';

// Which role an SSO sign-in gives, from one attribute of the assertion (e.g. "groups") and the
// admin's value → role table. Several matches: the highest role wins. Owners are never
// granted or taken by SSO.

const RANK: Record<MappableRole, number> = { admin: 3, member: 2, viewer: 1 };

/** The attribute's values, whether the IdP sent one value, several, or a comma-joined list. */
export function attributeValues(raw: Record<string, unknown> | undefined, attribute: string): string[] {
  const value = raw?.[attribute];
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.flatMap((item) => String(item).split(',')).map((item) => item.trim()).filter(Boolean);
}

/** The mapped role, or null when no value matches. */
export function mappedRole(values: string[], mapping: { value: string; role: MappableRole }[]): MappableRole | null {
  const wanted = new Set(values);
  let best: MappableRole | null = null;
  for (const row of mapping) {
    if (wanted.has(row.value) && (MAPPABLE_ROLES as readonly string[]).includes(row.role) && (!best || RANK[row.role] > RANK[best])) best = row.role;
  }
  return best;
}

/**
 * The role a sign-in should leave the member with. With a mapping, the IdP decides on every
 * sign-in (no match: the default role). Without one, new people get the default role and
 * existing members keep theirs. An owner stays an owner.
 */
export function roleForSignIn(current: Role | null, mapped: MappableRole | null, hasMapping: boolean, defaultRole: Role): Role {
  if (current === 'owner') return 'owner';
  const fallback: Role = defaultRole === 'owner' ? 'member' : defaultRole;
  if (hasMapping) return mapped ?? fallback;
  return current ?? fallback;
}
